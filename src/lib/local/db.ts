// The browser's database: every table and index in one place. Keep the declaration of every
// past version when a new one is added (Dexie upgrades from whatever version a tablet has).
import { Dexie, type Table } from 'dexie';
import type {
	Movement,
	Order,
	PreparationEntry,
	Product,
	Settings,
	Shop,
	StockLevel,
	TimelineEvent,
	Warehouse
} from '$lib/domain/schemas';
import { prepKeys } from './prep-keys';
import { ORDER_COUNTS_TABLE, orderCountsMiddleware, type OrderCountRow } from './order-counts';

export const DB_NAME = 'dockside';
export const SETTINGS_ID = 'settings';

/** An order as stored: the record plus index fields computed locally (never synced). */
export interface StoredOrder extends Order {
	/** Folded search words (search.ts). */
	searchWords: string[];
	/** `${productId}:${warehouseId}` of lines that still hold or need stock (the domain's openStockKeys). */
	openStockKeys: string[];
	/** The distinct warehouses its lines are routed to. */
	warehouseIds: string[];
	/**
	 * `${warehouseId}|${tab}` for each warehouse where the order sits in a preparation tab other
	 * than In progress (stored.ts prepKeys): the preparation screen's index. Orders taken into
	 * preparation still carry their key; the screen leaves them out by their entry.
	 */
	prepKeys: string[];
}

export interface StoredProduct extends Product {
	searchWords: string[];
}

export interface SettingsRow extends Settings {
	id: typeof SETTINGS_ID;
}

/** A pending mutation (SYNC.md envelope without clientId, which is the database's). */
export interface OutboxEntry {
	/** The mutation id: 1, 2, 3 … per clientId. */
	id: number;
	name: string;
	args: unknown;
	actor: string;
	clientTime: string;
}

/**
 * Units scanned so far per line of an order being packed: device-only (never synced), written
 * on every scan so a reload mid-pack loses nothing; preparation.pack sends the final counts.
 */
export interface PackScanRow {
	orderId: string;
	counts: Record<string, number>;
	updatedAt: string;
}

/** A mutation the server refused, kept until the person dismisses it. */
export interface RejectionRow {
	/** The mutation id. */
	id: number;
	name: string;
	args: unknown;
	code: string;
	message: string;
	orderId?: string;
}

export interface MetaRow {
	key: string;
	value: unknown;
}

/** The server's copy of a record (SYNC.md "base"), from which pending mutations are rebased. */
export interface BaseRow {
	entity: string;
	id: string;
	value: unknown;
	version: number;
}

export const META_CLIENT_ID = 'clientId';
export const META_NEXT_MUTATION_ID = 'nextMutationId';

export class DocksideDB extends Dexie {
	orders!: Table<StoredOrder, string>;
	products!: Table<StoredProduct, string>;
	warehouses!: Table<Warehouse, string>;
	stock!: Table<StockLevel, string>;
	movements!: Table<Movement, string>;
	timeline!: Table<TimelineEvent, string>;
	preparations!: Table<PreparationEntry, string>;
	settings!: Table<SettingsRow, string>;
	shops!: Table<Shop, string>;
	outbox!: Table<OutboxEntry, number>;
	rejections!: Table<RejectionRow, number>;
	meta!: Table<MetaRow, string>;
	base!: Table<BaseRow, [string, string]>;
	/** Orders per shop and status, kept by a middleware (order-counts.ts); never written directly. */
	orderCounts!: Table<OrderCountRow, string>;
	packScans!: Table<PackScanRow, string>;

	constructor(name: string = DB_NAME) {
		super(name);
		this.version(1).stores({
			orders:
				'id, [status+placedAt], placedAt, [status+grandTotal], grandTotal, [shopId+status+placedAt], number, *searchWords, *openStockKeys, *warehouseIds',
			products: 'id, &sku, *barcodes, *searchWords',
			warehouses: 'id',
			stock: 'id, productId, warehouseId',
			movements: 'id, [productId+createdAt]',
			timeline: 'id, [orderId+at]',
			preparations: 'orderId, warehouseId',
			settings: 'id',
			shops: 'id',
			outbox: 'id',
			rejections: 'id, orderId',
			meta: 'key',
			base: '[entity+id]',
			[ORDER_COUNTS_TABLE]: 'key'
		});
		// v2: the preparation screen's index and the scan counts of parcels being packed.
		this.version(2)
			.stores({
				orders:
					'id, [status+placedAt], placedAt, [status+grandTotal], grandTotal, [shopId+status+placedAt], number, *searchWords, *openStockKeys, *warehouseIds, *prepKeys',
				packScans: 'orderId'
			})
			.upgrade((tx) =>
				tx
					.table<StoredOrder, string>('orders')
					.toCollection()
					.modify((order) => {
						order.prepKeys = prepKeys(order);
					})
			);
		this.use(orderCountsMiddleware());
	}
}

/** Every table, for transactions that must see or clear all of them. */
export function allTables(db: DocksideDB): Table[] {
	return [
		db.orders,
		db.products,
		db.warehouses,
		db.stock,
		db.movements,
		db.timeline,
		db.preparations,
		db.settings,
		db.shops,
		db.outbox,
		db.rejections,
		db.meta,
		db.base,
		db.orderCounts,
		db.packScans
	];
}

let instance: DocksideDB | undefined;

/**
 * The app's database, created on first use. Dexie opens lazily on the first query, so nothing
 * touches IndexedDB at import time or during server rendering.
 */
export function getDb(): DocksideDB {
	if (typeof indexedDB === 'undefined') {
		throw new Error('IndexedDB is not available here (server rendering or an old browser).');
	}
	instance ??= new DocksideDB();
	return instance;
}

/**
 * Deletes the database and opens it again, empty, on the same instance (so live queries and
 * references held by screens stay valid). For tests, benchmarks and "reset demo data".
 */
export async function resetDb(): Promise<void> {
	const db = getDb();
	await db.delete({ disableAutoOpen: false });
	await db.open();
}

/** Empties every table without deleting the database. */
export async function clearDb(): Promise<void> {
	const db = getDb();
	await db.transaction('rw', allTables(db), async () => {
		await Promise.all(allTables(db).map((table) => table.clear()));
	});
}
