// P1 (public pages): Lighthouse 12 mobile on `/` and `/gallery` (and a story page and the contest collection, for the
// record), median of 5 runs each, against the production build and the local stack. Lighthouse resets the origin's
// storage before each run (its defaults), so every run is a first visit. Writes bench/results/p1-lighthouse.json.
// Figures vary with the machine's load; they are reported, never asserted.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { describeRun, lighthouseRun, medianRun, meetsTarget, type Run } from './lighthouse-run';

const RESULTS_FILE = new URL('../results/p1-lighthouse.json', import.meta.url).pathname;
const TARGET = { '/': 95, '/gallery': 95 } as Record<string, number>;
const PAGES = ['/', '/gallery', '/gallery/5eed0000-0000-4000-8000-000000000001', '/contests'];

/** Measures the public pages in the Chromium on `port` (see bench/lighthouse/p1.ts). */
export async function measurePublicPages(baseURL: string, port: number, runs: number): Promise<void> {
	const startLoad = loadavg().map((x) => Number(x.toFixed(2)));
	const figures: Record<string, { runs: Run[]; median: Run; target: number | null; met: boolean | null }> = {};
	for (const path of PAGES) {
		const samples: Run[] = [];
		for (let i = 0; i < runs; i++) samples.push((await lighthouseRun(`${baseURL}${path}`, port)).run);
		const med = medianRun(samples);
		const target = TARGET[path] ?? null;
		const met = target === null ? null : meetsTarget(med, target);
		figures[path] = { runs: samples, median: med, target, met };
		console.log(`P1 ${path}: ${describeRun(med)}${met === null ? '' : met ? ' ✓' : ' ✗'}`);
	}
	writeFileSync(
		RESULTS_FILE,
		JSON.stringify({ bench: 'P1 public pages, Lighthouse 12 mobile (defaults: 150 ms RTT, 1.6 Mbps, 4× CPU), median of runs', runs, startedLoad: startLoad, figures }, null, 2) + '\n'
	);
	console.log(`P1 written to ${RESULTS_FILE}`);
}
