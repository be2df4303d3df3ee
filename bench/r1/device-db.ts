// In-page access to the device database ('thidua') for the R1 soak: create stories exactly as the app's
// `saveStoryWithPhotos` stores them (story + photos with their bytes + outbox entry, ONE transaction per story) with
// small WebP photos made on an OffscreenCanvas, and read back what the device holds. Raw IndexedDB on purpose: the
// built app does not expose its modules, and going through raw IDB also keeps the checks independent of its code.
import type { Page } from '@playwright/test';

/** What every generated story copies from a story captured through the real form (content shape, unit, author). */
export interface StoryTemplate {
	unitId: string;
	authorId: string | null;
	content: Record<string, unknown>;
}

export interface GenerateRequest {
	template: StoryTemplate;
	prefix: string;
	/** 1-based story numbers to create; the title is derived from it, so a re-run creates only what is missing. */
	numbers: number[];
	photosPerStory: Record<number, number>;
}

export interface DeviceState {
	/** Titles of this run's stories on the device. */
	titles: string[];
	outbox: number;
	/** Stories of this run whose outbox entry or photos are missing while the story is still unsent. */
	torn: string[];
	/** Photos on the device per title. */
	photos: Record<string, number>;
}

/** The first story whose title starts with `prefix`: the one captured through the form, used as the template. */
export async function readTemplate(page: Page, prefix: string): Promise<StoryTemplate> {
	const found = await page.evaluate(
		(p) =>
			new Promise<StoryTemplate | null>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const idb = open.result;
					const read = idb.transaction('stories', 'readonly').objectStore('stories').getAll();
					read.onerror = () => reject(read.error ?? new Error('read failed'));
					read.onsuccess = () => {
						idb.close();
						const rows = read.result as { unitId: string; authorId: string | null; content: Record<string, unknown> }[];
						const row = rows.find((r) => String(r.content.title).startsWith(p));
						resolve(row ? { unitId: row.unitId, authorId: row.authorId, content: row.content } : null);
					};
				};
			}),
		prefix
	);
	if (!found) throw new Error(`no story starting with "${prefix}" on the device to copy`);
	return found;
}

/**
 * Create the given stories in the page. Each story is one read-write transaction over stories, photos and outbox,
 * with the same records `saveStoryWithPhotos` writes (status 'draft', syncState 'saved', baseVersion 0, an outbox
 * entry with changeSeq 0), so a kill mid-run leaves whole stories or none. Resolves with how many were committed.
 */
export function generateStories(page: Page, req: GenerateRequest): Promise<number> {
	return page.evaluate(async (r) => {
		const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
		// A real (tiny) WebP whose pixels differ per photo, so every photo has its own sha256 like a real one.
		const webp = async (seed: number, w: number, h: number): Promise<Blob> => {
			const canvas = new OffscreenCanvas(w, h);
			const ctx = canvas.getContext('2d');
			if (!ctx) throw new Error('no 2d context');
			ctx.fillStyle = `hsl(${(seed * 47) % 360} 70% 50%)`;
			ctx.fillRect(0, 0, w, h);
			ctx.fillStyle = `hsl(${(seed * 113) % 360} 60% 30%)`;
			ctx.fillRect((seed * 7) % w, (seed * 3) % h, w / 3, h / 3);
			ctx.fillStyle = '#fff';
			ctx.font = `${Math.round(h / 3)}px sans-serif`;
			ctx.fillText(String(seed), 2, h - 4);
			return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
		};
		const idb = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('thidua');
			open.onerror = () => reject(open.error ?? new Error('open failed'));
			open.onsuccess = () => resolve(open.result);
		});
		let committed = 0;
		try {
			for (const n of r.numbers) {
				const storyId = crypto.randomUUID();
				const now = new Date().toISOString();
				const title = `${r.prefix} #${String(n).padStart(4, '0')}`;
				const photos = [];
				// Prepared before the transaction opens, as capture does (an IDB transaction cannot wait on other work).
				for (let position = 0; position < (r.photosPerStory[n] ?? 1); position++) {
					const seed = n * 10 + position;
					const blob = await webp(seed, 96, 72);
					const thumbBlob = await webp(seed, 48, 36);
					photos.push({
						id: crypto.randomUUID(),
						storyId,
						position,
						contentType: 'image/webp',
						width: 96,
						height: 72,
						byteSize: blob.size,
						sha256: hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())),
						caption: null,
						blob,
						thumbBlob
					});
				}
				const tx = idb.transaction(['stories', 'photos', 'outbox'], 'readwrite');
				tx.objectStore('stories').put({
					id: storyId,
					unitId: r.template.unitId,
					content: {
						...r.template.content,
						title,
						body: `Câu chuyện thử nghiệm số ${n}: bà con trong tổ dân phố cùng nhau dọn dẹp ngõ xóm.`
					},
					status: 'draft',
					reviewNote: null,
					revision: 0,
					createdAt: now,
					updatedAt: now,
					syncState: 'saved',
					authorId: r.template.authorId,
					serverUpdatedAt: null,
					baseVersion: 0,
					conflict: null
				});
				for (const photo of photos) tx.objectStore('photos').put(photo);
				tx.objectStore('outbox').add({
					kind: 'story.upsert',
					entityId: storyId,
					createdAt: now,
					attempts: 0,
					nextAttemptAt: 0,
					lastError: null,
					changeSeq: 0
				});
				await new Promise<void>((resolve, reject) => {
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
					tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
				});
				committed++;
			}
		} finally {
			idb.close();
		}
		return committed;
	}, req);
}

/** This run's stories on the device, the outbox size, and any story saved without its outbox entry or photos. */
export function readDeviceState(page: Page, prefix: string): Promise<DeviceState> {
	return page.evaluate(
		(p) =>
			new Promise<DeviceState>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const idb = open.result;
					const tx = idb.transaction(['stories', 'photos', 'outbox'], 'readonly');
					const stories = tx.objectStore('stories').getAll();
					const photos = tx.objectStore('photos').getAll();
					const outbox = tx.objectStore('outbox').getAll();
					tx.onerror = () => reject(tx.error ?? new Error('read failed'));
					tx.oncomplete = () => {
						idb.close();
						const mine = (stories.result as { id: string; content: { title: string }; syncState: string }[]).filter((s) =>
							s.content.title.startsWith(p)
						);
						const queued = new Set((outbox.result as { entityId: string }[]).map((e) => e.entityId));
						const photoCount = new Map<string, number>();
						for (const ph of photos.result as { storyId: string }[]) {
							photoCount.set(ph.storyId, (photoCount.get(ph.storyId) ?? 0) + 1);
						}
						resolve({
							titles: mine.map((s) => s.content.title),
							outbox: queued.size,
							torn: mine
								.filter((s) => s.syncState !== 'sent' && (!queued.has(s.id) || !photoCount.get(s.id)))
								.map((s) => s.content.title),
							photos: Object.fromEntries(mine.map((s) => [s.content.title, photoCount.get(s.id) ?? 0]))
						});
					};
				};
			}),
		prefix
	);
}
