// The Supabase client factory, free of SvelteKit imports so Node code (tests, scripts) can use it. Must not import
// Node-only modules (`ws`): Node callers pass their own realtime transport.
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createFetchWithTimeout } from './fetch-with-timeout';
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
		auth: { persistSession: true, autoRefreshToken: true, ...opts.auth },
		// No request may hang forever: a silent connection would stall the single sync run (see fetch-with-timeout).
		global: { ...opts.global, fetch: createFetchWithTimeout(opts.global?.fetch) }
	});
}
