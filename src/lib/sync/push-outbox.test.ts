import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, REJECTED_WAIT } from '$lib/offline/db';
import { nextRetryAt } from '$lib/offline/outbox';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { AUTHOR_ID, makeContent, makePhoto, resetDb, storyId, UNIT_ID } from '$lib/offline/test-fixtures';
import { RemoteError } from '$lib/remote/remote-error';
import { FakeRemote } from './fake-remote';
import { pushOutbox } from './push-outbox';

const NOW = Date.parse('2026-11-25T01:00:00Z');
let remote: FakeRemote;

beforeEach(async () => {
	await resetDb();
	remote = new FakeRemote();
});

async function save(n: number, photoNumbers = [n * 10 + 1]) {
	await saveStoryWithPhotos({
		story: { id: storyId(n), unitId: UNIT_ID, content: makeContent() },
		photos: photoNumbers.map(makePhoto),
		authorId: AUTHOR_ID
	});
}

const push = () => pushOutbox({ remote, authorId: AUTHOR_ID, now: () => NOW, random: () => 0.5 });

describe('pushOutbox', () => {
	it('uploads photos and thumbs, sends the rows in one batch, then removes the entries', async () => {
		await save(1);
		await save(2);
		const result = await push();
		expect(result).toEqual({ sent: 2, failed: 0, conflicts: 0, stoppedBy: null });
		expect(remote.uploads).toHaveLength(4);
		expect(remote.uploads[0]).toBe(`${UNIT_ID}/${storyId(1)}/${makePhoto(11).id}.webp`);
		expect(remote.uploads[1]).toBe(`${UNIT_ID}/${storyId(1)}/${makePhoto(11).id}-thumb.webp`);
		expect(remote.upsertCalls).toEqual([[storyId(1), storyId(2)]]);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.stories.get(storyId(1))).toMatchObject({ status: 'submitted', syncState: 'sent', revision: 1 });
	});

	it('keeps the entry and marks it rejected when RLS filters the row out of the answer', async () => {
		await save(1);
		remote.hiddenIds.add(storyId(1));
		const result = await push();
		expect(result.failed).toBe(1);
		const [entry] = await db.outbox.toArray();
		expect(entry).toMatchObject({ attempts: 1, nextAttemptAt: REJECTED_WAIT, lastError: { kind: 'rejected' } });
		expect(await db.stories.get(storyId(1))).toMatchObject({ status: 'draft', syncState: 'failed' });
		// Nothing for the engine to wake up for: a refused story waits for the user.
		expect(await nextRetryAt(AUTHOR_ID)).toBeNull();
	});

	it('keeps the entry as offline and schedules a backoff when the network fails', async () => {
		await save(1);
		remote.failUpsert = () => new RemoteError({ source: 'rest', status: 0, code: '', message: 'TypeError: fetch failed' });
		const result = await push();
		expect(result.stoppedBy?.kind).toBe('offline');
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError?.kind).toBe('offline');
		expect(entry?.nextAttemptAt).toBeGreaterThan(NOW);
		expect(await nextRetryAt(AUTHOR_ID)).toBe(entry?.nextAttemptAt);
		expect(await nextRetryAt('someone-else')).toBeNull();
		expect(await db.stories.get(storyId(1))).toMatchObject({ syncState: 'saved' });
		// A backed-off entry is not due yet: the next periodic run leaves it alone.
		remote.failUpsert = null;
		expect(await push()).toEqual({ sent: 0, failed: 0, conflicts: 0, stoppedBy: null });
	});

	it('does not send the row when a photo upload fails', async () => {
		await save(1);
		remote.failUpload = () => new RemoteError({ source: 'storage', status: 500, code: '500', message: 'boom' });
		await push();
		expect(remote.upsertCalls).toEqual([]);
		expect((await db.outbox.toArray())[0]?.lastError?.kind).toBe('transient');
	});

	it('waits at least the Retry-After an overloaded server asked for before trying a 503 again', async () => {
		await save(1);
		const askedUntil = NOW + 120_000;
		remote.retryNotBefore = () => askedUntil;
		remote.failUpload = () => new RemoteError({ source: 'storage', status: 503, code: '503', message: 'Too many uploads in flight' });
		await push();
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError?.kind).toBe('transient');
		// The first backoff alone would be 2.5–5 s; the server asked for 2 minutes (plus up to half again of jitter).
		expect(entry?.nextAttemptAt).toBeGreaterThanOrEqual(askedUntil);
		expect(entry?.nextAttemptAt).toBeLessThanOrEqual(NOW + 180_000);
	});

	it('isolates a refused story so the rest of its batch is still sent', async () => {
		await save(1);
		await save(2);
		remote.failUpsert = (ids) =>
			ids.includes(storyId(1))
				? new RemoteError({ source: 'rest', status: 400, code: '23514', message: 'check constraint' })
				: null;
		const result = await push();
		expect(result).toMatchObject({ sent: 1, failed: 1 });
		expect((await db.outbox.toArray()).map((e) => e.entityId)).toEqual([storyId(1)]);
	});

	it('keeps the entry when the story was edited while it was being pushed', async () => {
		await save(1);
		let edit: Promise<void> | undefined;
		remote.failUpload = () => {
			edit ??= updateStoryContent({ id: storyId(1), content: makeContent({ title: 'Sửa trong lúc gửi' }) });
			return null;
		};
		await push();
		await edit;
		const [entry] = await db.outbox.toArray();
		expect(entry).toMatchObject({ changeSeq: 1, nextAttemptAt: 0 });
		expect(await db.stories.get(storyId(1))).toMatchObject({ status: 'submitted', syncState: 'saved' });
	});

	it('skips stories another account saved on this device', async () => {
		await save(1);
		const result = await pushOutbox({ remote, authorId: 'bbbbbbbb-0000-4000-8000-000000000001', now: () => NOW });
		expect(result.sent).toBe(0);
		expect(remote.upsertCalls).toEqual([]);
	});
});
