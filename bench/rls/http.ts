// The end-to-end figure for the reporter's list: real supabase-js, signed in through the gateway's GoTrue, request
// through the gateway to PostgREST (JWT check, role switch, the same SQL) and back as JSON. Timed per request from
// the client, so it includes HTTP, the gateway hop and JSON parsing on top of the query.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { summarise, type Percentiles } from './timing';

export interface HttpTiming {
	request: string;
	stats: Percentiles;
	rows: number;
}

export async function timeReporterListOverHttp(o: {
	apiUrl: string;
	anonKey: string;
	email: string;
	password: string;
	warmup: number;
	iterations: number;
}): Promise<HttpTiming> {
	const client = createClient(o.apiUrl, o.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		// Node 20 has no global WebSocket and supabase-js refuses to construct without one (realtime is not used).
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { data: session, error: signInError } = await client.auth.signInWithPassword({
		email: o.email,
		password: o.password
	});
	if (signInError || !session.user) throw new Error(`sign-in as ${o.email} failed: ${signInError?.message}`);
	const me = session.user.id;

	const once = async (): Promise<number> => {
		const { data, error } = await client
			.from('story')
			.select('*')
			.eq('author_id', me)
			.order('updated_at', { ascending: false })
			.limit(50);
		if (error) throw new Error(`GET /rest/v1/story failed: ${error.message}`);
		return data.length;
	};

	let rows = 0;
	for (let i = 0; i < o.warmup; i++) rows = await once();
	const samples: number[] = [];
	for (let i = 0; i < o.iterations; i++) {
		const t0 = performance.now();
		rows = await once();
		samples.push(performance.now() - t0);
	}
	await client.auth.signOut();
	return {
		request: 'supabase-js .from("story").select("*").eq("author_id", me).order("updated_at", desc).limit(50)',
		stats: summarise(samples),
		rows
	};
}
