// The order view: one order, its timeline and what may be done to it. The rules say which
// actions are allowed (allowedActions); this class turns what the person typed into an
// action's arguments (with client-made ids) and sends it through performAction.
import type {
	Address,
	HoldReason,
	LineQty,
	Order,
	OrderLine,
	PreparationEntry,
	Product,
	ReturnItem,
	Settings,
	TimelineEvent,
	Warehouse
} from '$lib/domain/schemas';
import { ActionForm, type Perform } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';

/** null: allowed; a string: why not. */
export type Allowed = Record<string, string | null>;

/** What the rules' guards look at besides the order (domain GuardContext). */
export interface RuleContext {
	preparation?: PreparationEntry;
	settings: Settings;
	warehouses: Warehouse[];
}

export interface OrderViewDeps {
	live: LiveSource;
	getOrder(id: string): Promise<Order | undefined>;
	orderTimeline(orderId: string): Promise<TimelineEvent[]>;
	listWarehouses(): Promise<Warehouse[]>;
	getSettings(): Promise<Settings>;
	getPreparation(orderId: string): Promise<PreparationEntry | undefined>;
	listProducts(search: string, offset: number, limit: number): Promise<Product[]>;
	allowedActions(order: Order, context: RuleContext): Allowed;
	allowedLineActions(order: Order, line: OrderLine, context: RuleContext): Allowed;
	perform: Perform;
	/** UUIDv7 for records an action creates (shipment, invoice, return, replacement line). */
	newId(): string;
	/** Called after an action was applied, with a short confirmation. */
	notify?(message: string): void;
}

export const ORDER_VIEW_TABS = [
	'products',
	'customer',
	'documents',
	'timeline',
	'returns'
] as const;
export type OrderViewTab = (typeof ORDER_VIEW_TABS)[number];

export type OrderDialog =
	| { kind: 'gift-message' }
	| { kind: 'shipping-method' }
	| { kind: 'cancel-order' }
	| { kind: 'hold' }
	| { kind: 'create-shipment' }
	| { kind: 'create-invoice' }
	| { kind: 'edit-address' }
	| { kind: 'create-return' }
	| { kind: 'replace-line'; lineId: string }
	| { kind: 'cancel-line'; lineId: string }
	| { kind: 'change-warehouse'; lineId: string };

/** Quantities typed per line: blanks and zeros are left out (an action wants only real ones). */
export function positiveLines(quantities: Record<string, number | null | undefined>): LineQty[] {
	const lines: LineQty[] = [];
	for (const [lineId, qty] of Object.entries(quantities)) {
		if (typeof qty === 'number' && Number.isFinite(qty) && qty > 0) lines.push({ lineId, qty });
	}
	return lines;
}

/** Newest first; events at the same instant keep their id order reversed (later n first). */
export function newestFirst(events: readonly TimelineEvent[]): TimelineEvent[] {
	return [...events].sort((a, b) =>
		a.at === b.at ? b.id.localeCompare(a.id, 'en', { numeric: true }) : a.at < b.at ? 1 : -1
	);
}

export class OrderView {
	readonly orderId: string;
	readonly form: ActionForm;
	#tab = $state<OrderViewTab>('products');
	#dialog = $state.raw<OrderDialog | null>(null);
	#busyAction = $state<string | null>(null);
	readonly #order: LiveValue<Order | undefined>;
	readonly #timeline: LiveValue<TimelineEvent[]>;
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #settings: LiveValue<Settings>;
	readonly #preparation: LiveValue<PreparationEntry | undefined>;
	readonly #deps: OrderViewDeps;

	constructor(orderId: string, deps: OrderViewDeps) {
		this.orderId = orderId;
		this.#deps = deps;
		this.form = new ActionForm(deps.perform);
		this.#order = new LiveValue(deps.live);
		this.#timeline = new LiveValue(deps.live);
		this.#warehouses = new LiveValue(deps.live);
		this.#settings = new LiveValue(deps.live);
		this.#preparation = new LiveValue(deps.live);
	}

	start(): void {
		const id = this.orderId;
		this.#order.run(() => this.#deps.getOrder(id));
		this.#timeline.run(() => this.#deps.orderTimeline(id));
		this.#warehouses.run(() => this.#deps.listWarehouses());
		this.#settings.run(() => this.#deps.getSettings());
		this.#preparation.run(() => this.#deps.getPreparation(id));
	}

	stop(): void {
		for (const live of [
			this.#order,
			this.#timeline,
			this.#warehouses,
			this.#settings,
			this.#preparation
		]) {
			live.stop();
		}
	}

	// ------------------------------------------------------------ what is shown

