// A supabase-js client per simulated person, built as the app builds its own (remote/create-client: the same
// request deadlines, Retry-After noted in a ServerWait of its own), with every request passing the run's request
// log, and sign-in retried like a phone would when the server is busy (5xx, 429, no answer), with the app's backoff.
import WebSocket from 'ws';
import { createSupabase, type AppSupabaseClient } from '$lib/remote/create-client';
import { ServerWait } from '$lib/remote/retry-after';
import { computeNextAttemptAt } from '$lib/sync/backoff';
import type { RequestLog } from './request-log';

export interface LoadClient {
	client: AppSupabaseClient;
	/** Switches the log the client's requests go to (sign-in phase → push phase). */
	useLog(log: RequestLog): void;
	/** When the servers asked this client to wait until (epoch ms; 0 = never asked). */
	retryNotBefore(): number;
}

export function createLoadClient(o: { apiUrl: string; anonKey: string; log: RequestLog }): LoadClient {
	let log = o.log;
	const serverWait = new ServerWait();
	const client = createSupabase(
		o.apiUrl,
		o.anonKey,
		{
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
			global: { fetch: (input, init) => log.fetch(input, init) }
		},
		{ serverWait }
	);
	return { client, useLog: (next) => void (log = next), retryNotBefore: () => serverWait.until };
}

/** Signs in, retrying what a busy server answers; a wrong password or unknown user fails at once. */
export async function signIn(c: LoadClient, email: string, password: string, deadline: number): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		const { data, error } = await c.client.auth.signInWithPassword({ email, password });
		if (!error) return data.user.id;
		const status = error.status ?? 0;
		const retryable = status === 0 || status === 429 || status >= 500;
		const now = Date.now();
		const wait = computeNextAttemptAt({ kind: 'transient', attempts: attempt, now, notBefore: c.retryNotBefore() }) - now;
		if (!retryable || now + wait > deadline) throw new Error(`sign-in of ${email} failed: ${status} ${error.message}`);
		await new Promise((r) => setTimeout(r, wait));
	}
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await work(items[i]!, i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
