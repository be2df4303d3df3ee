import { error } from '@sveltejs/kit';
import { getPublicContest } from '$lib/server/gallery';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const found = await getPublicContest(params.id).catch((cause: unknown) => {
		console.error('contest failed', cause);
		error(503, 'gallery.loadError');
	});
	if (!found) error(404, 'error.notFound');
	setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	return { ...found, canonical: `${url.origin}/contests/${found.contest.id}` };
};
