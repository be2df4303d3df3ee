// sitemap.xml: the public pages and every published story (a story taken down leaves it with the next fetch).
import { listPublishedForSitemap } from '$lib/server/gallery';
import type { RequestHandler } from './$types';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: RequestHandler = async ({ url }) => {
	const stories = await listPublishedForSitemap();
	const entry = (path: string, lastmod?: string | null) =>
		`<url><loc>${escapeXml(`${url.origin}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
	const body = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		entry('/'),
		entry('/gallery', stories[0]?.publishedAt),
		entry('/standings'),
		...stories.map((s) => entry(`/gallery/${s.id}`, s.publishedAt)),
		'</urlset>'
	].join('\n');
	return new Response(body, {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
