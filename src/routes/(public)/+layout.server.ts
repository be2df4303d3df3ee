// Public pages are plain server-rendered HTML: no client JavaScript at all (fast on any phone, works without JS,
// and keeps Dexie and supabase-js out of anonymous visitors' downloads).
import { localeOf } from '$lib/server/locale';
import type { LayoutServerLoad } from './$types';

export const csr = false;

export const load: LayoutServerLoad = ({ cookies }) => ({ locale: localeOf(cookies) });
