// Per-request concerns of the Node server: the reader's locale (cookie `lang`, Vietnamese by default), the page's
// `lang` attribute, and security headers for every response (anti-framing, no MIME sniffing, no referrer leaks).
import type { Handle } from '@sveltejs/kit';
import { localeOf } from '$lib/server/locale';

const securityHeaders: Record<string, string> = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(self), geolocation=(), microphone=()'
};

export const handle: Handle = async ({ event, resolve }) => {
	const locale = localeOf(event.cookies);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};
