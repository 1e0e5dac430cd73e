// The shape every action shares: the mutation envelope (SYNC.md), the context a rule runs
// in, what a rule may read, and what it returns. Browser and server both implement
// DomainReader over their own storage and call the same applyMutation.
import type {
	Movement,
	Order,
	PreparationEntry,
	Product,
	Settings,
	StockLevel,
	TimelineEvent,
	Warehouse
} from './schemas';

/** Bumped when the mutation catalog changes shape (SYNC.md, schemaVersion). */
export const SCHEMA_VERSION = '1';

export interface Mutation {
	/** 1, 2, 3 … per clientId, no gaps. */
	id: number;
	/** `<record>.<verb>`, e.g. `order.hold`. */
	name: string;
	args: unknown;
	/** User id (or 'system' / a shop id for imports). */
	actor: string;
	clientTime: string;
}

export interface ApplyContext {
	/** The mutation's time: clientTime in the browser; clamped to receive time on the server. */
	now: string;
	actor: string;
	actorKind: 'user' | 'shop' | 'system';
	clientId: string;
	mutationId: number;
	/** Server only: the next gapless invoice number. The browser leaves it out ("number pending"). */
	assignInvoiceNumber?: () => string;
}

/** What a rule may read. Implementations: Dexie (browser), the server db, an in-memory map (tests). */
export interface DomainReader {
	order(id: string): Promise<Order | undefined>;
	product(id: string): Promise<Product | undefined>;
	productBySku(sku: string): Promise<Product | undefined>;
	warehouse(id: string): Promise<Warehouse | undefined>;
	warehouses(): Promise<Warehouse[]>;
	stock(productId: string, warehouseId: string): Promise<StockLevel | undefined>;
	/** Orders that have a line of this product in this warehouse with toShip > 0 or qtyReserved > 0. */
	ordersWithOpenLines(productId: string, warehouseId: string): Promise<Order[]>;
	preparation(orderId: string): Promise<PreparationEntry | undefined>;
	/**
	 * Every preparation entry of a warehouse, in any order. Optional so that readers written before
	 * it keep compiling; preparation.flush is refused (not_supported) by a reader without it.
	 */
	preparationsInWarehouse?(warehouseId: string): Promise<PreparationEntry[]>;
	settings(): Promise<Settings>;
}

/** Every record a mutation changed, complete (not partial): the caller puts them as they are. */
export interface Changes {
	orders: Order[];
	products: Product[];
	warehouses: Warehouse[];
	stock: StockLevel[];
	movements: Movement[];
	preparations: PreparationEntry[];
	/** Preparation entries removed (order ids). */
	preparationsRemoved: string[];
	timeline: TimelineEvent[];
	settings?: Settings;
}

export type ApplyResult =
	| { ok: true; changes: Changes }
	| {
			ok: false;
			code: string;
			message: string;
			/** invalid_args only: one entry per field problem, path dotted inside args (address.postcode). */
			issues?: { path: string; message: string }[];
	  };

export function emptyChanges(): Changes {
	return {
		orders: [],
		products: [],
		warehouses: [],
		stock: [],
		movements: [],
		preparations: [],
		preparationsRemoved: [],
		timeline: []
	};
}
