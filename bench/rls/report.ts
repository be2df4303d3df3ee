// The P8 report: one table on stdout (role, query, percentiles, naive p95, ratio, target, pass/fail) and the same
// figures with their plans in bench/results/rls.json, written through a .tmp file so a crash never leaves half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatasetSummary } from './dataset';
import type { HttpTiming } from './http';
import type { BenchQuery } from './queries';
import type { Timing } from './timing';

export interface QueryResult {
	query: BenchQuery;
	ours: Timing;
	naive?: Timing;
	plan: string[];
	naivePlan?: string[];
}

export interface Report {
	dataset: DatasetSummary;
	results: QueryResult[];
	http?: HttpTiming;
	skipped: string[];
	naiveDescription: string;
	environment: {
		node: string;
		postgres: string;
		cpus: number;
		loadAverageAtStart: number[];
		loadAverageAtEnd: number[];
		startedAt: string;
		seconds: number;
	};
}

const ms = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2));

const roleLabel: Record<string, string> = {
	reporter: 'reporter',
	unit_officer: 'unit officer',
	cluster_lead: 'cluster lead'
};

export function passes(r: QueryResult): boolean {
	return r.ours.stats.p95 <= r.query.targetMs;
}

export function ratio(r: QueryResult): number | undefined {
	return r.naive ? r.naive.stats.p95 / r.ours.stats.p95 : undefined;
}

/** Same rows under both policy sets; a difference would make the ratio meaningless. */
export function sameResults(r: QueryResult): boolean | undefined {
	return r.naive ? r.naive.fingerprint === r.ours.fingerprint : undefined;
}

function table(rows: string[][]): string {
	const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
	const line = (row: string[]): string =>
		row.map((cell, c) => (c <= 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
	const [head, ...body] = rows;
	return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function printReport(report: Report): void {
	const d = report.dataset;
	console.log(
		`\nP8 — RLS-protected reads at ${d.stories.toLocaleString('en-US')} stories ` +
			`(${d.currentUnits} current units, ${d.currentClusters} current clusters, ` +
			`${d.storyPhotos.toLocaleString('en-US')} photos; loaded in ${d.loadSeconds.toFixed(1)} s). Times in ms, ` +
			'query only, as `authenticated` with request.jwt.claims set like PostgREST; queries interleaved in rounds.\n' +
			`Load average ${report.environment.loadAverageAtStart.join(' / ')} at start, ` +
			`${report.environment.loadAverageAtEnd.join(' / ')} at end on ${report.environment.cpus} cores ` +
			'(above the core count, other work inflates p95/p99).\n'
	);
	const rows = [['role', 'query', 'scope', 'n', 'p50', 'p95', 'p99', 'naive p95', 'ratio', 'target', 'result']];
	for (const r of report.results) {
		const x = ratio(r);
		const same = sameResults(r);
		rows.push([
			roleLabel[r.query.role] ?? r.query.role,
			r.query.name,
			r.query.subject.scope,
			String(r.ours.stats.n),
			ms(r.ours.stats.p50),
			ms(r.ours.stats.p95),
			ms(r.ours.stats.p99),
			r.naive ? `${ms(r.naive.stats.p95)} (n=${r.naive.stats.n})` : '–',
			x === undefined ? '–' : `${x.toFixed(x < 10 ? 1 : 0)}×${same === false ? ' ROWS DIFFER' : ''}`,
			`≤ ${r.query.targetMs}`,
			passes(r) ? 'pass' : 'FAIL'
		]);
	}
	console.log(table(rows));
	if (report.http) {
		const h = report.http.stats;
		console.log(
			`\nEnd to end, reporter list over HTTP (${report.http.request}, ${report.http.rows} rows): ` +
				`p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, p99 ${ms(h.p99)} ms (n=${h.n}).`
		);
	}
	for (const s of report.skipped) console.log(`Skipped: ${s}`);
	console.log(`Naive: ${report.naiveDescription}`);
	for (const r of report.results.filter((x) => !passes(x))) {
		console.log(`\nPlan of ${r.query.id} (misses ${r.query.targetMs} ms):\n${r.plan.join('\n')}`);
	}
}

export function writeReport(report: Report, file: string): void {
	const json = {
		target: 'P8: RLS-protected list query at 100k stories p95 ≤ 10 ms; counts and aggregates p95 ≤ 20 ms',
		environment: report.environment,
		dataset: report.dataset,
		naive: report.naiveDescription,
		skipped: report.skipped,
		results: report.results.map((r) => ({
			id: r.query.id,
			role: r.query.role,
			query: r.query.name,
			kind: r.query.kind,
			request: r.query.request,
			scope: r.query.subject.scope,
			targetMs: r.query.targetMs,
			pass: passes(r),
			rows: r.ours.rows,
			ours: round(r.ours.stats),
			naive: r.naive ? round(r.naive.stats) : null,
			ratioP95: r.naive ? Number((ratio(r) ?? 0).toFixed(1)) : null,
			sameRowsUnderNaive: sameResults(r) ?? null,
			plan: r.plan,
			naivePlan: r.naivePlan ?? null
		})),
		http: report.http ? { ...report.http, stats: round(report.http.stats) } : null
	};
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(`${file}.tmp`, `${JSON.stringify(json, null, '\t')}\n`);
	renameSync(`${file}.tmp`, file);
}

function round<T extends object>(stats: T): T {
	return Object.fromEntries(
		Object.entries(stats).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v])
	) as T;
}
