// HTTP to the sync server, as typed results rather than exceptions across layers.
import type { PullResponse, PushResponse } from './protocol';

export type TransportResult<T> =
	| { ok: true; value: T }
	| {
			ok: false;
			kind: 'network' | 'unavailable' | 'unauthorized' | 'schema_version' | 'bad_request';
	  }
	| { ok: false; kind: 'gap'; expected: number };

export interface SyncTransport {
	push(body: string): Promise<TransportResult<PushResponse>>;
	pull(body: string): Promise<TransportResult<PullResponse>>;
}

export function httpTransport(baseUrl: string, token: () => string | null): SyncTransport {
	async function post<T>(path: string, body: string): Promise<TransportResult<T>> {
		let response: Response;
		try {
			response = await fetch(`${baseUrl}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token() ?? ''}` },
				body
			});
		} catch {
			return { ok: false, kind: 'network' };
		}
		if (response.status === 200) return { ok: true, value: (await response.json()) as T };
		if (response.status === 401) return { ok: false, kind: 'unauthorized' };
		if (response.status === 400) return { ok: false, kind: 'bad_request' };
		if (response.status === 409) {
			const error = (await response.json().catch(() => ({}))) as {
				error?: string;
				expected?: number;
			};
			if (error.error === 'gap')
				return { ok: false, kind: 'gap', expected: Number(error.expected) };
			return { ok: false, kind: 'schema_version' };
		}
		return { ok: false, kind: response.status >= 500 ? 'unavailable' : 'network' };
	}
	return {
		push: (body) => post<PushResponse>('/api/sync/push', body),
		pull: (body) => post<PullResponse>('/api/sync/pull', body)
	};
}
