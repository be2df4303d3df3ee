// One Lighthouse 12 mobile performance run against an already launched Chromium (by its debugging port), reduced to
// the figures TARGETS P1 names, and their median over runs. Lighthouse's defaults are TARGETS' conditions: simulated
// 150 ms RTT, 1.6 Mbps, 4× CPU. Shared by the public pages and the capture page (bench/lighthouse/p1-*.ts).
import lighthouse, { type Flags } from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';

export interface Run {
	score: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
	transferKiB: number;
	scriptKiB: number;
}

export const TARGET_LCP_MS = 2000;
export const TARGET_TBT_MS = 150;
export const TARGET_CLS = 0.05;

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Each figure's median on its own (so the median run is not one run): how TARGETS reads "median of 5". */
export function medianRun(runs: Run[]): Run {
	const of = (key: keyof Run) => median(runs.map((r) => r[key]));
	return {
		score: of('score'),
		lcpMs: of('lcpMs'),
		tbtMs: of('tbtMs'),
		cls: of('cls'),
		fcpMs: of('fcpMs'),
		transferKiB: of('transferKiB'),
		scriptKiB: of('scriptKiB')
	};
}

export function meetsTarget(run: Run, minScore: number): boolean {
	return run.score >= minScore && run.lcpMs <= TARGET_LCP_MS && run.tbtMs <= TARGET_TBT_MS && run.cls <= TARGET_CLS;
}

export function describeRun(run: Run): string {
	return `score ${run.score}, LCP ${run.lcpMs} ms, TBT ${run.tbtMs} ms, CLS ${run.cls}, FCP ${run.fcpMs} ms, ${run.transferKiB} KiB (${run.scriptKiB} KiB script)`;
}

/** Runs Lighthouse once on `url` in the Chromium listening on `port`; returns the figures and the whole report. */
export async function lighthouseRun(url: string, port: number, flags: Flags = {}): Promise<{ run: Run; lhr: LighthouseResult }> {
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], ...flags });
	const lhr = result?.lhr;
	if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
	if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
	const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
	const size = (type: string) => (items.find((x) => x.resourceType === type)?.transferSize ?? 0) / 1024;
	const run: Run = {
		score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
		lcpMs: Math.round(audit('largest-contentful-paint')),
		tbtMs: Math.round(audit('total-blocking-time')),
		cls: Number(audit('cumulative-layout-shift').toFixed(3)),
		fcpMs: Math.round(audit('first-contentful-paint')),
		transferKiB: Number(size('total').toFixed(1)),
		scriptKiB: Number(size('script').toFixed(1))
	};
	return { run, lhr };
}
