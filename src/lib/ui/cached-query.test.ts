// A list whose parameters change while an answer is on its way (the criteria page's year, a round picker) must show
// the answer to the last question, whichever arrives first.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { CachedQuery } from './cached-query.svelte';

vi.mock('$lib/ui/session.svelte', () => ({
	session: { user: { id: 'aaaaaaaa-0000-4000-8000-000000000002' }, restore: () => Promise.resolve() }
}));

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

describe('CachedQuery', () => {
	it('keeps the answer to the latest load when an earlier one arrives after it', async () => {
		const answers = new Map<number, ReturnType<typeof deferred<string>>>([
			[2026, deferred<string>()],
			[2027, deferred<string>()]
		]);
		let year = 2026;
		const query = new CachedQuery<string>(
			() => `criteria:${year}`,
			() => answers.get(year)!.promise
		);
		const first = query.load();
		await new Promise((r) => setTimeout(r, 0));
		year = 2027;
		const second = query.load();
		await new Promise((r) => setTimeout(r, 0));
		answers.get(2027)!.resolve('set of 2027');
		await second;
		expect(query.data).toBe('set of 2027');
		expect(query.loading).toBe(false);
		answers.get(2026)!.resolve('set of 2026');
		await first;
		expect(query.data).toBe('set of 2027');
		expect(query.loading).toBe(false);
	});

	it('stays loading until the latest load settles, and ignores an earlier failure', async () => {
		const slow = deferred<string>();
		const failing = deferred<string>();
		let call = 0;
		const query = new CachedQuery<string>(
			() => 'rounds',
			() => (++call === 1 ? failing.promise : slow.promise)
		);
		const first = query.load();
		await new Promise((r) => setTimeout(r, 0));
		const second = query.load();
		await new Promise((r) => setTimeout(r, 0));
		expect(call).toBe(2);
		failing.reject(new Error('permission denied'));
		await first;
		expect(query.error).toBeNull();
		expect(query.loading).toBe(true);
		slow.resolve('rounds of 2027');
		await second;
		expect(query.data).toBe('rounds of 2027');
		expect(query.loading).toBe(false);
	});
});
