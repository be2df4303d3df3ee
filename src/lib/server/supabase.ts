// Server-only Supabase client for anonymous public reads (gallery, media). It holds the anon key only: what it can
// read is exactly what RLS grants `anon` (published stories and their photos). No session is kept between requests.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { env } from '$env/dynamic/public';

let anonClient: SupabaseClient | undefined;

/** One shared anon client: it carries no user state, so requests can share it safely. */
export function getAnonSupabase(): SupabaseClient {
	if (anonClient) return anonClient;
	const url = env.PUBLIC_SUPABASE_URL;
	const key = env.PUBLIC_SUPABASE_ANON_KEY;
	if (!url || !key) throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set');
	anonClient = createClient(url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// On Node 20 createClient throws without a WebSocket implementation, even though SSR never subscribes.
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	return anonClient;
}
