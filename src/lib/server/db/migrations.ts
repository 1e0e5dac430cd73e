// Versioned migrations, written with Kysely's schema builder so SQLite and PostgreSQL share them.
// Never edit a migration that has shipped: add the next one.
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
	'0001_records_and_sync': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('records')
				.addColumn('entity', 'varchar(40)', (c) => c.notNull())
				.addColumn('id', 'varchar(200)', (c) => c.notNull())
				.addColumn('version', 'bigint', (c) => c.notNull())
				.addColumn('value', 'text')
				.addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
				.execute();
			await db.schema.createIndex('records_version').on('records').column('version').execute();

			await db.schema
				.createTable('order_stock_keys')
				.addColumn('stock_key', 'varchar(300)', (c) => c.notNull())
				.addColumn('order_id', 'varchar(200)', (c) => c.notNull())
				.addPrimaryKeyConstraint('order_stock_keys_pk', ['stock_key', 'order_id'])
				.execute();
			await db.schema
				.createIndex('order_stock_keys_order')
				.on('order_stock_keys')
				.column('order_id')
				.execute();

			await db.schema
				.createTable('product_skus')
				.addColumn('sku', 'varchar(200)', (c) => c.primaryKey())
				.addColumn('product_id', 'varchar(200)', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('clients')
				.addColumn('client_id', 'varchar(100)', (c) => c.primaryKey())
				.addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('mutations')
				.addColumn('client_id', 'varchar(100)', (c) => c.notNull())
				.addColumn('mutation_id', 'bigint', (c) => c.notNull())
				.addColumn('name', 'varchar(100)', (c) => c.notNull())
				.addColumn('actor', 'varchar(100)', (c) => c.notNull())
				.addColumn('status', 'varchar(20)', (c) => c.notNull())
				.addColumn('code', 'varchar(100)')
				.addColumn('message', 'text')
				.addColumn('version', 'bigint', (c) => c.notNull())
				.addColumn('client_time', 'varchar(40)', (c) => c.notNull())
				.addColumn('received_at', 'varchar(40)', (c) => c.notNull())
				.addPrimaryKeyConstraint('mutations_pk', ['client_id', 'mutation_id'])
				.execute();
			await db.schema
				.createIndex('mutations_client_version')
				.on('mutations')
				.columns(['client_id', 'version'])
				.execute();

			await db.schema
				.createTable('counters')
				.addColumn('name', 'varchar(40)', (c) => c.primaryKey())
				.addColumn('value', 'bigint', (c) => c.notNull())
				.execute();
			await db
				.insertInto('counters' as never)
				.values([
					{ name: 'version', value: 0 },
					{ name: 'invoice', value: 0 }
				] as never)
				.execute();

			await db.schema
				.createTable('meta')
				.addColumn('key', 'varchar(100)', (c) => c.primaryKey())
				.addColumn('value', 'text', (c) => c.notNull())
				.execute();
		},
		async down(db: Kysely<unknown>) {
			for (const table of [
				'meta',
				'counters',
				'mutations',
				'clients',
				'product_skus',
				'order_stock_keys',
				'records'
			]) {
				await db.schema.dropTable(table).execute();
			}
		}
	},
	// The database's epoch: a new one is drawn when the data is restored from a backup, and a
	// pull presenting an older one is told to reset (epoch.ts).
	'0002_epoch': {
		async up(db: Kysely<unknown>) {
			await db
				.insertInto('meta' as never)
				.values({ key: 'epoch', value: randomUUID() } as never)
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db
				.deleteFrom('meta' as never)
				.where('key' as never, '=', 'epoch' as never)
				.execute();
		}
	},
	'0003_client_epoch': {
		// The epoch a client's lastMutationId was recorded in: after a restore, a client whose
		// acknowledged mutations were lost with it may continue from its next id (push.ts).
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('clients').addColumn('epoch', 'varchar(100)').execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('clients').dropColumn('epoch').execute();
		}
	}
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	for (const result of results ?? []) {
		if (result.status === 'Error') console.error(`Migration ${result.migrationName} failed`);
	}
	if (error) throw error instanceof Error ? error : new Error(String(error));
}

export { sql };
