// The capture form's movement list offline: what was fetched online is kept as this person's snapshot and offered
// again when the server cannot be reached.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Movement } from '$lib/domain/movement';
import { writeMovementsSnapshot } from '$lib/offline/movement-snapshot';
import { resetDb } from '$lib/offline/test-fixtures';
import { MovementOptions } from './movement-options.svelte';

vi.mock('$lib/ui/session.svelte', () => ({
	session: { user: { id: 'aaaaaaaa-0000-4000-8000-000000000001' }, restore: () => Promise.resolve() }
}));
const USER = 'aaaaaaaa-0000-4000-8000-000000000001';

function movement(over: Partial<Movement> & { id: string }): Movement {
	return {
		year: 2026,
		kind: 'regular',
		name: `Phong trào ${over.id}`,
		content: '',
		startsOn: '2026-01-01',
		endsOn: null,
		criteriaNote: null,
		status: 'launched',
		launchedAt: '2026-01-05T02:00:00Z',
		...over
	};
}

const list = [
	movement({ id: '0f0f0f0f-0000-4000-8000-00000000000c', kind: 'campaign' }),
	movement({ id: '0f0f0f0f-0000-4000-8000-00000000000a' }),
	movement({ id: '0f0f0f0f-0000-4000-8000-00000000000d', status: 'draft', launchedAt: null })
];

function setOnline(onLine: boolean): void {
	vi.stubGlobal('navigator', { onLine });
}

beforeEach(resetDb);
afterEach(() => vi.unstubAllGlobals());

describe('MovementOptions', () => {
	it('offers, offline, the launched movements last fetched online, grouped by kind', async () => {
		setOnline(true);
		const online = new MovementOptions({ year: 2026, listMovements: async () => list });
		await online.load();
		expect(online.query.origin).toBe('server');

		setOnline(false);
		const fetcher = vi.fn(async () => list);
		const offline = new MovementOptions({ year: 2026, listMovements: fetcher });
		await offline.load();
		expect(fetcher).not.toHaveBeenCalled();
		expect(offline.query.origin).toBe('snapshot');
		expect(offline.groups(null).map((g) => [g.kind, g.choices.map((c) => c.id.slice(-1))])).toEqual([
			['regular', ['a']],
			['campaign', ['c']]
		]);
		expect(offline.nameOf('0f0f0f0f-0000-4000-8000-00000000000c')).toBe('Phong trào 0f0f0f0f-0000-4000-8000-00000000000c');
	});

	it('reads the list the sync run kept, and falls back to it when the request fails on a bad connection', async () => {
		await writeMovementsSnapshot({ userId: USER, year: 2026, movements: list, fetchedAt: '2026-11-25T02:00:00.000Z' });
		setOnline(true);
		const options = new MovementOptions({ year: 2026, listMovements: async () => Promise.reject(new TypeError('fetch failed')) });
		await options.load();
		expect(options.settled).toBe(true);
		expect(options.query.fetchedAt).toBe('2026-11-25T02:00:00.000Z');
		expect(options.choices(null)).toHaveLength(2);
	});

	it('is empty, and says it has settled, when nothing was ever fetched on this device', async () => {
		setOnline(false);
		const options = new MovementOptions({ year: 2026, listMovements: async () => list });
		await options.load();
		expect([options.settled, options.isEmpty, options.query.origin]).toEqual([true, true, 'none']);
	});

	it('keeps a story\'s own movement selectable when it is not in this year\'s list', async () => {
		setOnline(false);
		const options = new MovementOptions({ year: 2026, listMovements: async () => list });
		await options.load();
		expect(options.groups('0f0f0f0f-0000-4000-8000-0000000000ff').at(-1)).toEqual({
			kind: null,
			choices: [{ id: '0f0f0f0f-0000-4000-8000-0000000000ff', name: '', kind: null }]
		});
	});
});
