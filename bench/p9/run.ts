// P9 (TARGETS.md): standings read p95 ≤ 20 ms, payload ≤ 20 KB gzip, fresh within 60 s of a score change, at 126
// units × 30 criteria × 3 stages of scores and 100k stories. On the bench stack: the P8 data set (loaded here unless
// P8 ran first), then bench/p9/dataset.sql (clusters of 10–11, 30 criteria, the open year-end round scored at every
// stage). Measured:
//   - the app's standings read (GET /standings?select=<the app's columns>&round_id=eq.…&cluster_id=eq.…&order=rank)
//     as a cluster lead and as a unit officer, the way PostgREST runs it (role switch, JWT claims, prepared statement,
//     json_agg envelope): p50/p95/p99 of the query, against the naive way (the same columns computed on read from
//     the score rows; bench/p9/naive.ts), with the rows of both compared;
//   - the same read end to end over HTTP through the gateway, and the gzip size of its response body;
//   - freshness: a final (city) score changed by the city admin (one PostgREST-like transaction; the triggers
//     recompute the unit's result and re-rank the cluster before commit), then the officer's standings read until
//     they show it;
//     the write's cost against the same write with the result maintenance switched off (the naive way's writes).
// Results: bench/results/p9.json, and a table on stdout with the ratio to the naive way. Speed is never asserted in
// `npm test`; the payload limit is (supabase/tests/scoring.test.ts).
import { readFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { Stack } from '../../supabase/local/stack';
import { loadDataset } from '../rls/dataset';
import type { BenchQuery, RoleName } from '../rls/queries';
import { claimsFor, explain, summarise, timeInterleaved, type Percentiles, type Timing, type TimingOptions } from '../rls/timing';
import { dropNaiveViews, installNaiveViews, NAIVE_VIEWS } from './naive';

const RESULTS_FILE = new URL('../results/p9.json', import.meta.url).pathname;
const TARGET_READ_P95_MS = 20;
const TARGET_PAYLOAD_GZIP_BYTES = 20_000;
const TARGET_FRESH_MS = 60_000;
const BENCH_PASSWORD = 'Bench@2026';

const OURS: TimingOptions = { warmup: 20, iterations: 300, budgetMs: 90_000, minIterations: 300 };
const NAIVE: TimingOptions = { warmup: 3, iterations: 200, budgetMs: 60_000, minIterations: 30 };
const HTTP_ROUNDS = { warmup: 20, iterations: 200 };
const FRESHNESS_WRITES = 60;

/** The app's columns (src/lib/remote/standings-api.ts). */
const COLUMNS = [
	'round_id', 'cluster_id', 'official', 'decision_number', 'decision_signed_on', 'unit_id', 'unit_name', 'total',
	'self_total', 'group_totals', 'scored_criteria', 'rank', 'previous_rank', 'rank_change', 'gap_to_next', 'updated_at'
];

const NAIVE_DESCRIPTION =
	'the same columns computed on every read from the score rows (highest stage per criterion, penalties subtracted, ' +
	'group totals, rank() over the cluster, gap to the next total up) in a view over score, with the project’s RLS ' +
	'on score applying to each score row read (security invoker); "aggregate only" is that view without RLS ' +
	'(owned by the superuser), the cost of the aggregate alone. Ours reads the trigger-maintained unit_result ' +
	'through public.standings.';

interface Subject {
	role: RoleName;
	label: string;
	userId: string;
	email: string;
	clusterId: string;
	clusterUnits: number;
}

interface ReadResult {
	id: string;
	subject: Subject;
	ours: Timing;
	naive: Timing;
	naiveNoRls: Timing;
	/** Rows the naive way returns to this reader, and whether they agree with ours (ranks, totals, gaps, groups). */
	naiveRows: number;
	sameRows: boolean;
	sameRowsAggregateOnly: boolean;
	plan: string[];
	naivePlan: string[];
}

/** PostgREST 12's read envelope around the request's query (as bench/rls/queries.ts). */
function envelope(source: string): string {
	return `with pgrst_source as (${source})
select null::bigint as total_result_set, pg_catalog.count(_postgrest_t) as page_total,
       coalesce(json_agg(_postgrest_t), '[]') as body,
       nullif(current_setting('response.headers', true), '') as response_headers,
       nullif(current_setting('response.status', true), '') as response_status
from (select * from pgrst_source) _postgrest_t`;
}

function standingsQuery(id: string, relation: string, subject: Subject, roundId: string): BenchQuery {
	const cols = COLUMNS.map((c) => `"public"."${relation}"."${c}"`).join(', ');
	return {
		id,
		role: subject.role,
		name: `${subject.label} standings`,
		kind: 'aggregate',
		targetMs: TARGET_READ_P95_MS,
		request: `GET /standings?select=${COLUMNS.join(',')}&round_id=eq.<round>&cluster_id=eq.<cluster>&order=rank`,
		subject: { userId: subject.userId, unitIds: [], scope: `cluster of ${subject.clusterUnits} units` },
		sql: envelope(
			`select ${cols} from "public"."${relation}"
			 where "public"."${relation}"."round_id" = $1 and "public"."${relation}"."cluster_id" = $2
			 order by "public"."${relation}"."rank" asc`
		),
		params: [roundId, subject.clusterId]
	};
}

async function one<T extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> {
	const { rows } = await client.query<T>(text, values);
	const row = rows[0];
	if (!row) throw new Error(`no row for: ${text}`);
	return row;
}

async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url, application_name: 'bench-p9' });
	await client.connect();
	return client;
}

