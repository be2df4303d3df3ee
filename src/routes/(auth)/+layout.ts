// Sign-in runs supabase-js in the browser; rendered on the client like the app, so the offline shell can show it.
import { initClientLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const ssr = false;

export const load: LayoutLoad = async () => {
	await initClientLocale();
};
