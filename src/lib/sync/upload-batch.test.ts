// The upload pool of a push batch: a few files in flight at once (a slow link is never idle for a round trip per
// file), a story's failure fails that story only, and nothing new starts once the run must stop.
import { describe, expect, it } from 'vitest';
import type { PushItem } from '$lib/offline/outbox';
import { makePhoto, storyId, UNIT_ID } from '$lib/offline/test-fixtures';
import type { PushRemote } from './push-outbox';
import { UPLOAD_CONCURRENCY, uploadBatchFiles } from './push-steps';

function item(n: number, photos: number): PushItem {
	return {
		story: { id: storyId(n), unitId: UNIT_ID },
		photos: Array.from({ length: photos }, (_, i) => makePhoto(n * 10 + i)),
		entry: {}
	} as unknown as PushItem;
}

/** A storage that answers each upload after a tick, recording how many were in flight at once. */
function slowStorage(failPath?: (path: string) => boolean) {
	let inFlight = 0;
	const seen = { maxInFlight: 0, uploaded: [] as string[] };
	const remote = {
		async uploadObject({ path }: { path: string }) {
			inFlight++;
			seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
			await new Promise((r) => setTimeout(r, 2));
			inFlight--;
			if (failPath?.(path)) throw new TypeError('Failed to fetch');
			seen.uploaded.push(path);
		}
	} as unknown as PushRemote;
	return { remote, seen };
}

describe('uploading a batch of photos', () => {
	it(`keeps ${UPLOAD_CONCURRENCY} uploads in flight across stories and uploads every photo and thumbnail`, async () => {
		const { remote, seen } = slowStorage();
		const failed = await uploadBatchFiles({ items: [item(1, 3), item(2, 2), item(3, 1)], remote, onFailure: async () => {}, shouldStop: () => false });
		expect(failed.size).toBe(0);
		expect(seen.uploaded).toHaveLength(12);
		expect(seen.maxInFlight).toBe(UPLOAD_CONCURRENCY);
	});

	it("fails only the story whose upload failed, once, and skips that story's remaining files", async () => {
		const { remote, seen } = slowStorage((path) => path.includes(storyId(2)));
		const failures: string[] = [];
		const failed = await uploadBatchFiles({
			items: [item(1, 2), item(2, 3), item(3, 2)],
			remote,
			onFailure: async (it) => void failures.push(it.story.id),
			shouldStop: () => false
		});
		expect([...failed]).toEqual([storyId(2)]);
		expect(failures).toEqual([storyId(2)]);
		expect(seen.uploaded.filter((p) => p.includes(storyId(1)) || p.includes(storyId(3)))).toHaveLength(8);
	});

	it('starts nothing new once the run must stop (offline, signed out)', async () => {
		const { remote, seen } = slowStorage();
		let stop = false;
		const failed = await uploadBatchFiles({
			items: [item(1, 5), item(2, 5)],
			remote: { ...remote, uploadObject: async (f) => { await remote.uploadObject(f); stop = true; } },
			onFailure: async () => {},
			shouldStop: () => stop
		});
		expect(failed.size).toBe(0);
		expect(seen.uploaded.length).toBeLessThanOrEqual(UPLOAD_CONCURRENCY);
	});
});
