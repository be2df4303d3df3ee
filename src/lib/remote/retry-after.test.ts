import { describe, expect, it } from 'vitest';
import { createRetryAfterFetch, MAX_RETRY_AFTER_MS, parseRetryAfter, ServerWait } from './retry-after';

const NOW = Date.parse('2026-11-25T13:00:00Z');

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
		expect(parseRetryAfter('2', NOW)).toBe(2_000);
		expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
		expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
		expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
		expect(parseRetryAfter(null, NOW)).toBeNull();
		expect(parseRetryAfter('soon', NOW)).toBeNull();
		expect(parseRetryAfter('-5', NOW)).toBeNull();
	});

	it('believes no wait longer than 15 minutes', () => {
		expect(parseRetryAfter('86400', NOW)).toBe(MAX_RETRY_AFTER_MS);
	});
});

describe('createRetryAfterFetch', () => {
	const answer = (status: number, headers: Record<string, string> = {}) => async () => new Response(null, { status, headers });

	it('notes the wait of a 503 or 429 and keeps the latest one', async () => {
		const wait = new ServerWait();
		await createRetryAfterFetch(answer(503, { 'retry-after': '2' }), wait, () => NOW)('http://api/storage');
		expect(wait.until).toBe(NOW + 2_000);
		await createRetryAfterFetch(answer(429, { 'retry-after': '10' }), wait, () => NOW)('http://api/rest');
		expect(wait.until).toBe(NOW + 10_000);
		await createRetryAfterFetch(answer(503, { 'retry-after': '1' }), wait, () => NOW)('http://api/rest');
		expect(wait.until).toBe(NOW + 10_000);
	});

	it('passes other answers through without noting anything', async () => {
		const wait = new ServerWait();
		const response = await createRetryAfterFetch(answer(500, { 'retry-after': '5' }), wait, () => NOW)('http://api');
		expect(response.status).toBe(500);
		await createRetryAfterFetch(answer(200, { 'retry-after': '5' }), wait, () => NOW)('http://api');
		expect(wait.until).toBe(0);
	});
});
