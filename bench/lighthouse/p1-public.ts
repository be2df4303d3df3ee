// P1 (public pages): Lighthouse 12 mobile on `/` and `/gallery` (and a story page and the contest collection, for the
// record), median of 5 runs each, against the production build and the local stack, in Debian Chromium
// (`--headless=new --no-sandbox`). Lighthouse's defaults are TARGETS' conditions: 150 ms RTT, 1.6 Mbps, 4× CPU.
// Writes bench/results/p1-lighthouse.json. Figures vary with the machine's load; they are reported, never asserted.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Stack } from '../../supabase/local/stack';
import { buildAndServe } from '../app-server';

const RESULTS_FILE = new URL('../results/p1-lighthouse.json', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);
const TARGET = { '/': 95, '/gallery': 95 } as Record<string, number>;

interface Run {
	score: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
	transferKiB: number;
	scriptKiB: number;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runP1(stack: Stack): Promise<void> {
	const app = await buildAndServe(stack, 'P1');
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	const startLoad = loadavg().map((x) => Number(x.toFixed(2)));
	const pages = ['/', '/gallery', '/gallery/5eed0000-0000-4000-8000-000000000001', '/contests'];
	const figures: Record<string, { runs: Run[]; median: Run; target: number | null; met: boolean | null }> = {};
	try {
		for (const path of pages) {
			const runs: Run[] = [];
			for (let i = 0; i < RUNS; i++) {
				const result = await lighthouse(`${app.baseURL}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
				const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
				const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
				const size = (type: string) => (items.find((x) => x.resourceType === type)?.transferSize ?? 0) / 1024;
				runs.push({
					score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
					lcpMs: Math.round(audit('largest-contentful-paint')),
					tbtMs: Math.round(audit('total-blocking-time')),
					cls: Number(audit('cumulative-layout-shift').toFixed(3)),
					fcpMs: Math.round(audit('first-contentful-paint')),
					transferKiB: Number(size('total').toFixed(1)),
					scriptKiB: Number(size('script').toFixed(1))
				});
			}
			const med: Run = {
				score: median(runs.map((r) => r.score)),
				lcpMs: median(runs.map((r) => r.lcpMs)),
				tbtMs: median(runs.map((r) => r.tbtMs)),
				cls: median(runs.map((r) => r.cls)),
				fcpMs: median(runs.map((r) => r.fcpMs)),
				transferKiB: median(runs.map((r) => r.transferKiB)),
				scriptKiB: median(runs.map((r) => r.scriptKiB))
			};
			const target = TARGET[path] ?? null;
			const met = target === null ? null : med.score >= target && med.lcpMs <= 2000 && med.tbtMs <= 150 && med.cls <= 0.05;
			figures[path] = { runs, median: med, target, met };
			console.log(`P1 ${path}: score ${med.score}, LCP ${med.lcpMs} ms, TBT ${med.tbtMs} ms, CLS ${med.cls}, ${med.transferKiB} KiB (${med.scriptKiB} KiB script)${met === null ? '' : met ? ' ✓' : ' ✗'}`);
		}
	} finally {
		await chrome.kill();
		await app.stop();
	}
	writeFileSync(
		RESULTS_FILE,
		JSON.stringify({ bench: 'P1 public pages, Lighthouse 12 mobile (defaults: 150 ms RTT, 1.6 Mbps, 4× CPU), median of runs', runs: RUNS, startedLoad: startLoad, figures }, null, 2) + '\n'
	);
	console.log(`P1 written to ${RESULTS_FILE}`);
}
