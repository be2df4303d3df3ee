import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { durableStorage } from './durable-storage';

function fakeLocalStorage(initial: Record<string, string>): Storage {
	const items = new Map(Object.entries(initial));
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (k) => items.get(k) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (k) => void items.delete(k),
		setItem: (k, v) => void items.set(k, v)
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('durableStorage', () => {
	it('keeps what was set until it is removed', async () => {
		await durableStorage.setItem('sb-test-auth-token', '{"access_token":"a"}');
		expect(await durableStorage.getItem('sb-test-auth-token')).toBe('{"access_token":"a"}');
		await durableStorage.setItem('sb-test-auth-token', '{"access_token":"b"}');
		expect(await durableStorage.getItem('sb-test-auth-token')).toBe('{"access_token":"b"}');
		await durableStorage.removeItem('sb-test-auth-token');
		expect(await durableStorage.getItem('sb-test-auth-token')).toBeNull();
	});

	it('moves a value saved in localStorage by an older version of the app, once', async () => {
		const legacy = fakeLocalStorage({ 'thidua.identity.v1': '{"user":{"id":"u1"}}' });
		vi.stubGlobal('localStorage', legacy);
		expect(await durableStorage.getItem('thidua.identity.v1')).toBe('{"user":{"id":"u1"}}');
		expect(legacy.getItem('thidua.identity.v1')).toBeNull();
		vi.unstubAllGlobals();
		expect(await durableStorage.getItem('thidua.identity.v1')).toBe('{"user":{"id":"u1"}}');
	});

	it('answers null for a key never set, without localStorage (as in a worker or on the server)', async () => {
		expect(await durableStorage.getItem('never-set')).toBeNull();
	});
});
