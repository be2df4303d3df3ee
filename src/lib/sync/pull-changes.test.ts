import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { getPullCursor } from '$lib/offline/sync-bookkeeping';
import { AUTHOR_ID, makeContent, resetDb, storyId, UNIT_ID } from '$lib/offline/test-fixtures';
import type { ServerStory } from '$lib/offline/server-state';
import { FakeRemote } from './fake-remote';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';

let remote: FakeRemote;
beforeEach(async () => {
	await resetDb();
	remote = new FakeRemote();
});

function serverStory(n: number, over: Partial<ServerStory> = {}): ServerStory {
	return {
		id: storyId(n),
		unitId: UNIT_ID,
		authorId: AUTHOR_ID,
		createdAt: '2026-11-20T08:00:00+00:00',
		content: makeContent(),
		status: 'returned',
		revision: 1,
		reviewNote: 'Bổ sung ảnh',
		updatedAt: '2026-11-25T02:00:00.123456+00:00',
		version: 2,
		...over
	};
}

async function saveAndPush(n: number) {
	await saveStoryWithPhotos({ story: { id: storyId(n), unitId: UNIT_ID, content: makeContent() }, photos: [], authorId: AUTHOR_ID });
	await pushOutbox({ remote, authorId: AUTHOR_ID });
}

describe('pullChanges', () => {
	it('applies the reviewer status and note to a sent story and advances the cursor', async () => {
		await saveAndPush(1);
		remote.pulled = [serverStory(1)];
		const result = await pullChanges({ remote, authorId: AUTHOR_ID });
		expect(result).toEqual({ applied: 1, created: 0, skippedPending: 0 });
		expect(await db.stories.get(storyId(1))).toMatchObject({ status: 'returned', reviewNote: 'Bổ sung ảnh', syncState: 'sent' });
		expect(await getPullCursor()).toEqual({ updatedAt: serverStory(1).updatedAt, id: storyId(1) });
	});

	it('never overwrites a local edit still waiting in the outbox', async () => {
		await saveAndPush(1);
		await db.stories.update(storyId(1), { status: 'returned' });
		await updateStoryContent({ id: storyId(1), content: makeContent({ title: 'Bản sửa trên máy' }) });
		remote.pulled = [serverStory(1, { status: 'rejected', content: makeContent({ title: 'Bản cũ trên máy chủ' }) })];
		const result = await pullChanges({ remote, authorId: AUTHOR_ID });
		expect(result.skippedPending).toBe(1);
		const local = await db.stories.get(storyId(1));
		expect(local).toMatchObject({ status: 'returned', syncState: 'saved' });
		expect(local?.content.title).toBe('Bản sửa trên máy');
	});

	it('adds a story written on another device', async () => {
		remote.pulled = [serverStory(7, { status: 'submitted', reviewNote: null })];
		expect((await pullChanges({ remote, authorId: AUTHOR_ID })).created).toBe(1);
		expect(await db.stories.get(storyId(7))).toMatchObject({ status: 'submitted', syncState: 'sent', authorId: AUTHOR_ID });
	});

	it('ignores a pull older than what the push already acknowledged', async () => {
		await saveAndPush(1);
		remote.pulled = [serverStory(1, { updatedAt: '2026-11-24T00:00:00+00:00', status: 'returned' })];
		await pullChanges({ remote, authorId: AUTHOR_ID });
		expect(await db.stories.get(storyId(1))).toMatchObject({ status: 'submitted' });
	});

	it('shows the server\'s latest side of a conflict, and still keeps the local edit', async () => {
		await saveAndPush(1);
		await updateStoryContent({ id: storyId(1), content: makeContent({ title: 'Bản sửa trên máy' }) });
		const conflict = { status: 'returned' as const, reviewNote: 'Bổ sung ảnh', version: 2, updatedAt: '2026-11-25T02:00:00+00:00' };
		await db.stories.update(storyId(1), { conflict });
		remote.pulled = [serverStory(1, { status: 'verified', reviewNote: 'Bổ sung ảnh', version: 4 })];
		await pullChanges({ remote, authorId: AUTHOR_ID });
		const local = await db.stories.get(storyId(1));
		expect(local?.conflict).toMatchObject({ status: 'verified', version: 4 });
		expect(local?.content.title).toBe('Bản sửa trên máy');
		expect(await db.outbox.count()).toBe(1);
	});
});
