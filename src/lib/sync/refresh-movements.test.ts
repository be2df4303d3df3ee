import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Movement } from '$lib/domain/movement';
import { readMovementsSnapshot } from '$lib/offline/movement-snapshot';
import { resetDb } from '$lib/offline/test-fixtures';
import { MOVEMENTS_MAX_AGE_MS, refreshMovements } from './refresh-movements';

const USER = 'aaaaaaaa-0000-4000-8000-000000000001';
const T0 = Date.parse('2026-11-25T02:00:00Z');
const launched: Movement = {
	id: '0f0f0f0f-0000-4000-8000-00000000000a',
	year: 2026,
	kind: 'regular',
	name: 'Phong trào "Người tốt, việc tốt"',
	content: '',
	startsOn: '2026-01-01',
	endsOn: null,
	criteriaNote: null,
	status: 'launched',
	launchedAt: '2026-01-05T02:00:00Z'
};

let calls: number[];
const listMovements = async (year: number) => {
	calls.push(year);
	return [launched];
};

beforeEach(async () => {
	await resetDb();
	calls = [];
});

describe('refreshMovements', () => {
	it('keeps the year list on the device for the capture form', async () => {
		expect(await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 })).toBe(true);
		expect(await readMovementsSnapshot(USER, 2026)).toEqual({ data: [launched], fetchedAt: new Date(T0).toISOString() });
	});

	it('asks the server again only once the kept list is older than the limit', async () => {
		await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 });
		expect(await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 + MOVEMENTS_MAX_AGE_MS - 1 })).toBe(false);
		expect(await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 + MOVEMENTS_MAX_AGE_MS })).toBe(true);
		expect(calls).toEqual([2026, 2026]);
	});

	it('keeps the previous list when the server cannot be reached', async () => {
		await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 });
		const failing = async () => Promise.reject(new TypeError('fetch failed'));
		await expect(refreshMovements({ listMovements: failing, userId: USER, year: 2026, now: () => T0 + MOVEMENTS_MAX_AGE_MS })).rejects.toThrow();
		expect((await readMovementsSnapshot(USER, 2026))?.data).toEqual([launched]);
	});

	it('keeps each person\'s list apart', async () => {
		await refreshMovements({ listMovements, userId: USER, year: 2026, now: () => T0 });
		expect(await readMovementsSnapshot('someone-else', 2026)).toBeNull();
	});
});
