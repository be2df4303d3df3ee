import { error } from '@sveltejs/kit';
import { GALLERY_PAGE_SIZE, listPublishedStories } from '$lib/server/gallery';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const raw = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
	const { cards, total } = await listPublishedStories(page).catch((cause: unknown) => {
		console.error('gallery list failed', cause);
		error(503, 'gallery.loadError');
	});
	const pages = Math.max(1, Math.ceil(total / GALLERY_PAGE_SIZE));
	if (page > pages) error(404, 'error.notFound');
	// Short shared caching: a story taken down (consent withdrawn) must disappear within minutes. The language
	// comes from a cookie, so caches must keep one copy per cookie.
	setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	return { cards, page, pages };
};
