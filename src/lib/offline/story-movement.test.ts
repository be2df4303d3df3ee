import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { loadPushItem, listDueEntries } from './outbox';
import { applyPulledStories, type ServerStory } from './server-state';
import { getLocalStory, listMyStories } from './story-queries';
import { saveStoryWithPhotos, updateStoryContent } from './story-store';
import { AUTHOR_ID, makeContent, resetDb, storyId, UNIT_ID } from './test-fixtures';

const MOVEMENT_A = '0f0f0f0f-0000-4000-8000-00000000000a';
const MOVEMENT_B = '0f0f0f0f-0000-4000-8000-00000000000b';

beforeEach(resetDb);

const save = (n: number, movementId?: string | null) =>
	saveStoryWithPhotos({
		story: { id: storyId(n), unitId: UNIT_ID, content: makeContent(movementId === undefined ? {} : { movementId }) },
		photos: [],
		authorId: AUTHOR_ID
	});

async function pushItemOf(n: number) {
	const [entry] = (await listDueEntries({ now: Date.now(), mode: 'all', authorId: AUTHOR_ID })).filter(
		(e) => e.entityId === storyId(n)
	);
	return entry && loadPushItem(entry);
}

describe('a story tagged with a movement on the device', () => {
	it('keeps the tag in the story row and in what the outbox will push', async () => {
		await save(1, MOVEMENT_A);
		expect((await getLocalStory(storyId(1)))?.story.content.movementId).toBe(MOVEMENT_A);
		expect((await pushItemOf(1))?.story.content.movementId).toBe(MOVEMENT_A);
		expect((await listMyStories({ authorId: AUTHOR_ID }))[0]?.movementId).toBe(MOVEMENT_A);
	});

	it('reads a story saved before tagging existed as untagged', async () => {
		await save(1);
		const local = await getLocalStory(storyId(1));
		expect(local?.story.content).not.toHaveProperty('movementId');
		expect((await listMyStories())[0]?.movementId).toBeNull();
	});

	it('queues a changed tag like any other edit', async () => {
		await save(1, MOVEMENT_A);
		await db.outbox.clear();
		await db.stories.update(storyId(1), { status: 'returned', syncState: 'sent' });
		await updateStoryContent({ id: storyId(1), content: makeContent({ movementId: MOVEMENT_B }) });
		expect((await pushItemOf(1))?.story.content.movementId).toBe(MOVEMENT_B);
	});

	it('takes the tag from a pull, and refuses a tag that is not a uuid', async () => {
		await save(1);
		await db.outbox.clear();
		const pulled: ServerStory = {
			id: storyId(1),
			unitId: UNIT_ID,
			authorId: AUTHOR_ID,
			createdAt: '2026-11-20T08:00:00+00:00',
			updatedAt: '2026-11-25T02:00:00+00:00',
			status: 'verified',
			revision: 1,
			reviewNote: null,
			version: 2,
			content: { ...makeContent(), movementId: MOVEMENT_B }
		};
		await applyPulledStories([pulled]);
		expect((await db.stories.get(storyId(1)))?.content.movementId).toBe(MOVEMENT_B);
		await expect(save(2, 'not-a-uuid')).rejects.toThrow();
	});

	it('accepts any Postgres uuid as a tag, such as the seed\'s md5-made ids that are not RFC version 4', async () => {
		// md5('movement:nguoi-tot-viec-tot')::uuid in supabase/seed.sql
		const seeded = 'e7d5312c-3eac-9757-27f3-62bbb7f83111';
		await save(1, seeded);
		expect((await getLocalStory(storyId(1)))?.story.content.movementId).toBe(seeded);
	});
});
