// P7 (TARGETS.md): the offline repeat visit, served by the service worker — first paint ≤ 1 s at 4× CPU — and the
// precache ≤ 300 KiB. In the built app in a persistent Chromium (bench/capture/app-browser.ts: the reporter signed
// in, the service worker installed and its precache complete), each visit opens /app/capture in a new tab at 4× CPU
// (Emulation.setCPUThrottlingRate; it slows the page's main thread, not the worker's thread) after stopping the
// service worker (ServiceWorker.stopAllWorkers), so every visit pays its start-up as a phone does after the app was
// left idle. Measured in the page: first paint and first contentful paint (performance paint entries), the document's
// responseStart, and the first frame after the capture form is in the DOM.
//
// The naive way is the same visit without a service worker (Network.setBypassServiceWorker on the tab), online: the
// document from the server over loopback (0 ms RTT, the network most favourable to it) and the hashed scripts and
// styles from the HTTP cache the earlier visits warmed — a browser's ordinary repeat visit; offline it has only the
// browser's error page. (A variant behind an emulated 150 ms RTT was dropped: in Chromium 156 neither
// Network.emulateNetworkConditions nor …ByRule delayed the navigation here, so it measured the loopback again.)
// Visits alternate between the ways, so a burst of other work on the machine hits both alike.
//
// Precache size: what the installed worker holds (its precache cache's URLs), as the server sends each of them
// compressed (adapter-node serves brotli/gzip files built beside each asset): brotli and gzip bytes on the wire,
// beside the build check's figure (tests/build-checks/precache-size.ts, gzip -9 of the manifest's files).
import { request } from 'node:http';
import type { BrowserContext } from '@playwright/test';
import type { Stack } from '../../supabase/local/stack';
import { measurePrecache, PRECACHE_MAX_KIB } from '../../tests/build-checks/precache-size';
import { startApp } from '../capture/app-browser';
import { environment, percentiles, printFigures, writeResult, type Figure, type Percentiles } from '../sync/report';

const VISITS = Number(process.env.BENCH_P7_VISITS ?? 20);
const WARMUP = 2;
const CPU_RATE = 4;
const PATH = '/app/capture';
const TARGET_FIRST_PAINT_MS = 1000;
const root = new URL('../..', import.meta.url).pathname;
const buildDir = new URL('../../build', import.meta.url).pathname;

type Way = 'serviceWorkerOffline' | 'naiveLoopback';

interface Visit {
	firstPaint: number;
	firstContentfulPaint: number;
	responseStart: number;
	formVisible: number;
}

/** Runs in the tab before the app: the first frame after the capture form is in the DOM, on `window.__p7`. */
function instrument(): void {
	const state = { formVisible: NaN };
	(window as unknown as { __p7: typeof state }).__p7 = state;
	new MutationObserver((_records, observer) => {
		if (!document.querySelector('[data-testid=story-form]')) return;
		observer.disconnect();
		requestAnimationFrame(() => (state.formVisible = performance.now()));
	}).observe(document, { childList: true, subtree: true });
}

async function visit(context: BrowserContext, way: Way): Promise<Visit> {
	await context.setOffline(way === 'serviceWorkerOffline');
	const page = await context.newPage();
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.stopAllWorkers');
		if (way !== 'serviceWorkerOffline') {
			await cdp.send('Network.enable');
			await cdp.send('Network.setBypassServiceWorker', { bypass: true });
		}
		await page.addInitScript(instrument);
		const response = await page.goto(PATH, { waitUntil: 'load' });
		const fromWorker = response?.fromServiceWorker() ?? false;
		if (fromWorker !== (way === 'serviceWorkerOffline')) throw new Error(`${way}: the document ${fromWorker ? 'came' : 'did not come'} from the service worker`);
		await page.getByTestId('story-form').waitFor();
		await page.waitForFunction(() => {
			const p7 = (window as unknown as { __p7?: { formVisible: number } }).__p7;
			return p7 !== undefined && !Number.isNaN(p7.formVisible) && performance.getEntriesByName('first-contentful-paint').length > 0;
		});
		return await page.evaluate(() => {
			const paint = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
			return {
				firstPaint: paint('first-paint'),
				firstContentfulPaint: paint('first-contentful-paint'),
				responseStart: nav?.responseStart ?? NaN,
				formVisible: (window as unknown as { __p7: { formVisible: number } }).__p7.formVisible
			};
		});
	} finally {
		await page.close();
		await context.setOffline(false);
	}
}

