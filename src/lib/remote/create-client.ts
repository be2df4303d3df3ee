// The Supabase client factory, free of SvelteKit imports so Node code (tests, scripts) can use it. Must not import
// Node-only modules (`ws`): Node callers pass their own realtime transport.
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createFetchWithTimeout } from './fetch-with-timeout';
import { createRetryAfterFetch, type ServerWait } from './retry-after';
import type { Database } from './story-rows';

export type AppSupabaseClient = SupabaseClient<Database>;

/**
 * Build a client; on Node 20 pass `{ realtime: { transport: WebSocket } }` (from `ws`) or createClient throws.
 * `serverWait` hears every Retry-After the client is given (see retry-after.ts).
 */
export function createSupabase(
	url: string,
	key: string,
	opts: SupabaseClientOptions<'public'> = {},
	extra: { serverWait?: ServerWait } = {}
): AppSupabaseClient {
	const base = opts.global?.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const noted = extra.serverWait ? createRetryAfterFetch(base, extra.serverWait) : base;
	return createClient<Database>(url, key, {
		...opts,
		auth: { persistSession: true, autoRefreshToken: true, ...opts.auth },
		// No request may hang forever: a silent connection would stall the single sync run (see fetch-with-timeout).
		global: { ...opts.global, fetch: createFetchWithTimeout(noted) }
	});
}
