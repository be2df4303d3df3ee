// Per-request concerns of the Node server: the reader's locale (cookie `lang`, Vietnamese by default) in the page's
// `lang` attribute, and security headers on every response (CSP on HTML pages, see $lib/server/security-headers).
import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { localeOf } from '$lib/server/locale';
import { applyBaseHeaders, contentSecurityPolicy, kitScriptHashes } from '$lib/server/security-headers';

export const handle: Handle = async ({ event, resolve }) => {
	const locale = localeOf(event.cookies);
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	applyBaseHeaders(response.headers, event.url.pathname);
	if (response.headers.get('content-type')?.startsWith('text/html')) {
		// SvelteKit's own policy (kit.csp) carries the hash of its boot script; ours replaces it with that hash kept.
		const scriptHashes = kitScriptHashes(response.headers.get('content-security-policy'));
		response.headers.set(
			'content-security-policy',
			contentSecurityPolicy({ scriptHashes, supabaseUrl: env.PUBLIC_SUPABASE_URL })
		);
	}
	return response;
};
