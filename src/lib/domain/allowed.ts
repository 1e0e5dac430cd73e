// Which buttons the order view shows, and why the others are missing. Calls the very guards
// applyMutation calls, so a button shown is an action the rules accept (for valid arguments).
import {
	LINE_ACTION_NAMES,
	LINE_ACTIONS,
	ORDER_ACTIONS,
	type LineActionName,
	type OrderActionName
} from './actions/catalog';
import type { GuardContext } from './actions/types';
import type { Order, OrderLine } from './schemas';

export type AllowedContext = GuardContext;

/** Per line action: null when allowed on this line, else the reason to show. */
export function allowedLineActions(
	order: Order,
	line: OrderLine,
	ctx: AllowedContext
): Record<LineActionName, string | null> {
	const result = {} as Record<LineActionName, string | null>;
	for (const name of LINE_ACTION_NAMES) {
		const action = LINE_ACTIONS[name];
		const rejection = action.guard(order, ctx) ?? action.lineGuard(order, line, ctx);
		result[name] = rejection?.message ?? null;
	}
	return result;
}

/**
 * Per order action: null when allowed, else the reason to show. A line action is allowed on
 * the order when it is allowed on at least one line; otherwise the first line's reason shows.
 */
export function allowedActions(
	order: Order,
	ctx: AllowedContext
): Record<OrderActionName, string | null> {
	const result = {} as Record<OrderActionName, string | null>;
	for (const name of Object.keys(ORDER_ACTIONS) as (keyof typeof ORDER_ACTIONS)[]) {
		result[name] = ORDER_ACTIONS[name].guard(order, ctx)?.message ?? null;
	}
	const perLine = order.lines.map((line) => allowedLineActions(order, line, ctx));
	for (const name of LINE_ACTION_NAMES) {
		result[name] = perLine.some((reasons) => reasons[name] === null)
			? null
			: (perLine[0]?.[name] ?? null);
	}
	return result;
}
