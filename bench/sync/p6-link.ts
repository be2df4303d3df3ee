// P6 (TARGETS.md): under an emulated 3 Mbps up / 100 ms link (CDP Network.emulateNetworkConditions on the page),
// how much of the link the app's own sync uses while it uploads the photos P3 left queued offline. Throughput is the
// photo and thumbnail bytes over the span from the first upload's start to the last upload's end (CDP Network
// events); request headers and row upserts are not counted as payload, so the figure is conservative. For the
// comparison the same bytes are then uploaded from the page with fetch to the same storage API, one at a time (the
// naive way) and 4 at a time (the parallelism TARGETS' anchor measured), under the same emulated link.
import type { CDPSession, Page } from '@playwright/test';
import { UNIT_BA_DINH, type App } from '../capture/app-browser';
import { environment, printFigures, writeResult, type Figure } from './report';

const UP_BYTES_PER_S = (3_000_000 / 8);
const DOWN_BYTES_PER_S = 10_000_000 / 8;
const LATENCY_MS = 100;
const SYNC_TIMEOUT_MS = 180_000;

export async function setLink(cdp: CDPSession, link: 'offline' | 'emulated' | 'normal'): Promise<void> {
	await cdp.send('Network.emulateNetworkConditions', {
		offline: link === 'offline',
		latency: link === 'emulated' ? LATENCY_MS : 0,
		downloadThroughput: link === 'emulated' ? DOWN_BYTES_PER_S : -1,
		uploadThroughput: link === 'emulated' ? UP_BYTES_PER_S : -1
	});
}

interface UploadSpan {
	uploads: number;
	firstStart: number;
	lastEnd: number;
	maxInFlight: number;
}

/** Records storage uploads seen on the page's network: start and end times (s, monotonic) and the peak parallelism. */
function recordUploads(cdp: CDPSession): { stop(): UploadSpan } {
	const started = new Map<string, number>();
	const span: UploadSpan = { uploads: 0, firstStart: Infinity, lastEnd: -Infinity, maxInFlight: 0 };
	let inFlight = 0;
	const onStart = (e: { requestId: string; timestamp: number; request: { url: string; method: string } }): void => {
		if (!e.request.url.includes('/storage/v1/object/') || (e.request.method !== 'POST' && e.request.method !== 'PUT')) return;
		started.set(e.requestId, e.timestamp);
		span.firstStart = Math.min(span.firstStart, e.timestamp);
		inFlight++;
		span.maxInFlight = Math.max(span.maxInFlight, inFlight);
	};
	const onEnd = (e: { requestId: string; timestamp: number }): void => {
		if (!started.has(e.requestId)) return;
		started.delete(e.requestId);
		inFlight--;
		span.uploads++;
		span.lastEnd = Math.max(span.lastEnd, e.timestamp);
	};
	cdp.on('Network.requestWillBeSent', onStart);
	cdp.on('Network.loadingFinished', onEnd);
	cdp.on('Network.loadingFailed', onEnd);
	return {
		stop() {
			cdp.off('Network.requestWillBeSent', onStart);
			cdp.off('Network.loadingFinished', onEnd);
			cdp.off('Network.loadingFailed', onEnd);
			return span;
		}
	};
}

/** The device database read directly (no app code): queued entries and the bytes of every stored photo and thumb. */
function readQueue(page: Page): Promise<{ outbox: number; photos: number; bytes: number }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('thidua');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const req = db.transaction(store, 'readonly').objectStore(store).getAll();
				req.onsuccess = () => resolve(req.result as T[]);
				req.onerror = () => reject(req.error);
			});
		const outbox = await all<unknown>('outbox');
		const photos = await all<{ blob: Blob; thumbBlob: Blob }>('photos');
		db.close();
		return { outbox: outbox.length, photos: photos.length, bytes: photos.reduce((s, p) => s + p.blob.size + p.thumbBlob.size, 0) };
	});
}

/** The same photo and thumb bytes, uploaded from the page with `lanes` uploads in flight; returns wall seconds. */
function uploadFromPage(page: Page, o: { apiUrl: string; anonKey: string; lanes: number }): Promise<number> {
	return page.evaluate(
		async ({ apiUrl, anonKey, lanes, unitId }) => {
			// supabase-js keeps the session in the app's durable store (src/lib/remote/durable-storage.ts).
			const session = await new Promise<string | undefined>((resolve, reject) => {
				const req = indexedDB.open('thidua-keyval');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const kv = req.result.transaction('kv', 'readonly').objectStore('kv');
					const keys = kv.getAllKeys();
					keys.onsuccess = () => {
						const key = keys.result.map(String).find((k) => /^sb-.*-auth-token$/.test(k));
						if (!key) return resolve(undefined);
						const get = kv.get(key);
						get.onsuccess = () => resolve(get.result as string);
					};
				};
			});
			const token = session ? (JSON.parse(session) as { access_token?: string }).access_token : undefined;
			if (!token) throw new Error('no signed-in session on the device');
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('thidua');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const photos = await new Promise<{ blob: Blob; thumbBlob: Blob }[]>((resolve, reject) => {
				const req = db.transaction('photos', 'readonly').objectStore('photos').getAll();
				req.onsuccess = () => resolve(req.result as { blob: Blob; thumbBlob: Blob }[]);
				req.onerror = () => reject(req.error);
			});
			db.close();
			const folder = `${unitId}/bench-p6-${crypto.randomUUID()}`;
			const queue = photos.flatMap((p) => [p.blob, p.thumbBlob]);
			let next = 0;
			const lane = async () => {
				while (next < queue.length) {
					const blob = queue[next++] as Blob;
					const res = await fetch(`${apiUrl}/storage/v1/object/story-photos/${folder}/${crypto.randomUUID()}.webp`, {
						method: 'POST',
						headers: { authorization: `Bearer ${token}`, apikey: anonKey, 'content-type': 'image/webp', 'x-upsert': 'true' },
						body: blob
					});
					if (!res.ok) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
				}
			};
			const t0 = performance.now();
			await Promise.all(Array.from({ length: lanes }, lane));
			return (performance.now() - t0) / 1000;
		},
		{ ...o, unitId: UNIT_BA_DINH }
	);
}

