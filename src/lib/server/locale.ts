// The reader's locale on the server: the `lang` cookie set by /lang, Vietnamese when absent or unknown.
import type { Cookies } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale, registerCatalog, type Locale } from '$lib/i18n';
import { en } from '$lib/i18n/messages-en';

// The server renders either language on any request: both catalogues are at hand from the start.
registerCatalog('en', en);

export function localeOf(cookies: Cookies): Locale {
	const value = cookies.get(LOCALE_COOKIE);
	return isLocale(value) ? value : 'vi';
}
