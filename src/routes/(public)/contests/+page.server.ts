import { error } from '@sveltejs/kit';
import { listPublicContests } from '$lib/server/gallery';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ setHeaders }) => {
	const contests = await listPublicContests().catch((cause: unknown) => {
		console.error('contests failed', cause);
		error(503, 'gallery.loadError');
	});
	setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	return { contests };
};
