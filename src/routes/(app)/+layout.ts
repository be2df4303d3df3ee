// The signed-in app is rendered in the browser only: it must open offline from the service worker's app shell,
// so no page under /app may depend on a server load.
import { initClientLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

// The reader's language before any text renders (English is loaded on demand, from the precache when offline).
export const load: LayoutLoad = async () => {
	await initClientLocale();
};
