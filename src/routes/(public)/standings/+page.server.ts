// Public standings: published rounds only (the anon role can read nothing else), one cluster at a time, rendered on
// the server so the table is the content for anyone, search engines and link previews included.
import { error } from '@sveltejs/kit';
import { todayInHanoi } from '$lib/i18n';
import { fetchClusterStandings, fetchStandingsCatalog } from '$lib/remote/standings-api';
import { getAnonSupabase } from '$lib/server/supabase';
import { groupsOf, selectStandings } from '$lib/ui/standings/standings-selection';
import type { PageServerLoad } from './$types';

// Unlike the rest of the public site this page hydrates, so the charts can draw (chart.js is fetched only after the
// page has shown its table). Everything a reader needs is already in the server-rendered HTML.
export const csr = true;

function unavailable(cause: unknown): never {
	console.error('public standings failed', cause);
	error(503, 'standings.loadError');
}

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const client = getAnonSupabase();
	const catalog = await fetchStandingsCatalog(client, { publishedOnly: true }).catch(unavailable);
	const selection = selectStandings(catalog, {
		roundId: url.searchParams.get('round'),
		clusterId: url.searchParams.get('cluster'),
		year: Number(todayInHanoi().slice(0, 4))
	});
	// Published standings never change; a correction (a new decision) may, so caches keep them for minutes only.
	setHeaders({ 'cache-control': 'public, max-age=300', vary: 'Cookie' });
	if (!selection) return { rounds: [], selection: null, standings: null, groups: [], canonical: `${url.origin}/standings` };
	const standings = await fetchClusterStandings(client, {
		roundId: selection.round.id,
		clusterId: selection.cluster.id
	}).catch(unavailable);
	const canonical = `${url.origin}/standings?round=${selection.round.id}&cluster=${selection.cluster.id}`;
	return { rounds: catalog.rounds, selection, standings, groups: groupsOf(catalog, selection.round), canonical };
};
