// Every sync failure becomes one of five kinds plus the i18n key of a sentence the user can act on. This is the one
// place that knows what an HTTP status or SQLSTATE means; callers never inspect raw errors themselves.
import { RemoteError } from '$lib/remote/remote-error';
import type { SyncErrorKind } from '$lib/offline/db';
import type { SyncMessageKey } from '$lib/i18n/messages/sync.vi';

export type { SyncErrorKind };

export interface ClassifiedError {
	kind: SyncErrorKind;
	messageKey: SyncMessageKey;
	detail: string;
}

const messageKeyOf: Record<SyncErrorKind, SyncMessageKey> = {
	offline: 'sync.offline',
	unauthorized: 'sync.unauthorized',
	rejected: 'sync.rejected',
	conflict: 'sync.conflict',
	transient: 'sync.transient'
};

const as = (kind: SyncErrorKind, detail: string, messageKey = messageKeyOf[kind]): ClassifiedError => ({
	kind,
	messageKey,
	detail
});

export function classifyError(error: unknown, o: { isOnline?: boolean } = {}): ClassifiedError {
	const detail = describe(error);
	if (o.isOnline === false) return as('offline', detail);
	if (error instanceof RemoteError) return classifyRemote(error, detail);
	if (error instanceof TypeError) return as('offline', detail); // fetch() rejects with TypeError when unreachable
	if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
		return as('transient', detail);
	}
	return as('transient', detail);
}

function classifyRemote(e: RemoteError, detail: string): ClassifiedError {
	if (e.source === 'ack') return as('rejected', detail);
	if (e.status === 0) return /abort|timeout/i.test(e.message) ? as('transient', detail) : as('offline', detail);
	if (e.source === 'storage') return classifyStorage(e, detail);
	return classifyRest(e, detail);
}

function classifyRest(e: RemoteError, detail: string): ClassifiedError {
	const { code, status } = e;
	if (code === 'PGRST301' || code === 'PGRST303' || /jwt/i.test(e.message)) return as('unauthorized', detail);
	if (code === '42501') {
		// PostgREST answers a denied anonymous request with 401, a denied signed-in one with 403.
		if (status === 401) return as('unauthorized', detail);
		return as('rejected', detail, messageKeyFor42501(e.message));
	}
	if (code === '23505' || status === 409) return as('conflict', detail);
	if (code === '23514' || code === '23502' || code === '23503' || code.startsWith('22')) {
		return as('rejected', detail, 'sync.rejected.invalid');
	}
	if (status === 401) return as('unauthorized', detail);
	if (status === 403) return as('rejected', detail, 'sync.rejected.permission');
	if (status === 408 || status === 429 || status >= 500) return as('transient', detail);
	if (status >= 400) return as('rejected', detail, 'sync.rejected.invalid');
	return as('transient', detail);
}

/**
 * A policy's USING clause refusing an existing row means the story left the editable states (e.g. verified); a
 * WITH CHECK refusal means the person may not write there at all; the workflow trigger raises 42501 for illegal steps.
 */
function messageKeyFor42501(message: string): SyncMessageKey {
	if (/USING expression/i.test(message)) return 'sync.rejected.notEditable';
	if (/row-level security/i.test(message)) return 'sync.rejected.permission';
	return 'sync.rejected.notEditable';
}

/** Storage answers HTTP 400 with the real status in `statusCode`. */
function classifyStorage(e: RemoteError, detail: string): ClassifiedError {
	const code = Number(e.code) || e.status;
	if (/jwt|token|unauthori[sz]ed/i.test(e.message) || code === 401) return as('unauthorized', detail);
	if (code === 403) return as('rejected', detail, 'sync.rejected.permission');
	if (code === 409) return as('conflict', detail);
	if (code === 408 || code === 429 || code >= 500) return as('transient', detail);
	if (code === 413 || code === 415 || code === 400 || code === 404) return as('rejected', detail, 'sync.rejected.photo');
	return as('transient', detail);
}

function describe(error: unknown): string {
	if (error instanceof RemoteError) return `${error.source} ${error.status} ${error.code}: ${error.message}`.slice(0, 500);
	if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
	return String(error).slice(0, 500);
}
