// The Supabase side of live standings, against a test double of supabase-js's channel API (the local stack has no
// realtime server): what it subscribes to, which events count, and that closing removes the channel.
import { describe, expect, it, vi } from 'vitest';
import { concernsCluster, openStandingsChannel, openStandingsChannelLater, type RealtimeClient } from './standings-channel';
import { LiveRefresh } from './live-refresh.svelte';

const ROUND = '0b1c2d3e-0000-4000-8000-000000000001';
const CLUSTER = '22222222-2222-4222-8222-000000000001';

function fakeClient() {
	const calls = {
		name: '',
		filter: null as Record<string, string> | null,
		handler: (_payload: unknown): void => undefined,
		statusCallback: (_status: string): void => undefined,
		removed: 0
	};
	const channel = {
		on(type: string, filter: Record<string, string>, handler: (payload: unknown) => void) {
			expect(type).toBe('postgres_changes');
			calls.filter = filter;
			calls.handler = handler;
			return channel;
		},
		subscribe(callback: (status: string) => void) {
			calls.statusCallback = callback;
			return channel;
		}
	};
	const client = {
		channel(name: string) {
			calls.name = name;
			return channel;
		},
		removeChannel(c: unknown) {
			expect(c).toBe(channel);
			calls.removed++;
			return Promise.resolve('ok');
		}
	};
	return { calls, client: client as unknown as RealtimeClient };
}

describe('openStandingsChannel', () => {
	it('listens to unit_result changes of the round and passes on statuses', () => {
		const { calls, client } = fakeClient();
		const onChange = vi.fn();
		const onStatus = vi.fn();
		const handle = openStandingsChannel(client, { roundId: ROUND, clusterId: CLUSTER })({ onChange, onStatus });
		expect(calls.name).toBe(`standings:${ROUND}:${CLUSTER}`);
		expect(calls.filter).toEqual({ event: '*', schema: 'public', table: 'unit_result', filter: `round_id=eq.${ROUND}` });

		calls.statusCallback('SUBSCRIBED');
		calls.statusCallback('CHANNEL_ERROR');
		expect(onStatus.mock.calls).toEqual([['SUBSCRIBED'], ['CHANNEL_ERROR']]);

		calls.handler({ eventType: 'UPDATE', new: { cluster_id: CLUSTER, total: 80 }, old: {} });
		calls.handler({ eventType: 'UPDATE', new: { cluster_id: 'another-cluster' }, old: {} });
		expect(onChange).toHaveBeenCalledTimes(1);

		handle.close();
		expect(calls.removed).toBe(1);
	});

	it('drives LiveRefresh end to end: events reload while subscribed, errors fall back to polling', async () => {
		vi.useFakeTimers();
		try {
			const { calls, client } = fakeClient();
			const reload = vi.fn(() => Promise.resolve());
			const live = new LiveRefresh({ open: openStandingsChannel(client, { roundId: ROUND, clusterId: CLUSTER }), reload });
			live.start();
			calls.statusCallback('SUBSCRIBED');
			await vi.advanceTimersByTimeAsync(0);
			reload.mockClear();
			calls.handler({ eventType: 'UPDATE', new: { cluster_id: CLUSTER }, old: {} });
			await vi.advanceTimersByTimeAsync(1000);
			expect(reload).toHaveBeenCalledTimes(1);
			await vi.advanceTimersByTimeAsync(60_000);
			expect(reload).toHaveBeenCalledTimes(1);

			calls.statusCallback('CHANNEL_ERROR');
			await vi.advanceTimersByTimeAsync(60_000);
			expect(reload).toHaveBeenCalledTimes(5);
			live.stop();
			expect(calls.removed).toBe(1);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('concernsCluster', () => {
	it('counts a delete without the cluster column as a change', () => {
		expect(concernsCluster({ eventType: 'DELETE', new: {}, old: {} }, CLUSTER)).toBe(true);
		expect(concernsCluster({ eventType: 'DELETE', new: {}, old: { cluster_id: 'x' } }, CLUSTER)).toBe(false);
		expect(concernsCluster({ eventType: 'INSERT', new: { cluster_id: CLUSTER }, old: null }, CLUSTER)).toBe(true);
	});
});

describe('openStandingsChannelLater', () => {
	it('subscribes once the client has loaded, and not at all when closed before', async () => {
		const { calls, client } = fakeClient();
		const onStatus = vi.fn();
		const open = openStandingsChannelLater(() => Promise.resolve(client), { roundId: ROUND, clusterId: CLUSTER });
		const early = open({ onChange: vi.fn(), onStatus });
		early.close();
		await Promise.resolve();
		expect(calls.name).toBe('');

		const handle = open({ onChange: vi.fn(), onStatus });
		await vi.waitFor(() => expect(calls.name).toBe(`standings:${ROUND}:${CLUSTER}`));
		calls.statusCallback('CHANNEL_ERROR');
		expect(onStatus).toHaveBeenCalledWith('CHANNEL_ERROR');
		handle.close();
		expect(calls.removed).toBe(1);
	});

	it('reports CHANNEL_ERROR when the client cannot be loaded (offline, chunk missing): the view polls', async () => {
		const onStatus = vi.fn();
		openStandingsChannelLater(() => Promise.reject(new Error('offline')), { roundId: ROUND, clusterId: CLUSTER })({
			onChange: vi.fn(),
			onStatus
		});
		await vi.waitFor(() => expect(onStatus).toHaveBeenCalledWith('CHANNEL_ERROR'));
	});
});
