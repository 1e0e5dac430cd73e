// The one entry point of the rules: browser (optimistic) and server (authoritative) both call
// applyMutation with their own DomainReader and write the returned Changes as they are.
import type { z } from 'zod';
import { actionFor } from './actions/catalog';
import type { ActionDef, GuardContext } from './actions/types';
import type { ApplyContext, ApplyResult, DomainReader, Mutation } from './mutation';
import { orderLabel, reject, type FieldIssue, type Rejection } from './rejection';
import { WorkingSet } from './working-set';

export function fieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.map(String).join('.'),
		message: issue.message
	}));
}

function invalidArgs(error: z.ZodError): ApplyResult {
	const issues = fieldIssues(error);
	const listed = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
	return {
		ok: false,
		code: 'invalid_args',
		message: `Check these fields: ${listed.join('; ')}`,
		issues
	};
}

async function guardContext(ws: WorkingSet, orderId: string): Promise<GuardContext> {
	const ctx: GuardContext = { settings: await ws.settings(), warehouses: await ws.warehouses() };
	const preparation = await ws.preparation(orderId);
	if (preparation) ctx.preparation = preparation;
	return ctx;
}

async function run(ws: WorkingSet, action: ActionDef, args: unknown): Promise<Rejection | null> {
	if (action.scope === 'record') return action.apply(ws, args);
	const { orderId } = args as { orderId: string };
	const order = await ws.order(orderId);
	if (!order) return reject('order_not_found', `No order with id ${orderId}.`);
	const ctx = await guardContext(ws, order.id);
	if (action.scope === 'order') {
		return (
			action.guard(order, ctx, args as { orderId: string }) ??
			action.apply(ws, args as { orderId: string }, { ...ctx, order })
		);
	}
	const lineArgs = args as { orderId: string; lineId: string };
	const orderRejection = action.guard(order, ctx);
	if (orderRejection) return orderRejection;
	const line = order.lines.find((l) => l.id === lineArgs.lineId);
	if (!line)
		return reject('line_not_found', `${orderLabel(order)} has no line ${lineArgs.lineId}.`);
	return action.lineGuard(order, line, ctx) ?? action.apply(ws, lineArgs, { ...ctx, order, line });
}

/**
 * Applies one mutation: unknown name → unknown_mutation; arguments failing their schema →
 * invalid_args with field issues; a guard or the rule saying no → its rejection and no changes;
 * else the complete records changed, with status re-derived and reservations re-run.
 * Deterministic: the same records and mutation give the same result.
 */
export async function applyMutation(
	reader: DomainReader,
	mutation: Mutation,
	ctx: ApplyContext
): Promise<ApplyResult> {
	const action = actionFor(mutation.name);
	if (!action) {
		return { ok: false, code: 'unknown_mutation', message: `Unknown action “${mutation.name}”.` };
	}
	const parsed = action.args.safeParse(mutation.args);
	if (!parsed.success) return invalidArgs(parsed.error);
	const ws = new WorkingSet(reader, ctx, action.name);
	const rejection = await run(ws, action, parsed.data);
	if (rejection) return { ok: false, code: rejection.code, message: rejection.message };
	await ws.settle();
	return { ok: true, changes: ws.changes() };
}
