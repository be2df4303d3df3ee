import { error } from '@sveltejs/kit';
import { getPublishedStory } from '$lib/server/gallery';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const story = await getPublishedStory(params.id).catch((cause: unknown) => {
		console.error('gallery story failed', cause);
		error(503, 'gallery.loadError');
	});
	// Not published (never, or withdrawn since): indistinguishable from "does not exist".
	if (!story) error(404, 'error.notFound');
	setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	return { story, canonical: `${url.origin}/gallery/${story.id}`, origin: url.origin };
};
