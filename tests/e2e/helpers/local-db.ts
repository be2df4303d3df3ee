// What a device really holds, read from raw IndexedDB (not through the app's code): every local story with its title,
// statuses and photo count, and the outbox entries' story ids. Used to prove "nothing half-saved" and "nothing lost".
import type { Page } from '@playwright/test';

export interface LocalSnapshot {
	stories: { id: string; title: string; status: string; syncState: string; photos: number }[];
	outbox: string[];
	/** Photo rows whose story does not exist (a half-saved story would leave these behind). */
	orphanPhotos: number;
}

export async function readLocalDb(page: Page): Promise<LocalSnapshot> {
	return page.evaluate(
		() =>
			new Promise<LocalSnapshot>((resolve, reject) => {
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
						const s = stories.result as { id: string; content: { title: string }; status: string; syncState: string }[];
						const p = photos.result as { storyId: string }[];
						const ids = new Set(s.map((x) => x.id));
						resolve({
							stories: s.map((x) => ({
								id: x.id,
								title: x.content.title,
								status: x.status,
								syncState: x.syncState,
								photos: p.filter((ph) => ph.storyId === x.id).length
							})),
							outbox: (outbox.result as { entityId: string }[]).map((o) => o.entityId),
							orphanPhotos: p.filter((ph) => !ids.has(ph.storyId)).length
						});
					};
				};
			})
	);
}