/** Runs `body` as `userId` in a read-write PostgREST-like transaction and commits. */
async function writeAs(client: pg.Client, userId: string, body: () => Promise<void>): Promise<void> {
	await client.query('begin');
	try {
		await client.query('set local role authenticated');
		await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(userId)]);
		await body();
		await client.query('commit');
	} catch (error) {
		await client.query('rollback');
		throw error;
	}
}

async function readAs<T extends pg.QueryResultRow>(client: pg.Client, userId: string, q: BenchQuery): Promise<T[]> {
	await client.query('begin isolation level read committed read only');
	try {
		await client.query('set local role authenticated');
		await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(userId)]);
		const { rows } = await client.query<{ body: T[] }>({ name: q.id, text: q.sql, values: q.params });
		return rows[0]?.body ?? [];
	} finally {
		await client.query('rollback');
	}
}

type StandingsRow = Record<string, unknown>;
/** What both ways must agree on (the naive way has no rank history). */
function comparable(rows: StandingsRow[]): string {
	return JSON.stringify(
		rows
			.map((r) => ({
				unit: r.unit_id,
				total: Number(r.total),
				self: Number(r.self_total),
				rank: r.rank,
				gap: r.gap_to_next === null ? null : Number(r.gap_to_next),
				scored: r.scored_criteria,
				groups: Object.fromEntries(Object.entries(r.group_totals as Record<string, number>).map(([k, v]) => [k, Number(v)]).sort())
			}))
			.sort((a, b) => String(a.unit).localeCompare(String(b.unit)))
	);
}

interface DatasetSummary {
	stories: number;
	currentUnits: number;
	clusteredUnits: number;
	clusters: number;
	clusterSizes: Record<string, number>;
	criteria: number;
	scores: number;
	scoresByStage: Record<string, number>;
	unitResults: number;
	loadSeconds: number;
	p8DataLoadedHere: boolean;
}