/** Bytes of `path` as the server sends it with `accept-encoding: encoding` (the body not decoded). */
function wireBytes(baseURL: string, path: string, encoding: 'br' | 'gzip' | 'identity'): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(new URL(path, baseURL), { headers: { 'accept-encoding': encoding } }, (res) => {
			if (res.statusCode !== 200) {
				res.resume();
				reject(new Error(`${path}: HTTP ${res.statusCode}`));
				return;
			}
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve(bytes));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

interface PrecacheWire {
	entries: number;
	brotliKiB: number;
	gzipKiB: number;
	/** Entries the server sent uncompressed for want of a precompressed file (counted as sent). */
	uncompressed: string[];
}

async function precacheOnTheWire(context: BrowserContext, baseURL: string): Promise<PrecacheWire> {
	const page = await context.newPage();
	let paths: string[];
	try {
		await page.goto('/app');
		paths = await page.evaluate(async () => {
			const out: string[] = [];
			for (const name of await caches.keys()) {
				if (!name.includes('precache')) continue;
				for (const req of await (await caches.open(name)).keys()) {
					const url = new URL(req.url);
					url.searchParams.delete('__WB_REVISION__');
					out.push(url.pathname + url.search);
				}
			}
			return out;
		});
	} finally {
		await page.close();
	}
	if (paths.length === 0) throw new Error('the service worker holds no precache');
	let br = 0;
	let gz = 0;
	const uncompressed: string[] = [];
	for (const path of paths) {
		const [b, g] = [await wireBytes(baseURL, path, 'br'), await wireBytes(baseURL, path, 'gzip')];
		const identity = await wireBytes(baseURL, path, 'identity');
		if (b === identity && g === identity) uncompressed.push(path);
		br += b;
		gz += g;
	}
	const kib = (n: number) => Number((n / 1024).toFixed(1));
	return { entries: paths.length, brotliKiB: kib(br), gzipKiB: kib(gz), uncompressed };
}

export async function runP7(stack: Stack): Promise<void> {
	const startedAt = new Date();
	const app = await startApp(stack);
	try {
		const { context, page, baseURL } = app;
		// The tab startApp signed in with would run the app (sync, timers) beside every measured visit.
		await page.goto('about:blank');
		const ways: Way[] = ['serviceWorkerOffline', 'naiveLoopback'];
		const samples: Record<Way, Visit[]> = { serviceWorkerOffline: [], naiveLoopback: [] };
		console.log(`P7: ${VISITS} visits of ${PATH} each way (+${WARMUP} warm-up), 4× CPU …`);
		for (let i = 0; i < VISITS + WARMUP; i++) {
			for (const way of ways) {
				const v = await visit(context, way);
				if (i >= WARMUP) samples[way].push(v);
			}
			if ((i + 1) % 5 === 0) console.log(`  ${i + 1} rounds`);
		}
		const stats = (way: Way, key: keyof Visit): Percentiles => percentiles(samples[way].map((v) => v[key]));
		const summary = Object.fromEntries(
			ways.map((w) => [w, { firstPaint: stats(w, 'firstPaint'), firstContentfulPaint: stats(w, 'firstContentfulPaint'), responseStart: stats(w, 'responseStart'), formVisible: stats(w, 'formVisible') }])
		) as Record<Way, Record<keyof Visit, Percentiles>>;

		const wire = await precacheOnTheWire(context, baseURL);
		const build = measurePrecache(root, buildDir);

		const ours = summary.serviceWorkerOffline;
		const naive = summary.naiveLoopback;
		const naiveText = 'online, service worker bypassed, document over loopback, assets from the HTTP cache';
		const figures: Figure[] = [
			{
				id: 'P7',
				label: 'offline repeat visit, first paint p95',
				value: ours.firstPaint.p95,
				unit: 'ms',
				target: `≤ ${TARGET_FIRST_PAINT_MS} ms`,
				meets: ours.firstPaint.p95 <= TARGET_FIRST_PAINT_MS,
				naive: { value: naive.firstPaint.p95, unit: 'ms', description: naiveText },
				ratio: naive.firstPaint.p95 / ours.firstPaint.p95
			},
			{ id: 'P7', label: 'offline first paint p50', value: ours.firstPaint.p50, unit: 'ms', target: '', naive: { value: naive.firstPaint.p50, unit: 'ms', description: naiveText }, ratio: naive.firstPaint.p50 / ours.firstPaint.p50 },
			{ id: 'P7', label: 'offline first contentful paint p95', value: ours.firstContentfulPaint.p95, unit: 'ms', target: '', naive: { value: naive.firstContentfulPaint.p95, unit: 'ms', description: naiveText }, ratio: naive.firstContentfulPaint.p95 / ours.firstContentfulPaint.p95 },
			{ id: 'P7', label: 'offline capture form visible p50', value: ours.formVisible.p50, unit: 'ms', target: '', naive: { value: naive.formVisible.p50, unit: 'ms', description: naiveText }, ratio: naive.formVisible.p50 / ours.formVisible.p50 },
			{ id: 'P7', label: 'offline capture form visible p95', value: ours.formVisible.p95, unit: 'ms', target: '', naive: { value: naive.formVisible.p95, unit: 'ms', description: naiveText }, ratio: naive.formVisible.p95 / ours.formVisible.p95 },
			{
				id: 'P7',
				label: `precache, ${wire.entries} entries, brotli on the wire`,
				value: wire.brotliKiB,
				unit: 'KiB',
				target: `≤ ${PRECACHE_MAX_KIB} KiB`,
				meets: wire.brotliKiB <= PRECACHE_MAX_KIB
			},
			{ id: 'P7', label: 'precache, gzip on the wire', value: wire.gzipKiB, unit: 'KiB', target: '' },
			{ id: 'P7', label: `precache, build check (gzip -9 of ${build.entries} manifest entries; raw ${build.rawKiB} KiB)`, value: build.gzipKiB, unit: 'KiB', target: '' }
		];
		printFigures('P7 — offline repeat visit from the service worker (4× CPU)', figures);
		const file = writeResult('p7-offline', {
			bench: 'P7',
			method: {
				page: PATH,
				visits: VISITS,
				warmup: WARMUP,
				cpuThrottling: CPU_RATE,
				eachVisit:
					'a new tab, CPU throttled on its main thread, service worker stopped first (ServiceWorker.stopAllWorkers) so it starts as after idle; offline via context.setOffline; the document must come from the service worker',
				naiveLoopback: `${naiveText} (Network.setBypassServiceWorker), 0 ms RTT`,
				formVisible: 'the first animation frame after [data-testid=story-form] is in the DOM',
				precache: 'URLs in the installed worker’s precache cache, fetched from the server with accept-encoding br and gzip (bytes as sent)'
			},
			target: { firstPaintMs: TARGET_FIRST_PAINT_MS, precacheKiB: PRECACHE_MAX_KIB },
			summary,
			precache: { wire, build },
			figures,
			samples,
			environment: environment(startedAt)
		});
		console.log(`  wrote ${file}`);
	} finally {
		await app.close();
	}
}
