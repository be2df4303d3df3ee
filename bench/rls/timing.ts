// Times one query the way PostgREST runs it: per request a transaction that switches to the `authenticated` role and
// sets the JWT claims locally, then the query as a named prepared statement (PostgREST prepares its statements too,
// so Postgres may move to a generic plan after five runs, as it would in production). Only the query is timed.
// Every query gets its own prepared statement on the one connection, as PostgREST's pooled connections would have.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { BenchQuery } from './queries';

export interface Percentiles {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export interface TimingOptions {
	/** Rounds run before timing (plans cached, pages in memory). */
	warmup: number;
	/** Timed rounds; each round runs every query once. */
	iterations: number;
	/** Stop early after this long (at least `minIterations` rounds): naive policies can take a second a query. */
	budgetMs: number;
	minIterations: number;
}

export interface Timing {
	stats: Percentiles;
	/** Rows in the response and a hash of them (order-independent), to prove both policy sets return the same. */
	rows: number;
	fingerprint: string;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] ?? Number.NaN;
}

export function summarise(samples: number[]): Percentiles {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted[sorted.length - 1] ?? Number.NaN
	};
}

export function claimsFor(userId: string): string {
	return JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
}

interface EnvelopeRow {
	page_total: string;
	body: unknown[];
}

/** Runs `body` inside a PostgREST-like request transaction as `userId`; always ends the transaction. */
export async function asUser<T>(client: pg.Client, userId: string, body: () => Promise<T>): Promise<T> {
	await client.query('begin isolation level read committed read only');
	try {
		await client.query('set local role authenticated');
		await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(userId)]);
		return await body();
	} finally {
		await client.query('rollback');
	}
}

function fingerprintOf(body: unknown[]): string {
	const rows = body.map((row) => JSON.stringify(row)).sort();
	return createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Times several queries in rounds, each round running every query once in a rotating order. On a shared machine a
 * burst of someone else's work then lands on all queries alike, instead of ruining one query's whole sample.
 */
export async function timeInterleaved(
	client: pg.Client,
	queries: BenchQuery[],
	opts: TimingOptions,
	onRound?: (round: number) => void
): Promise<Map<string, Timing>> {
	const samples = new Map<string, number[]>(queries.map((q) => [q.id, []]));
	const last = new Map<string, EnvelopeRow>();
	const runOnce = async (q: BenchQuery, record: boolean): Promise<void> => {
		const row = await asUser(client, q.subject.userId, async () => {
			const t0 = performance.now();
			const result = await client.query<EnvelopeRow>({ name: q.id, text: q.sql, values: q.params });
			if (record) samples.get(q.id)?.push(performance.now() - t0);
			return result.rows[0];
		});
		if (row) last.set(q.id, row);
	};
	for (let i = 0; i < opts.warmup; i++) for (const q of queries) await runOnce(q, false);
	const started = performance.now();
	for (
		let round = 0;
		round < opts.iterations && (round < opts.minIterations || performance.now() - started < opts.budgetMs);
		round++
	) {
		for (let k = 0; k < queries.length; k++) {
			const q = queries[(round + k) % queries.length];
			if (q) await runOnce(q, true);
		}
		onRound?.(round + 1);
	}
	return new Map(
		queries.map((q) => {
			const row = last.get(q.id);
			if (!row) throw new Error(`${q.id}: no response row`);
			const timing: Timing = {
				stats: summarise(samples.get(q.id) ?? []),
				rows: Number(row.page_total),
				fingerprint: fingerprintOf(row.body)
			};
			return [q.id, timing];
		})
	);
}

/** EXPLAIN ANALYZE under the role, for the JSON file and for explaining a miss. */
export async function explain(client: pg.Client, q: BenchQuery): Promise<string[]> {
	return asUser(client, q.subject.userId, async () => {
		const { rows } = await client.query<{ 'QUERY PLAN': string }>(
			`explain (analyze, buffers, costs off, summary on) ${q.sql}`,
			q.params
		);
		return rows.map((r) => r['QUERY PLAN']);
	});
}