async function prepareData(admin: pg.Client): Promise<DatasetSummary> {
	const started = performance.now();
	const hasP8 = (await one<{ n: number }>(admin, "select count(*)::int as n from public.unit where code like 'bench-%'")).n > 0;
	if (!hasP8) {
		console.log('Loading the P8 data set (100,000 stories) …');
		await loadDataset(admin);
	}
	console.log('Regrouping clusters, topping the criteria up to 30 and scoring the open year-end round …');
	await admin.query(readFileSync(new URL('./dataset.sql', import.meta.url), 'utf8'));
	await admin.query('vacuum analyze');
	const loadSeconds = (performance.now() - started) / 1000;
	const c = await one<{
		stories: number;
		current_units: number;
		clustered: number;
		clusters: number;
		criteria: number;
		scores: number;
		results: number;
	}>(
		admin,
		`select (select count(*) from public.story)::int as stories,
		        (select count(*) from public.unit where valid_to is null)::int as current_units,
		        (select count(*) from public.cluster_member where year = private.current_year())::int as clustered,
		        (select count(*) from public.cluster where year = private.current_year())::int as clusters,
		        (select count(*) from public.criterion c join public.criteria_set s on s.id = c.criteria_set_id
		          where s.year = private.current_year())::int as criteria,
		        (select count(*) from public.score s join public.assessment_round r on r.id = s.round_id
		          where r.year = private.current_year() and r.status = 'open')::int as scores,
		        (select count(*) from public.unit_result ur join public.assessment_round r on r.id = ur.round_id
		          where r.year = private.current_year() and r.status = 'open')::int as results`
	);
	const sizes = await admin.query<{ size: number; n: number }>(
		`select size, count(*)::int as n from (select count(*)::int as size from public.cluster_member
		  where year = private.current_year() group by cluster_id) x group by size order by size`
	);
	const stages = await admin.query<{ stage: string; n: number }>(
		`select s.stage, count(*)::int as n from public.score s join public.assessment_round r on r.id = s.round_id
		 where r.year = private.current_year() and r.status = 'open' group by s.stage order by s.stage`
	);
	return {
		stories: c.stories,
		currentUnits: c.current_units,
		clusteredUnits: c.clustered,
		clusters: c.clusters,
		clusterSizes: Object.fromEntries(sizes.rows.map((r) => [`${r.size} units`, r.n])),
		criteria: c.criteria,
		scores: c.scores,
		scoresByStage: Object.fromEntries(stages.rows.map((r) => [r.stage, r.n])),
		unitResults: c.results,
		loadSeconds,
		p8DataLoadedHere: !hasP8
	};
}

async function findSubjects(admin: pg.Client): Promise<{ roundId: string; lead: Subject; officer: Subject; officerSameCluster: string }> {
	const round = await one<{ id: string }>(
		admin,
		"select id from public.assessment_round where year = private.current_year() and status = 'open'"
	);
	const size = async (clusterId: string) =>
		(await one<{ n: number }>(admin, 'select count(*)::int as n from public.cluster_member where cluster_id = $1', [clusterId])).n;
	const lead = await one<{ user_id: string; email: string; cluster_id: string }>(
		admin,
		`select m.user_id::text, u.email, m.cluster_id::text from public.membership m join auth.users u on u.id = m.user_id
		 where m.user_id = md5('bench-user:lead:1')::uuid and m.role = 'cluster_lead' and m.year = private.current_year()`
	);
	const officerOf = (unitKey: string) =>
		one<{ user_id: string; email: string; cluster_id: string }>(
			admin,
			`select m.user_id::text, u.email, cm.cluster_id::text from public.membership m
			 join auth.users u on u.id = m.user_id
			 join public.cluster_member cm on cm.unit_id = m.unit_id and cm.year = m.year
			 where m.role = 'unit_officer' and m.unit_id = md5($1)::uuid and m.year = private.current_year()`,
			[unitKey]
		);
	const officer = await officerOf('bench-unit:5');
	const sameCluster = await officerOf('bench-unit:1');
	if (sameCluster.cluster_id !== lead.cluster_id) throw new Error('bench unit 1 should be in the lead’s cluster');
	return {
		roundId: round.id,
		lead: { role: 'cluster_lead', label: 'cluster lead', userId: lead.user_id, email: lead.email, clusterId: lead.cluster_id, clusterUnits: await size(lead.cluster_id) },
		officer: {
			role: 'unit_officer',
			label: 'unit officer',
			userId: officer.user_id,
			email: officer.email,
			clusterId: officer.cluster_id,
			clusterUnits: await size(officer.cluster_id)
		},
		officerSameCluster: sameCluster.user_id
	};
}

interface HttpResult {
	request: string;
	stats: Percentiles;
	rows: number;
	bodyBytes: number;
	gzipBytes: number;
	contentEncoding: string | null;
}

