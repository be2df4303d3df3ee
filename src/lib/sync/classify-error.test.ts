import { describe, expect, it } from 'vitest';
import { RemoteError, type RemoteSource } from '$lib/remote/remote-error';
import { classifyError } from './classify-error';

const remote = (source: RemoteSource, status: number, code: string, message = '') =>
	new RemoteError({ source, status, code, message });

describe('classifyError', () => {
	it.each([
		['fetch TypeError', new TypeError('Failed to fetch'), 'offline', 'sync.offline'],
		['postgrest fetch failure (status 0)', remote('rest', 0, '', 'TypeError: fetch failed'), 'offline', 'sync.offline'],
		['storage network failure', remote('storage', 0, '', 'fetch failed'), 'offline', 'sync.offline'],
		['aborted request', remote('rest', 0, '', 'AbortError: timeout'), 'transient', 'sync.transient'],
		['JWT expired', remote('rest', 401, 'PGRST301', 'JWT expired'), 'unauthorized', 'sync.unauthorized'],
		['anonymous RLS denial', remote('rest', 401, '42501', 'permission denied for table story'), 'unauthorized', 'sync.unauthorized'],
		[
			'RLS WITH CHECK denial',
			remote('rest', 403, '42501', 'new row violates row-level security policy for table "story"'),
			'rejected',
			'sync.rejected.permission'
		],
		[
			'RLS USING denial on upsert (story verified)',
			remote('rest', 403, '42501', 'new row violates row-level security policy (USING expression) for table "story"'),
			'rejected',
			'sync.rejected.notEditable'
		],
		['workflow trigger', remote('rest', 403, '42501', 'Câu chuyện ở trạng thái "verified" không thể sửa nội dung'), 'rejected', 'sync.rejected.notEditable'],
		['unique violation', remote('rest', 409, '23505', 'duplicate key'), 'conflict', 'sync.conflict'],
		['check violation', remote('rest', 400, '23514', 'violates check constraint'), 'rejected', 'sync.rejected.invalid'],
		['invalid date', remote('rest', 400, '22007', 'invalid input syntax for type date'), 'rejected', 'sync.rejected.invalid'],
		['server error', remote('rest', 503, '', 'unavailable'), 'transient', 'sync.transient'],
		['rate limited', remote('rest', 429, '', 'too many'), 'transient', 'sync.transient'],
		['storage RLS', remote('storage', 400, '403', 'new row violates row-level security policy'), 'rejected', 'sync.rejected.permission'],
		['storage bad jwt', remote('storage', 400, '403', 'jwt expired'), 'unauthorized', 'sync.unauthorized'],
		// Overload answers from Storage (or a proxy in front of it) are retried with backoff, never shown as a refusal.
		['storage overloaded (503 SlowDown)', remote('storage', 503, '503', 'Too many uploads in flight; retry later'), 'transient', 'sync.transient'],
		['storage 503 without a JSON body', remote('storage', 503, '503', 'Service Unavailable'), 'transient', 'sync.transient'],
		['storage rate limited (429)', remote('storage', 429, '429', 'Too Many Requests'), 'transient', 'sync.transient'],
		['storage gateway timeout', remote('storage', 504, '504', 'Gateway Timeout'), 'transient', 'sync.transient'],
		['storage too large', remote('storage', 413, '413', 'Payload too large'), 'rejected', 'sync.rejected.photo'],
		['row filtered by RLS', remote('ack', 200, 'ROW_NOT_RETURNED'), 'rejected', 'sync.rejected'],
		['unknown throw', new Error('weird'), 'transient', 'sync.transient']
	])('%s → %s', (_name, error, kind, messageKey) => {
		expect(classifyError(error)).toMatchObject({ kind, messageKey });
	});

	it('calls anything offline when the browser says it is offline', () => {
		expect(classifyError(remote('rest', 503, '')).kind).toBe('transient');
		expect(classifyError(remote('rest', 503, ''), { isOnline: false }).kind).toBe('offline');
	});
});
