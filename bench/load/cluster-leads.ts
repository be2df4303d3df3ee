// Cluster leads keeping the standings page open during the wave: the page's reads (remote/standings-api: the
// catalog once, then the cluster's standings in the open round), repeated on a poll while the local stack, which has
// no Realtime server, leaves the page's channel unsubscribed (the app then polls; see live/live-refresh).
import { fetchClusterStandings, fetchStandingsCatalog } from '$lib/remote/standings-api';
import type { LoadClient } from './load-clients';

export interface LeadStats {
	polls: number;
	failures: number;
	/** Rows in the last answer of each lead, summed: a lead who saw nothing would show here. */
	rowsSeen: number;
}

/** Polls until `isDone()`, each lead on its own offset so the polls do not line up. */
export async function pollStandings(o: {
	leads: { client: LoadClient; clusterId: string }[];
	pollMs: number;
	isDone: () => boolean;
}): Promise<LeadStats> {
	const stats: LeadStats = { polls: 0, failures: 0, rowsSeen: 0 };
	const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
	await Promise.all(
		o.leads.map(async ({ client, clusterId }) => {
			await sleep(Math.random() * o.pollMs);
			const catalog = await fetchStandingsCatalog(client.client).catch(() => null);
			const year = new Date().getFullYear();
			const round = catalog?.rounds.find((r) => !r.official && r.year === year) ?? catalog?.rounds[0];
			if (!round) {
				stats.failures++;
				return;
			}
			let rows = 0;
			while (!o.isDone()) {
				try {
					rows = (await fetchClusterStandings(client.client, { roundId: round.id, clusterId })).rows.length;
					stats.polls++;
				} catch {
					stats.failures++;
				}
				const until = Date.now() + o.pollMs;
				while (!o.isDone() && Date.now() < until) await sleep(Math.min(250, until - Date.now()));
			}
			stats.rowsSeen += rows;
		})
	);
	return stats;
}
