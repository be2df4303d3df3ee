// Shared by the P3–P6 benchmarks: percentiles, the one-line figure each prints (figure, target, ratio to the naive
// way) and the JSON in bench/results/<name>.json, written through a .tmp file so a crash never leaves half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface Percentiles {
	n: number;
	p50: number;
	p95: number;
	max: number;
	mean: number;
}

/** Nearest-rank percentiles: with few samples p95 is close to the maximum, which is the honest reading. */
export function percentiles(samples: number[]): Percentiles {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
	const round = (x: number): number => Number(x.toFixed(2));
	return {
		n: sorted.length,
		p50: round(at(0.5)),
		p95: round(at(0.95)),
		max: round(sorted[sorted.length - 1] ?? NaN),
		mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length))
	};
}

export interface Figure {
	/** e.g. 'P3' */
	id: string;
	label: string;
	value: number;
	unit: string;
	target: string;
	/** Undefined for a breakdown line that has no target of its own. */
	meets?: boolean;
	naive?: { value: number; unit: string; description: string };
	/** naive / ours, oriented so that > 1 means ours is better. */
	ratio?: number;
}

export function printFigures(title: string, figures: Figure[]): void {
	console.log(`\n${title}`);
	for (const f of figures) {
		const naive = f.naive ? `; naive ${fmt(f.naive.value)} ${f.naive.unit}` : '';
		const ratio = f.ratio === undefined ? '' : ` (naive/ours ${fmt(f.ratio)}×)`;
		const mark = f.meets === undefined ? '' : f.meets ? '✓' : '✗ MISSES';
		const target = f.meets === undefined ? '' : ` — target ${f.target} ${mark}`;
		console.log(`  ${f.id} ${f.label}: ${fmt(f.value)} ${f.unit}${target}${naive}${ratio}`);
	}
}

function fmt(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
	return Number(x.toPrecision(3)).toString();
}

export function environment(startedAt: Date): Record<string, unknown> {
	return {
		node: process.version,
		cpus: cpus().length,
		// Other work on the machine shows up in the figures: a load above the core count means they are high.
		loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
		startedAt: startedAt.toISOString(),
		seconds: Math.round((Date.now() - startedAt.getTime()) / 1000)
	};
}

export function writeResult(name: string, json: object): string {
	const file = new URL(`../results/${name}.json`, import.meta.url).pathname;
	mkdirSync(new URL('../results/', import.meta.url).pathname, { recursive: true });
	writeFileSync(`${file}.tmp`, `${JSON.stringify(json, null, '\t')}\n`);
	renameSync(`${file}.tmp`, file);
	return file;
}
