// One error type for every Supabase failure (PostgREST, Storage, Auth), keeping only what classification needs.
// Must not decide what an error means for the user: that is sync/classify-error.ts.
import { isStorageError } from '@supabase/storage-js';

export type RemoteSource = 'rest' | 'storage' | 'auth' | 'ack';

export class RemoteError extends Error {
	readonly source: RemoteSource;
	/** HTTP status; 0 when no response arrived (fetch threw). */
	readonly status: number;
	/** Postgres SQLSTATE, PostgREST `PGRST…` code, Storage `statusCode`, or our own code for 'ack'. */
	readonly code: string;

	constructor(opts: { source: RemoteSource; status: number; code: string; message: string }) {
		super(opts.message);
		this.name = 'RemoteError';
		this.source = opts.source;
		this.status = opts.status;
		this.code = opts.code;
	}
}

export function toRestError(error: { message: string; code: string }, status: number): RemoteError {
	return new RemoteError({ source: 'rest', status, code: error.code, message: error.message });
}

/** storage-js wraps network failures in StorageUnknownError (no status) and HTTP failures in StorageApiError. */
export function toStorageError(error: unknown): RemoteError {
	if (isStorageError(error)) {
		const withStatus = error as { status?: unknown; statusCode?: unknown };
		const status = typeof withStatus.status === 'number' ? withStatus.status : 0;
		const code = typeof withStatus.statusCode === 'string' ? withStatus.statusCode : String(status);
		return new RemoteError({ source: 'storage', status, code, message: error.message });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new RemoteError({ source: 'storage', status: 0, code: '', message });
}
