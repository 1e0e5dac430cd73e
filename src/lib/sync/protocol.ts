// The push/pull message shapes of SYNC.md, shared by the browser's sync loop and the server.
// Tests outside the project speak them too: extend only with optional fields.
import { z } from 'zod';

export const PROTOCOL = 1;
/** A push body over this many bytes is refused; the client splits its outbox under it. */
export const MAX_PUSH_BYTES = 1024 * 1024;

const ClientId = z.string().min(1).max(100);

export const PushedMutation = z.object({
	id: z.number().int().min(1),
	name: z.string().min(1).max(100),
	args: z.unknown(),
	actor: z.string().min(1).max(100),
	clientTime: z.iso.datetime({ offset: true })
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z.object({
	protocol: z.literal(PROTOCOL),
	schemaVersion: z.string().min(1).max(20),
	clientId: ClientId,
	mutations: z.array(PushedMutation).max(10_000)
});
export type PushRequest = z.infer<typeof PushRequest>;

export type MutationResult =
	| { id: number; status: 'applied' | 'duplicate' }
	| { id: number; status: 'rejected'; code: string; message: string };

export interface PushResponse {
	results: MutationResult[];
	lastMutationId: number;
}

export const PullRequest = z.object({
	protocol: z.literal(PROTOCOL),
	schemaVersion: z.string().min(1).max(20),
	clientId: ClientId,
	cookie: z.number().int().min(0).nullable(),
	/** Added to SYNC.md's shape: the server epoch of the last page applied (a restore changes it). */
	epoch: z.string().min(1).max(100).optional(),
	/**
	 * Added to SYNC.md's shape: only what a tablet keeps (retention-window.ts). Closed orders
	 * older than the merchant's retention window are left out with their timeline events, and
	 * so are stock movements and other dated events older than it. Absent: every record, as before.
	 * The app sends it while its pull from scratch runs (first start, reset); later pulls take
	 * every change.
	 */
	retainedOnly: z.boolean().optional()
});
export type PullRequest = z.infer<typeof PullRequest>;

/**
 * `POST /api/sync/records`, added beside SYNC.md's pull: records a tablet keeps no longer
 * (outside its retention window), asked for when a screen needs them. Answered with the
 * records as put ops, as in a pull patch; nothing about the client's cookie changes.
 */
export const RecordsRequest = z.object({
	protocol: z.literal(PROTOCOL),
	schemaVersion: z.string().min(1).max(20),
	/** One order with its timeline events. */
	order: z.string().min(1).max(100)
});
export type RecordsRequest = z.infer<typeof RecordsRequest>;

export type PatchOp =
	| { op: 'put'; entity: string; id: string; version: number; value: unknown }
	| { op: 'del'; entity: string; id: string; version: number };

export interface Rejection {
	id: number;
	code: string;
	message: string;
	version: number;
	/** Added to SYNC.md's shape so the person sees which action was refused. */
	name?: string;
}

export type PullResponse =
	| {
			cookie: number;
			lastMutationId: number;
			patch: PatchOp[];
			rejections: Rejection[];
			more: boolean;
			/** Added to SYNC.md's shape: records still to come after this page, for progress bars. */
			remaining?: number;
			/** Added to SYNC.md's shape: the server's epoch; a restore from backup changes it. */
			epoch?: string;
	  }
	| { reset: true };

export type ProtocolError =
	| { error: 'bad_request'; message: string }
	| { error: 'gap'; expected: number }
	| { error: 'schema_version'; message?: string }
	| { error: 'unauthorized'; message: string }
	| { error: 'unavailable'; message: string };

/** Ids must rise one by one; a batch that goes down or repeats is malformed. */
export function idsStrictlyIncrease(mutations: { id: number }[]): boolean {
	return mutations.every((mutation, index) => index === 0 || mutation.id > mutations[index - 1].id);
}