export async function runP6(app: App, stack: { apiUrl: string; anonKey: string }): Promise<void> {
	const startedAt = new Date();
	const { page, cdp } = app;
	await cdp.send('Network.enable');
	await setLink(cdp, 'offline');
	const queued = await readQueue(page);
	if (queued.outbox === 0 || queued.photos === 0) throw new Error('nothing queued: P6 uploads what P3 saved offline (run p3 with p6)');
	console.log(`P6: ${queued.outbox} queued stories, ${queued.photos} photos (${(queued.bytes / 1024).toFixed(0)} KiB with thumbs); going online at 3 Mbps up / ${LATENCY_MS} ms …`);

	const recorder = recordUploads(cdp);
	const t0 = Date.now();
	await setLink(cdp, 'emulated');
	let span: UploadSpan;
	try {
		// Polled from Node: page.waitForFunction does not await an async predicate (a pending Promise is truthy).
		const deadline = Date.now() + SYNC_TIMEOUT_MS;
		while ((await readQueue(page)).outbox > 0) {
			if (Date.now() > deadline) throw new Error(`the app had not synced within ${SYNC_TIMEOUT_MS / 1000} s`);
			await new Promise((r) => setTimeout(r, 250));
		}
	} finally {
		// The link stays emulated for the reference uploads below; the recorder stops either way.
		span = recorder.stop();
	}
	const syncSeconds = (Date.now() - t0) / 1000;
	const uploadSeconds = span.lastEnd - span.firstStart;
	const appUse = queued.bytes / uploadSeconds / UP_BYTES_PER_S;

	console.log('P6: the same bytes from the page, 1 upload at a time, then 4 at a time …');
	const sequentialSeconds = await uploadFromPage(page, { apiUrl: stack.apiUrl, anonKey: stack.anonKey, lanes: 1 });
	const parallelSeconds = await uploadFromPage(page, { apiUrl: stack.apiUrl, anonKey: stack.anonKey, lanes: 4 });
	await setLink(cdp, 'normal');
	const sequentialUse = queued.bytes / sequentialSeconds / UP_BYTES_PER_S;
	const parallelUse = queued.bytes / parallelSeconds / UP_BYTES_PER_S;

	const figures: Figure[] = [
		{
			id: 'P6',
			label: `link use by the app's sync (${span.uploads} uploads, at most ${span.maxInFlight} in flight)`,
			value: appUse,
			unit: 'of capacity',
			target: '≥ 0.85',
			meets: appUse >= 0.85,
			naive: { value: sequentialUse, unit: 'of capacity', description: 'the same bytes, one upload at a time, fetch from the page' },
			ratio: appUse / sequentialUse
		},
		{
			id: 'P6',
			label: 'reference: the same bytes, 4 uploads in flight (fetch from the page)',
			value: parallelUse,
			unit: 'of capacity',
			target: '≥ 0.85',
			meets: parallelUse >= 0.85,
			naive: { value: sequentialUse, unit: 'of capacity', description: 'one upload at a time' },
			ratio: parallelUse / sequentialUse
		}
	];
	printFigures(`P6 — sync under 3 Mbps up / ${LATENCY_MS} ms (${queued.photos} photos, ${(queued.bytes / 1024).toFixed(0)} KiB)`, figures);
	console.log(`  whole sync (online → outbox empty): ${syncSeconds.toFixed(1)} s; uploads span ${uploadSeconds.toFixed(1)} s; ideal ${(queued.bytes / UP_BYTES_PER_S).toFixed(1)} s`);
	const file = writeResult('p6-link', {
		target: 'Under an emulated 3 Mbps up / 100 ms link, sync uses ≥ 0.85 of link capacity',
		link: { uploadBytesPerSecond: UP_BYTES_PER_S, downloadBytesPerSecond: DOWN_BYTES_PER_S, latencyMs: LATENCY_MS },
		method: 'photo + thumbnail payload bytes / (last storage upload end − first storage upload start), from CDP Network events of the page; headers and row requests not counted',
		queued,
		app: { ...span, uploadSeconds, syncSeconds, linkUse: appUse },
		sequential: { seconds: sequentialSeconds, linkUse: sequentialUse },
		fourParallel: { seconds: parallelSeconds, linkUse: parallelUse },
		figures,
		environment: environment(startedAt)
	});
	console.log(`  wrote ${file}`);
}
