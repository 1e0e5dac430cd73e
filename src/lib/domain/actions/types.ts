// The shape of an action in the catalog. Order and line actions have a guard that needs only
// the order and what the order view already holds, so allowedActions (the buttons) and
// applyMutation (the rule) call the very same function.
import type { z } from 'zod';
import type { Rejection } from '../rejection';
import type { Order, OrderLine, PreparationEntry, Settings, Warehouse } from '../schemas';
import type { WorkingSet } from '../working-set';

/** What a guard may look at besides the order. */
export interface GuardContext {
	preparation?: PreparationEntry;
	settings: Settings;
	warehouses: readonly Warehouse[];
}

export interface OrderTarget extends GuardContext {
	order: Order;
}

export interface LineTarget extends OrderTarget {
	line: OrderLine;
}

interface ActionBase<A> {
	name: string;
	/** What the button says. */
	label: string;
	args: z.ZodType<A>;
}

/** An action on a whole order (hold, cancel, create shipment …). */
export interface OrderActionDef<
	A extends { orderId: string } = { orderId: string }
> extends ActionBase<A> {
	scope: 'order';
	/**
	 * Why the action is not allowed on this order, or null. Without args it answers for the
	 * button; with args it may refine (a system hold is allowed where a person's is not).
	 */
	guard(order: Order, ctx: GuardContext, args?: A): Rejection | null;
	/** Checks what depends on the arguments, then writes; a rejection leaves nothing written. */
	apply(ws: WorkingSet, args: A, target: OrderTarget): Promise<Rejection | null>;
}

/** An action on one line of an order (cancel line, replace, change warehouse). */
export interface LineActionDef<
	A extends { orderId: string; lineId: string } = { orderId: string; lineId: string }
> extends ActionBase<A> {
	scope: 'line';
	/** The order-level part of the guard. */
	guard(order: Order, ctx: GuardContext): Rejection | null;
	/** The line-level part, run after guard. */
	lineGuard(order: Order, line: OrderLine, ctx: GuardContext): Rejection | null;
	apply(ws: WorkingSet, args: A, target: LineTarget): Promise<Rejection | null>;
}

/** An action on stock, warehouses or settings. */
export interface RecordActionDef<A = unknown> extends ActionBase<A> {
	scope: 'record';
	apply(ws: WorkingSet, args: A): Promise<Rejection | null>;
}

export type ActionDef = OrderActionDef | LineActionDef | RecordActionDef;