async function timeOverHttp(stack: Stack, subject: Subject, roundId: string): Promise<HttpResult> {
	const auth = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
		method: 'POST',
		headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
		body: JSON.stringify({ email: subject.email, password: BENCH_PASSWORD })
	});
	const session = (await auth.json()) as { access_token?: string; error_description?: string };
	if (!session.access_token) throw new Error(`sign-in as ${subject.email} failed: ${JSON.stringify(session)}`);
	const url =
		`${stack.apiUrl}/rest/v1/standings?select=${COLUMNS.join(',')}` +
		`&round_id=eq.${roundId}&cluster_id=eq.${subject.clusterId}&order=rank.asc`;
	const headers = { apikey: stack.anonKey, Authorization: `Bearer ${session.access_token}`, 'Accept-Encoding': 'gzip' };
	let body = '';
	let encoding: string | null = null;
	const once = async () => {
		const response = await fetch(url, { headers });
		body = await response.text();
		encoding = response.headers.get('content-encoding');
		if (response.status !== 200) throw new Error(`GET /rest/v1/standings: ${response.status} ${body}`);
	};
	for (let i = 0; i < HTTP_ROUNDS.warmup; i++) await once();
	const samples: number[] = [];
	for (let i = 0; i < HTTP_ROUNDS.iterations; i++) {
		const t0 = performance.now();
		await once();
		samples.push(performance.now() - t0);
	}
	return {
		request: `GET ${url.replace(stack.apiUrl, '').replace(roundId, '<round>').replace(subject.clusterId, '<cluster>')}`,
		stats: summarise(samples),
		rows: (JSON.parse(body) as unknown[]).length,
		bodyBytes: Buffer.byteLength(body, 'utf8'),
		gzipBytes: gzipSync(Buffer.from(body, 'utf8')).length,
		contentEncoding: encoding
	};
}

interface FreshnessResult {
	writes: number;
	unitsInCluster: number;
	/** From the write's commit returning to the officer's first read that shows the new total. */
	visibleAfterMs: Percentiles;
	readsUntilVisible: { max: number; mean: number };
	writeMs: Percentiles;
	writeWithoutMaintenanceMs: Percentiles;
	maintenanceOverheadP50Ms: number;
	pass: boolean;
}

/** The seeded city admin (supabase/seed.sql): the city's final score is the stage that counts for a total. */
const CITY_ADMIN = 'aaaaaaaa-0000-4000-8000-000000000006';

/**
 * The city admin changes one final (city) score of a unit of the lead's cluster back and forth (with a reason when
 * it differs from the cluster's), committing each time; the officer of another unit of that cluster reads the
 * standings until the unit's total is the new one.
 */
async function measureFreshness(
	admin: pg.Client,
	writer: pg.Client,
	reader: pg.Client,
	s: { roundId: string; lead: Subject; officerSameCluster: string }
): Promise<FreshnessResult> {
	const target = await one<{ unit_id: string; criterion_id: string; cluster: string; city: string; total: string }>(
		admin,
		`select ci.unit_id::text, ci.criterion_id::text, cl.points::text as cluster, ci.points::text as city, ur.total::text
		 from public.score ci
		 join public.score cl on cl.round_id = ci.round_id and cl.unit_id = ci.unit_id and cl.criterion_id = ci.criterion_id and cl.stage = 'cluster'
		 join public.criterion c on c.id = ci.criterion_id
		 join public.unit_result ur on ur.round_id = ci.round_id and ur.unit_id = ci.unit_id
		 where ci.round_id = $1 and ci.stage = 'city' and ci.unit_id = md5('bench-unit:12')::uuid
		   and c.kind = 'base' and cl.points >= 1
		 order by c.position limit 1`,
		[s.roundId]
	);
	const cluster = Number(target.cluster);
	const base = Number(target.total) - Number(target.city);
	const readQuery = standingsQuery('p9_fresh_read', 'standings', { ...s.lead, userId: s.officerSameCluster }, s.roundId);
	const update = async (points: number) => {
		const t0 = performance.now();
		await writeAs(writer, CITY_ADMIN, async () => {
			const r = await writer.query(
				`update public.score set points = $1, reason = $2
				 where round_id = $3 and unit_id = $4 and criterion_id = $5 and stage = 'city'`,
				[points, points === cluster ? null : 'Thành phố thẩm định lại (đo độ tươi P9).', s.roundId, target.unit_id, target.criterion_id]
			);
			if (r.rowCount !== 1) throw new Error(`the city admin's update matched ${r.rowCount} rows`);
		});
		return performance.now() - t0;
	};
	const pointsAt = (i: number) => (i % 2 === 0 ? cluster - 0.5 : cluster);

	const writeMs: number[] = [];
	const visibleMs: number[] = [];
	const reads: number[] = [];
	for (let i = 0; i < FRESHNESS_WRITES; i++) {
		const points = pointsAt(i);
		writeMs.push(await update(points));
		const committed = performance.now();
		const expected = base + points;
		for (let n = 1; ; n++) {
			const rows = await readAs<StandingsRow>(reader, s.officerSameCluster, readQuery);
			const mine = rows.find((r) => r.unit_id === target.unit_id);
			if (mine && Number(mine.total) === expected) {
				visibleMs.push(performance.now() - committed);
				reads.push(n);
				break;
			}
			if (performance.now() - committed > TARGET_FRESH_MS) throw new Error('standings not fresh within 60 s');
		}
	}

	// The naive way's writes: the same update with the maintenance trigger (history row, the unit's result, the
	// cluster's ranks) switched off; put back after, and the unit recomputed.
	const plainMs: number[] = [];
	await admin.query('alter table public.score disable trigger score_after_write');
	try {
		for (let i = 0; i < FRESHNESS_WRITES; i++) plainMs.push(await update(pointsAt(i)));
	} finally {
		await admin.query('alter table public.score enable trigger score_after_write');
		await admin.query('select private.recompute_unit_result($1, $2)', [s.roundId, target.unit_id]);
	}
	const ours = summarise(writeMs);
	const plain = summarise(plainMs);
	const visible = summarise(visibleMs);
	return {
		writes: FRESHNESS_WRITES,
		unitsInCluster: s.lead.clusterUnits,
		visibleAfterMs: visible,
		readsUntilVisible: { max: Math.max(...reads), mean: reads.reduce((a, b) => a + b, 0) / reads.length },
		writeMs: ours,
		writeWithoutMaintenanceMs: plain,
		maintenanceOverheadP50Ms: ours.p50 - plain.p50,
		pass: visible.max <= TARGET_FRESH_MS
	};
}

