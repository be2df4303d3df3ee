// Per-request concerns of the Node server: the reader's locale (cookie `lang`, Vietnamese by default) in the page's
// `lang` attribute, and security headers on every response (CSP on HTML pages, see $lib/server/security-headers).
import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { localeOf } from '$lib/server/locale';
import { applyBaseHeaders, contentSecurityPolicy, inlineScriptHashes } from '$lib/server/security-headers';

export const handle: Handle = async ({ event, resolve }) => {
	const locale = localeOf(event.cookies);
	let scriptHashes: string[] = [];
	const response = await resolve(event, {
		transformPageChunk: ({ html, done }) => {
			const page = html.replace('%lang%', locale);
			// Pages are rendered whole (no streaming of deferred data here), so the last chunk holds every script.
			if (done) scriptHashes = inlineScriptHashes(page);
			return page;
		}
	});
	applyBaseHeaders(response.headers, event.url.pathname);
	if (response.headers.get('content-type')?.startsWith('text/html')) {
		response.headers.set(
			'content-security-policy',
			contentSecurityPolicy({ scriptHashes, supabaseUrl: env.PUBLIC_SUPABASE_URL })
		);
	}
	return response;
};
