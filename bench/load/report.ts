// One wave's figures: throughput, latency per endpoint, errors by kind, what the server holds, the settings measured
// and the machine's load; printed as a short table and written to bench/results/load-N<n>.json.
import { cpus, loadavg } from 'node:os';
import { writeResult } from '../sync/report';
import type { VisitorResult } from './gallery-visitors';
import type { EndpointFigures } from './request-log';
import type { ServerCounts } from './server-audit';
import type { WaveResult } from './wave';

export interface LoadReport {
	n: number;
	shape: { storiesPerDevice: number; photosPerDevice: number; objectsPerDevice: number; photoBytes: number; thumbBytes: number };
	people: { devices: number; leads: number; units: number; leadPollSeconds: number };
	visitors: { ratePerSecond: number; requests: number; seconds: number };
	seconds: { signIn: number; push: number; slowestDevice: number };
	throughput: {
		storiesPerSecond: number;
		photosPerSecond: number;
		uploadsPerSecond: number;
		/** Requests of devices and leads during the push phase. */
		requestsPerSecond: number;
		visitorRequestsPerSecond: number;
	};
	endpoints: (EndpointFigures & { who: 'devices' | 'leads' | 'visitors' })[];
	errors: {
		/** Every failed request by endpoint and kind; all retryable here means the clients recovered. */
		byKind: Record<string, number>;
		retries: number;
		retriedFailures: Record<string, number>;
		lostStories: number;
		lostSample: WaveResult['lost'];
		leadPollFailures: number;
	};
	server: ServerCounts;
	settings: Record<string, string | number>;
	environment: { node: string; cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; startedAt: string };
}

const r1 = (x: number) => Number(x.toFixed(1));
const loads = () => loadavg().map((x) => Number(x.toFixed(2)));

export function composeReport(o: {
	n: number;
	wave: WaveResult;
	visitors: VisitorResult;
	visitorRate: number;
	server: ServerCounts;
	shape: Omit<LoadReport['shape'], 'objectsPerDevice'>;
	units: number;
	leadPollMs: number;
	settings: Record<string, string | number>;
	startedAt: Date;
	loadAtStart: number[];
}): LoadReport {
	const { wave, visitors } = o;
	const push = wave.pushSeconds;
	const uploads = wave.endpoints.find((e) => e.endpoint === 'storage upload')?.requests ?? 0;
	const leadEndpoints = new Set(['standings', 'standings catalog']);
	return {
		n: o.n,
		shape: { ...o.shape, objectsPerDevice: o.shape.photosPerDevice * 2 },
		people: { devices: wave.devices, leads: wave.leads, units: o.units, leadPollSeconds: o.leadPollMs / 1000 },
		visitors: { ratePerSecond: o.visitorRate, requests: visitors.requests, seconds: visitors.seconds },
		seconds: { signIn: wave.signInSeconds, push, slowestDevice: wave.slowestDeviceSeconds },
		throughput: {
			storiesPerSecond: r1(wave.arrived / push),
			photosPerSecond: r1(wave.photosArrived / push),
			uploadsPerSecond: r1(uploads / push),
			requestsPerSecond: r1(wave.pushRequests / push),
			visitorRequestsPerSecond: r1(visitors.requests / Math.max(visitors.seconds, 0.001))
		},
		endpoints: [
			...wave.endpoints.map((e) => ({ ...e, who: leadEndpoints.has(e.endpoint) ? ('leads' as const) : ('devices' as const) })),
			...visitors.endpoints.map((e) => ({ ...e, who: 'visitors' as const }))
		],
		errors: {
			byKind: { ...wave.errors, ...visitors.errors },
			retries: wave.retries,
			retriedFailures: wave.retried,
			lostStories: wave.lost.length,
			lostSample: wave.lost.slice(0, 10),
			leadPollFailures: wave.leadStats.failures
		},
		server: o.server,
		settings: o.settings,
		environment: {
			node: process.version,
			cpus: cpus().length,
			loadAverageAtStart: o.loadAtStart,
			loadAverageAtEnd: loads(),
			startedAt: o.startedAt.toISOString()
		}
	};
}

export function printReport(r: LoadReport): void {
	const s = r.server;
	const mark = s.exactlyOnce && r.errors.lostStories === 0 ? '✓ exactly once' : '✗ NOT exactly once';
	console.log(
		`\nN = ${r.n}: ${s.stories.distinct}/${s.stories.expected} stories, ${s.photoRows.distinct}/${s.photoRows.expected} photo rows, ` +
			`${s.objects.distinct}/${s.objects.expected} objects; duplicates ${s.stories.duplicates + s.stories.extraByRunAuthors + s.photoRows.duplicates + s.objects.duplicates}, ` +
			`orphans ${s.objects.orphans}, photo rows without objects ${s.photoRows.withoutObjects} — ${mark}`
	);
	const t = r.throughput;
	console.log(
		`  push ${r.seconds.push} s (slowest device ${r.seconds.slowestDevice} s, sign-in ${r.seconds.signIn} s): ${t.storiesPerSecond} stories/s, ` +
			`${t.photosPerSecond} photos/s, ${t.uploadsPerSecond} uploads/s, ${t.requestsPerSecond} requests/s; visitors ${t.visitorRequestsPerSecond} requests/s`
	);
	console.log(`  ${'endpoint'.padEnd(22)} ${'who'.padEnd(9)} ${'requests'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ms`);
	for (const e of r.endpoints) {
		console.log(
			`  ${e.endpoint.padEnd(22)} ${e.who.padEnd(9)} ${String(e.requests).padStart(8)} ${String(e.p50Ms).padStart(8)} ${String(e.p95Ms).padStart(8)} ${String(e.p99Ms).padStart(8)}`
		);
	}
	console.log(
		`  errors by kind: ${JSON.stringify(r.errors.byKind)}; retries ${r.errors.retries} ${JSON.stringify(r.errors.retriedFailures)}; ` +
			`lost ${r.errors.lostStories}; load average ${r.environment.loadAverageAtStart.join('/')} → ${r.environment.loadAverageAtEnd.join('/')}`
	);
}

/** LOAD_RESULTS_TAG names an experiment's file (load-N500-<tag>.json) so it does not replace the default run's. */
export function writeReport(r: LoadReport, tag = process.env.LOAD_RESULTS_TAG): string {
	return writeResult(tag ? `load-N${r.n}-${tag}` : `load-N${r.n}`, r);
}

export { loads as currentLoad };
