// The reader's locale on the server: the `lang` cookie set by /lang, Vietnamese when absent or unknown.
import type { Cookies } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale, type Locale } from '$lib/i18n';

export function localeOf(cookies: Cookies): Locale {
	const value = cookies.get(LOCALE_COOKIE);
	return isLocale(value) ? value : 'vi';
}