	get order(): Order | undefined {
		return this.#order.value;
	}
	get loading(): boolean {
		return this.#order.loading && this.#order.value === undefined;
	}
	/** The order was looked up and is not on this tablet. */
	get notFound(): boolean {
		return !this.#order.loading && this.#order.error === null && this.#order.value === undefined;
	}
	get error(): string | null {
		return this.#order.error ?? this.#timeline.error;
	}
	get timeline(): TimelineEvent[] {
		return newestFirst(this.#timeline.value ?? []);
	}
	get warehouses(): Warehouse[] {
		return this.#warehouses.value ?? [];
	}
	get preparation(): PreparationEntry | undefined {
		return this.#preparation.value;
	}
	warehouseName(id: string): string {
		return this.warehouses.find((warehouse) => warehouse.id === id)?.name ?? id;
	}
	line(lineId: string): OrderLine | undefined {
		return this.order?.lines.find((line) => line.id === lineId);
	}

	#context(): RuleContext | null {
		const settings = this.#settings.value;
		const warehouses = this.#warehouses.value;
		// Until the rules' inputs are read, nothing is offered (rather than everything).
		if (!settings || !warehouses || this.#preparation.loading) return null;
		const preparation = this.#preparation.value;
		return preparation ? { preparation, settings, warehouses } : { settings, warehouses };
	}

	#allowed = $derived.by((): Allowed => {
		const order = this.order;
		const context = this.#context();
		return order && context ? this.#deps.allowedActions(order, context) : {};
	});

	/** The rules' verdict per action: null allowed, text why not, undefined not known yet. */
	get allowed(): Allowed {
		return this.#allowed;
	}

	lineAllowed(line: OrderLine): Allowed {
		const order = this.order;
		const context = this.#context();
		return order && context ? this.#deps.allowedLineActions(order, line, context) : {};
	}

	get tab(): OrderViewTab {
		return this.#tab;
	}
	setTab(tab: OrderViewTab): void {
		this.#tab = tab;
	}

	get dialog(): OrderDialog | null {
		return this.#dialog;
	}
	/** The action a header button is running without a dialog (release). */
	get busyAction(): string | null {
		return this.#busyAction;
	}

	openDialog(dialog: OrderDialog): void {
		this.form.reset();
		this.#dialog = dialog;
	}

	closeDialog(): void {
		if (this.form.busy) return;
		this.#dialog = null;
		this.form.reset();
	}

	findProducts(search: string): Promise<Product[]> {
		return this.#deps.listProducts(search, 0, 8);
	}

	// ------------------------------------------------------------ actions

	async #submit(name: string, args: unknown, done: string): Promise<boolean> {
		const ok = await this.form.submit(name, args);
		if (ok) {
			this.#dialog = null;
			this.form.reset();
			this.#deps.notify?.(done);
		}
		return ok;
	}

	setGiftMessage(message: string, from: string, to: string): Promise<boolean> {
		return this.#submit(
			'order.setGiftMessage',
			{
				orderId: this.orderId,
				message,
				...(from.trim() ? { from: from.trim() } : {}),
				...(to.trim() ? { to: to.trim() } : {})
			},
			'Gift message saved.'
		);
	}

	changeShippingMethod(code: string, label: string): Promise<boolean> {
		return this.#submit(
			'order.changeShippingMethod',
			{ orderId: this.orderId, code: code.trim(), label: label.trim() },
			'Shipping method changed.'
		);
	}

	cancelOrder(reason: string): Promise<boolean> {
		return this.#submit(
			'order.cancel',
			{ orderId: this.orderId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
			'Order canceled.'
		);
	}

	hold(reason: HoldReason, note: string): Promise<boolean> {
		return this.#submit(
			'order.hold',
			{ orderId: this.orderId, reason, ...(note.trim() ? { note: note.trim() } : {}) },
			'Order put on hold.'
		);
	}

	/** Release has no form: it runs at once, and a refusal goes to the toast area. */
	async releaseHold(onRejected: (message: string) => void): Promise<boolean> {
		if (this.#busyAction) return false;
		this.#busyAction = 'order.releaseHold';
		try {
			const result = await this.#deps.perform('order.releaseHold', { orderId: this.orderId });
			if (!result.ok) onRejected(result.message);
			else this.#deps.notify?.('Hold released.');
			return result.ok;
		} catch (error) {
			onRejected(error instanceof Error ? error.message : String(error));
			return false;
		} finally {
			this.#busyAction = null;
		}
	}

	createShipment(
		quantities: Record<string, number | null | undefined>,
		tracking: string,
		carrier: string
	): Promise<boolean> {
		return this.#submit(
			'order.createShipment',
			{
				orderId: this.orderId,
				shipmentId: this.#deps.newId(),
				lines: positiveLines(quantities),
				...(tracking.trim() ? { tracking: tracking.trim() } : {}),
				...(carrier.trim() ? { carrier: carrier.trim() } : {})
			},
			'Shipment created.'
		);
	}

	createInvoice(quantities: Record<string, number | null | undefined>): Promise<boolean> {
		return this.#submit(
			'order.createInvoice',
			{ orderId: this.orderId, invoiceId: this.#deps.newId(), lines: positiveLines(quantities) },
			'Invoice created (number pending until sync).'
		);
	}

	editShippingAddress(address: Address): Promise<boolean> {
		return this.#submit(
			'order.editShippingAddress',
			{ orderId: this.orderId, address },
			'Shipping address saved.'
		);
	}

	createReturn(items: ReturnItem[]): Promise<boolean> {
		return this.#submit(
			'order.createReturn',
			{ orderId: this.orderId, returnId: this.#deps.newId(), items },
			'Return created.'
		);
	}

	replaceLine(lineId: string, sku: string): Promise<boolean> {
		return this.#submit(
			'order.replaceLine',
			{ orderId: this.orderId, lineId, sku, newLineId: this.#deps.newId() },
			'Product replaced.'
		);
	}

	cancelLine(lineId: string, qty: number): Promise<boolean> {
		return this.#submit(
			'order.cancelLine',
			{ orderId: this.orderId, lineId, qty },
			'Quantity canceled.'
		);
	}

	changeLineWarehouse(lineId: string, warehouseId: string): Promise<boolean> {
		return this.#submit(
			'order.changeLineWarehouse',
			{ orderId: this.orderId, lineId, warehouseId },
			'Warehouse changed.'
		);
	}
}
