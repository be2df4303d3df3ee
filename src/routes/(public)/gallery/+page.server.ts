import { error } from '@sveltejs/kit';
import { GALLERY_PAGE_SIZE, galleryFacets, galleryHref, parseGalleryQuery, searchPublishedStories } from '$lib/server/gallery';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const query = parseGalleryQuery(url.searchParams);
	const [{ cards, total }, facets] = await Promise.all([searchPublishedStories(query), galleryFacets()]).catch((cause: unknown) => {
		console.error('gallery list failed', cause);
		error(503, 'gallery.loadError');
	});
	const pages = Math.max(1, Math.ceil(total / GALLERY_PAGE_SIZE));
	if (query.page > pages) error(404, 'error.notFound');
	// Short shared caching: a story taken down (consent withdrawn, unpublished) must disappear within a minute. The
	// language comes from a cookie, so caches must keep one copy per cookie.
	setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	const filtered = Boolean(query.q || query.kind || query.unit || query.movement || query.year);
	return {
		cards,
		total,
		page: query.page,
		pages,
		query,
		facets,
		filtered,
		prevHref: query.page > 1 ? galleryHref(query, { page: query.page - 1 }) : null,
		nextHref: query.page < pages ? galleryHref(query, { page: query.page + 1 }) : null,
		canonical: `${url.origin}${galleryHref(query)}`
	};
};
