// The realtime source of live standings: Supabase postgres_changes on `unit_result` for one round, narrowed to one
// cluster (postgres_changes takes a single filter). RLS on unit_result decides which rows a subscriber may hear of.
// Where the server has no realtime (the local stack), supabase-js reports CHANNEL_ERROR and LiveRefresh polls.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ChannelStatus, LiveChannel, OpenChannel } from './live-refresh.svelte';

export type RealtimeClient = Pick<SupabaseClient, 'channel' | 'removeChannel'>;

interface UnitResultChange {
	eventType: 'INSERT' | 'UPDATE' | 'DELETE';
	new: { cluster_id?: string } | null;
	old: { cluster_id?: string } | null;
}

const statuses: readonly string[] = ['SUBSCRIBED', 'TIMED_OUT', 'CLOSED', 'CHANNEL_ERROR'];

/** A change concerns the cluster when its row says so; a delete may carry only the key, which counts as a change. */
export function concernsCluster(change: UnitResultChange, clusterId: string): boolean {
	const row = change.eventType === 'DELETE' ? change.old : change.new;
	return !row?.cluster_id || row.cluster_id === clusterId;
}

export function openStandingsChannel(client: RealtimeClient, where: { roundId: string; clusterId: string }): OpenChannel {
	return ({ onChange, onStatus }) => {
		const channel = client
			.channel(`standings:${where.roundId}:${where.clusterId}`)
			.on(
				'postgres_changes',
				{ event: '*', schema: 'public', table: 'unit_result', filter: `round_id=eq.${where.roundId}` },
				(payload) => {
					if (concernsCluster(payload as unknown as UnitResultChange, where.clusterId)) onChange();
				}
			)
			.subscribe((status) => {
				if (statuses.includes(status)) onStatus(status as ChannelStatus);
			});
		return {
			close: () => {
				void client.removeChannel(channel).catch(() => undefined);
			}
		};
	};
}

/** The same, with a client that is loaded on demand (supabase-js stays out of the page's first load). */
export function openStandingsChannelLater(
	getClient: () => Promise<RealtimeClient>,
	where: { roundId: string; clusterId: string }
): OpenChannel {
	return (handlers) => {
		let channel: LiveChannel | null = null;
		let closed = false;
		void getClient()
			.then((client) => {
				if (!closed) channel = openStandingsChannel(client, where)(handlers);
			})
			.catch(() => handlers.onStatus('CHANNEL_ERROR'));
		return {
			close: () => {
				closed = true;
				channel?.close();
			}
		};
	};
}
