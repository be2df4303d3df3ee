// The browser's Supabase client: one singleton with the anon key and the user's persisted, auto-refreshed session.
// Node code uses `createSupabase` (re-exported from create-client.ts) and passes its own realtime transport.
import { env } from '$env/dynamic/public';
import { createSupabase, type AppSupabaseClient } from './create-client';
import { durableStorage } from './durable-storage';
import { ServerWait } from './retry-after';

export { createSupabase, type AppSupabaseClient };

let browserClient: AppSupabaseClient | undefined;

/** When the servers last asked the browser client to wait until (Retry-After); the sync engine's retries honour it. */
export const serverWait = new ServerWait();

/** Created on first use, so importing this module stays side-effect free (and safe during SSR). */
export function getSupabase(): AppSupabaseClient {
	if (!browserClient) {
		const url = env.PUBLIC_SUPABASE_URL;
		const key = env.PUBLIC_SUPABASE_ANON_KEY;
		if (!url || !key) throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set');
		// The session lives in IndexedDB so a browser killed right after sign-in or a token refresh keeps it.
		browserClient = createSupabase(url, key, { auth: { storage: durableStorage } }, { serverWait });
	}
	return browserClient;
}
