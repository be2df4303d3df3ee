import { describe, expect, it } from 'vitest';
import { BASE_TIMEOUT_MS, createFetchWithTimeout, timeoutFor } from './fetch-with-timeout';

/** A server that accepts the request and never answers, but honours the abort signal like the platform's fetch. */
const hangingFetch: typeof fetch = (_input, init) =>
	new Promise((_resolve, reject) => {
		init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
	});

describe('fetch with a deadline', () => {
	it('gives up on a request that never answers, with a TimeoutError the sync engine classifies as transient', async () => {
		const fetchWithTimeout = createFetchWithTimeout(hangingFetch, () => 20);
		await expect(fetchWithTimeout('http://example.invalid/rest/v1/story', { method: 'POST' })).rejects.toMatchObject({
			name: 'TimeoutError'
		});
	});

	it("still honours the caller's own abort", async () => {
		const fetchWithTimeout = createFetchWithTimeout(hangingFetch, () => 60_000);
		const caller = new AbortController();
		const pending = fetchWithTimeout('http://example.invalid/', { signal: caller.signal });
		caller.abort(new DOMException('stopped', 'AbortError'));
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('allows a large photo more time than a small row', () => {
		expect(timeoutFor(null)).toBe(BASE_TIMEOUT_MS);
		const fiveMb = new Blob([new Uint8Array(5 * 1024 * 1024)]);
		expect(timeoutFor(fiveMb)).toBeGreaterThan(5 * 60_000);
		expect(timeoutFor('{"id":1}')).toBeLessThan(BASE_TIMEOUT_MS + 10);
	});
});
