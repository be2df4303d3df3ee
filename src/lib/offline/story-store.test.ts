import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { LocalSaveError } from './local-errors';
import { onOutboxGrew } from './outbox-signal';
import { countPending, getLocalStory, listMyStories } from './story-queries';
import { saveStoryWithPhotos, updateStoryContent } from './story-store';
import { AUTHOR_ID, makeContent, makePhoto, resetDb, storyId, UNIT_ID } from './test-fixtures';

beforeEach(resetDb);

const save = (n: number, photos = [makePhoto(1), makePhoto(2)]) =>
	saveStoryWithPhotos({
		story: { id: storyId(n), unitId: UNIT_ID, content: makeContent() },
		photos,
		authorId: AUTHOR_ID,
		now: new Date(`2026-11-2${n}T08:00:00Z`)
	});

describe('saveStoryWithPhotos', () => {
	it('writes the story, its photos and one outbox entry together', async () => {
		await save(1);
		const local = await getLocalStory(storyId(1));
		expect(local?.story).toMatchObject({ status: 'draft', syncState: 'saved', authorId: AUTHOR_ID, revision: 0 });
		expect(local?.photos.map((p) => [p.position, p.blob.size])).toEqual([
			[0, 3],
			[1, 3]
		]);
		expect(await db.outbox.toArray()).toMatchObject([{ kind: 'story.upsert', entityId: storyId(1), attempts: 0 }]);
	});

	it('leaves nothing behind when a write inside the transaction fails', async () => {
		const failOutbox = () => {
			throw new Error('disk error');
		};
		db.outbox.hook('creating', failOutbox);
		try {
			await expect(save(1)).rejects.toThrow('disk error');
		} finally {
			db.outbox.hook('creating').unsubscribe(failOutbox);
		}
		expect(await db.stories.count()).toBe(0);
		expect(await db.photos.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses invalid content before writing anything', async () => {
		const bad = saveStoryWithPhotos({
			story: { id: storyId(1), unitId: UNIT_ID, content: makeContent({ title: 'x' }) },
			photos: []
		});
		await expect(bad).rejects.toThrow('story.title.tooShort');
		expect(await db.stories.count()).toBe(0);
	});

	it('keeps one outbox entry when the same story is saved again', async () => {
		await save(1);
		await save(1, [makePhoto(3)]);
		const entries = await db.outbox.toArray();
		expect(entries).toHaveLength(1);
		expect(entries[0]?.changeSeq).toBe(1);
		expect((await getLocalStory(storyId(1)))?.photos.map((p) => p.id)).toEqual([makePhoto(3).id]);
	});

	it('tells the sync engine that the outbox grew', async () => {
		let grew = 0;
		const off = onOutboxGrew(() => grew++);
		await save(1);
		off();
		expect(grew).toBe(1);
	});
});

describe('updateStoryContent', () => {
	it('queues a returned story again, keeping the reviewer note until the server answers', async () => {
		await save(1);
		await db.outbox.clear();
		await db.stories.update(storyId(1), { status: 'returned', reviewNote: 'Thiếu ảnh', syncState: 'sent', revision: 1 });
		await updateStoryContent({ id: storyId(1), content: makeContent({ title: 'Tiêu đề đã sửa' }), addPhotos: [makePhoto(5)] });
		const local = await getLocalStory(storyId(1));
		expect(local?.story).toMatchObject({ status: 'returned', syncState: 'saved', reviewNote: 'Thiếu ảnh' });
		expect(local?.photos.at(-1)).toMatchObject({ id: makePhoto(5).id, position: 2 });
		expect(await countPending()).toBe(1);
	});

	it('refuses to edit a verified story', async () => {
		await save(1);
		await db.stories.update(storyId(1), { status: 'verified' });
		await expect(updateStoryContent({ id: storyId(1), content: makeContent() })).rejects.toBeInstanceOf(LocalSaveError);
	});
});

describe('listMyStories', () => {
	it('lists newest first with photo counts and the failure reason', async () => {
		await save(1);
		await save(2, [makePhoto(3)]);
		const entry = await db.outbox.where('entityId').equals(storyId(1)).first();
		await db.outbox.update(entry?.id ?? -1, { lastError: { kind: 'rejected', messageKey: 'sync.rejected', detail: '' } });
		const views = await listMyStories({ authorId: AUTHOR_ID });
		expect(views.map((v) => [v.id, v.photoCount])).toEqual([
			[storyId(2), 1],
			[storyId(1), 2]
		]);
		expect(views[1]?.failure).toEqual({ kind: 'rejected', messageKey: 'sync.rejected' });
		expect(await listMyStories({ authorId: 'someone-else' })).toEqual([]);
	});
});
