// Switches the interface language without JavaScript: sets the `lang` cookie and goes back to the page.
// Only same-site paths are accepted as `next` (sameOriginPath), so this cannot be used as an open redirect.
import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n';
import { sameOriginPath } from '$lib/server/same-origin-path';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, cookies }) => {
	const to = url.searchParams.get('to');
	const safeNext = sameOriginPath(url.searchParams.get('next'), url.origin);
	if (isLocale(to)) {
		// Readable by the client-rendered app too (it reads document.cookie), hence not httpOnly.
		cookies.set(LOCALE_COOKIE, to, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, safeNext);
};
