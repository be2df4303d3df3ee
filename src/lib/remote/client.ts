// The Supabase client: one browser singleton (anon key + the user's persisted, auto-refreshed session) and a factory
// for Node code (tests, scripts). Must not import Node-only modules (`ws`): Node callers pass their own transport.
import { env } from '$env/dynamic/public';
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import type { Database } from './story-rows';

export type AppSupabaseClient = SupabaseClient<Database>;

/** Build a client; on Node 20 pass `{ realtime: { transport: WebSocket } }` (from `ws`) or createClient throws. */
export function createSupabase(
	url: string,
	key: string,
	opts: SupabaseClientOptions<'public'> = {}
): AppSupabaseClient {
	return createClient<Database>(url, key, {
		...opts,
		auth: { persistSession: true, autoRefreshToken: true, ...opts.auth }
	});
}

let browserClient: AppSupabaseClient | undefined;

/** The browser's one client, created on first use so importing this module stays side-effect free. */
export function getSupabase(): AppSupabaseClient {
	if (!browserClient) {
		const url = env.PUBLIC_SUPABASE_URL;
		const key = env.PUBLIC_SUPABASE_ANON_KEY;
		if (!url || !key) throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set');
		browserClient = createSupabase(url, key);
	}
	return browserClient;
}