const ms = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2));
const round3 = <T extends object>(o: T): T =>
	Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v])) as T;

function table(rows: string[][]): string {
	const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
	const line = (row: string[]): string => row.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
	const [head, ...body] = rows;
	return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export async function runP9(stack: Stack): Promise<void> {
	const startedAt = new Date();
	const startLoad = loadavg().map((x) => Number(x.toFixed(2)));
	const clients: pg.Client[] = [];
	try {
		const admin = await connect(stack.dbUrl);
		clients.push(admin);
		const apiUrl = stack.dbUrl.replace('postgres:postgres@', 'authenticator:postgres@');
		const api = await connect(apiUrl);
		const writer = await connect(apiUrl);
		const reader = await connect(apiUrl);
		clients.push(api, writer, reader);

		const dataset = await prepareData(admin);
		const s = await findSubjects(admin);
		console.log(
			`P9 data: ${dataset.currentUnits} units in ${dataset.clusters} clusters (${JSON.stringify(dataset.clusterSizes)}), ` +
				`${dataset.criteria} criteria, ${dataset.scores.toLocaleString('en-US')} scores, ` +
				`${dataset.stories.toLocaleString('en-US')} stories (${dataset.loadSeconds.toFixed(1)} s)`
		);

		const subjects = [s.lead, s.officer];
		const ours = subjects.map((x) => standingsQuery(`p9_ours_${x.role}`, 'standings', x, s.roundId));
		const naive = subjects.map((x) => standingsQuery(`p9_naive_${x.role}`, NAIVE_VIEWS.rls, x, s.roundId));
		const naiveNoRls = subjects.map((x) => standingsQuery(`p9_naive_norls_${x.role}`, NAIVE_VIEWS.noRls, x, s.roundId));
		const progress = (label: string) => (r: number) => {
			if (r % 100 === 0) console.log(`  ${label}: ${r} rounds`);
		};

		console.log('Timing the standings read (trigger-maintained results) …');
		const oursT = await timeInterleaved(api, ours, OURS, progress('ours'));
		await installNaiveViews(admin);
		let naiveT: Map<string, Timing>;
		let naiveNoRlsT: Map<string, Timing>;
		const results: ReadResult[] = [];
		try {
			console.log('Timing the naive way (computed on read from the scores) …');
			naiveT = await timeInterleaved(api, naive, NAIVE, progress('naive'));
			naiveNoRlsT = await timeInterleaved(api, naiveNoRls, NAIVE, progress('naive, aggregate only'));
			for (let i = 0; i < subjects.length; i++) {
				const [o, n, nn] = [ours[i]!, naive[i]!, naiveNoRls[i]!];
				const oRows = await readAs<StandingsRow>(api, o.subject.userId, o);
				const nRows = await readAs<StandingsRow>(api, n.subject.userId, n);
				const nnRows = await readAs<StandingsRow>(api, nn.subject.userId, nn);
				const to = oursT.get(o.id);
				const tn = naiveT.get(n.id);
				const tnn = naiveNoRlsT.get(nn.id);
				if (!to || !tn || !tnn) throw new Error(`${o.id}: not timed`);
				if (to.rows === 0) throw new Error(`${o.id} returned no rows: the role cannot read its cluster's standings`);
				results.push({
					id: o.id,
					subject: subjects[i]!,
					ours: to,
					naive: tn,
					naiveNoRls: tnn,
					naiveRows: nRows.length,
					sameRows: oRows.length === nRows.length && comparable(oRows) === comparable(nRows),
					sameRowsAggregateOnly: oRows.length === nnRows.length && comparable(oRows) === comparable(nnRows),
					plan: await explain(api, o),
					naivePlan: await explain(api, n)
				});
			}
		} finally {
			await dropNaiveViews(admin);
		}

		console.log('Standings over HTTP (gateway → PostgREST) …');
		const http = await timeOverHttp(stack, s.lead, s.roundId);

		console.log('Freshness: a score change, then the officer’s read …');
		const freshness = await measureFreshness(admin, writer, reader, s);

		const version = await one<{ server_version: string }>(admin, 'show server_version');
		const environment = {
			node: process.version,
			postgres: version.server_version,
			cpus: cpus().length,
			loadAverageAtStart: startLoad,
			loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
			startedAt: startedAt.toISOString(),
			seconds: Math.round((Date.now() - startedAt.getTime()) / 1000)
		};

		// ---- Report ---------------------------------------------------------------------------------------------
		console.log(
			`\nP9 — standings at ${dataset.currentUnits} units × ${dataset.criteria} criteria × 3 stages ` +
				`(${dataset.scores.toLocaleString('en-US')} scores) and ${dataset.stories.toLocaleString('en-US')} stories. ` +
				'Times in ms, query only, as `authenticated` with request.jwt.claims set like PostgREST.\n' +
				`Load average ${environment.loadAverageAtStart.join(' / ')} at start, ${environment.loadAverageAtEnd.join(' / ')} at end ` +
				`on ${environment.cpus} cores.\n`
		);
		const rows = [['reader', 'scope', 'rows', 'n', 'p50', 'p95', 'p99', 'naive p95', 'ratio', 'aggregate-only p95', 'ratio', 'target', 'result']];
		for (const r of results) {
			const x = r.naive.stats.p95 / r.ours.stats.p95;
			const y = r.naiveNoRls.stats.p95 / r.ours.stats.p95;
			rows.push([
				r.subject.label,
				`cluster of ${r.subject.clusterUnits} units`,
				String(r.ours.rows),
				String(r.ours.stats.n),
				ms(r.ours.stats.p50),
				ms(r.ours.stats.p95),
				ms(r.ours.stats.p99),
				`${ms(r.naive.stats.p95)} (n=${r.naive.stats.n})`,
				`${x.toFixed(x < 10 ? 1 : 0)}×${r.sameRows ? '' : ` (${r.naiveRows} of ${r.ours.rows} rows)`}`,
				`${ms(r.naiveNoRls.stats.p95)} (n=${r.naiveNoRls.stats.n})`,
				`${y.toFixed(y < 10 ? 1 : 0)}×${r.sameRowsAggregateOnly ? '' : ' ROWS DIFFER'}`,
				`≤ ${TARGET_READ_P95_MS}`,
				r.ours.stats.p95 <= TARGET_READ_P95_MS ? 'pass' : 'FAIL'
			]);
		}
		console.log(table(rows));
		const h = http.stats;
		console.log(
			`\nOver HTTP as the cluster lead (${http.rows} rows): p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, p99 ${ms(h.p99)} ms (n=${h.n}). ` +
				`Payload ${http.bodyBytes.toLocaleString('en-US')} B, ${http.gzipBytes.toLocaleString('en-US')} B gzip ` +
				`(target ≤ ${TARGET_PAYLOAD_GZIP_BYTES.toLocaleString('en-US')} B: ${http.gzipBytes <= TARGET_PAYLOAD_GZIP_BYTES ? 'pass' : 'FAIL'}).`
		);
		const f = freshness;
		console.log(
			`Freshness (${f.writes} score changes): visible to the officer ${ms(f.visibleAfterMs.p50)} ms after commit at p50, ` +
				`${ms(f.visibleAfterMs.max)} ms at worst, on the first read every time: ${f.readsUntilVisible.max === 1 ? 'yes' : `no (up to ${f.readsUntilVisible.max} reads)`} ` +
				`(target ≤ 60 s: ${f.pass ? 'pass' : 'FAIL'}). The write, results re-ranked in the same transaction: ` +
				`p50 ${ms(f.writeMs.p50)}, p95 ${ms(f.writeMs.p95)} ms; without the maintenance ${ms(f.writeWithoutMaintenanceMs.p50)} / ` +
				`${ms(f.writeWithoutMaintenanceMs.p95)} ms.`
		);
		console.log(`Naive: ${NAIVE_DESCRIPTION}`);
		for (const r of results.filter((x) => !x.sameRows)) {
			console.log(
				`The naive way gives the ${r.subject.label} ${r.naiveRows} of the cluster's ${r.ours.rows} rows: computed under the ` +
					'RLS of score it sees only the scores its role may read, so only the aggregate without RLS can serve it.'
			);
		}
		for (const r of results.filter((x) => x.ours.stats.p95 > TARGET_READ_P95_MS)) console.log(`\nPlan of ${r.id}:\n${r.plan.join('\n')}`);

		const json = {
			target: 'P9: standings read p95 ≤ 20 ms, payload ≤ 20 KB gzip, fresh within 60 s of a score change',
			environment,
			dataset,
			naive: NAIVE_DESCRIPTION,
			results: results.map((r) => ({
				id: r.id,
				reader: r.subject.role,
				request: ours.find((q) => q.id === r.id)?.request,
				scope: `cluster of ${r.subject.clusterUnits} units`,
				targetMs: TARGET_READ_P95_MS,
				pass: r.ours.stats.p95 <= TARGET_READ_P95_MS,
				rows: r.ours.rows,
				ours: round3(r.ours.stats),
				naive: round3(r.naive.stats),
				ratioP95: Number((r.naive.stats.p95 / r.ours.stats.p95).toFixed(1)),
				naiveAggregateOnly: round3(r.naiveNoRls.stats),
				ratioP95AggregateOnly: Number((r.naiveNoRls.stats.p95 / r.ours.stats.p95).toFixed(1)),
				naiveRows: r.naiveRows,
				sameRowsUnderNaive: r.sameRows,
				sameRowsAggregateOnly: r.sameRowsAggregateOnly,
				plan: r.plan,
				naivePlan: r.naivePlan
			})),
			http: { ...http, stats: round3(http.stats), targetGzipBytes: TARGET_PAYLOAD_GZIP_BYTES, pass: http.gzipBytes <= TARGET_PAYLOAD_GZIP_BYTES },
			freshness: {
				...freshness,
				visibleAfterMs: round3(freshness.visibleAfterMs),
				writeMs: round3(freshness.writeMs),
				writeWithoutMaintenanceMs: round3(freshness.writeWithoutMaintenanceMs),
				maintenanceOverheadP50Ms: Number(freshness.maintenanceOverheadP50Ms.toFixed(3)),
				targetMs: TARGET_FRESH_MS
			}
		};
		mkdirSync(dirname(RESULTS_FILE), { recursive: true });
		writeFileSync(`${RESULTS_FILE}.tmp`, `${JSON.stringify(json, null, '\t')}\n`);
		renameSync(`${RESULTS_FILE}.tmp`, RESULTS_FILE);
		console.log(`\nWrote ${RESULTS_FILE}`);
	} finally {
		for (const c of clients) await c.end().catch(() => undefined);
	}
}
