// TARGETS R2 across the movement tag: a story saved before tagging existed must keep its content hash, so its
// replays stay no-ops (recognised as delivered) and never read as a change.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/offline/db';
import { applyPulledStories } from '$lib/offline/server-state';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { AUTHOR_ID, makeContent, resetDb, storyId, UNIT_ID } from '$lib/offline/test-fixtures';
import { FakeStoryServer } from './fake-story-server';
import { pushOutbox } from './push-outbox';
import { hashContent } from './push-steps';

/** hashContent(makeContent()) as computed by the code before `movementId` existed (commit 29f88b1). */
const HASH_BEFORE_MOVEMENTS = '4d322f4d94e2aabc28e020974c9faad1cc70814ea99baa4866ca59060c74e59c';
const MOVEMENT_A = '0f0f0f0f-0000-4000-8000-00000000000a';
const MOVEMENT_B = '0f0f0f0f-0000-4000-8000-00000000000b';

describe('hashContent and the movement tag', () => {
	it('hashes an untagged story exactly as before movements existed, whether the key is missing or null', async () => {
		expect(await hashContent(makeContent())).toBe(HASH_BEFORE_MOVEMENTS);
		expect(await hashContent(makeContent({ movementId: null }))).toBe(HASH_BEFORE_MOVEMENTS);
		expect(await hashContent(makeContent({ movementId: undefined }))).toBe(HASH_BEFORE_MOVEMENTS);
	});

	it('hashes a tag, and a different tag, as different content', async () => {
		const a = await hashContent(makeContent({ movementId: MOVEMENT_A }));
		const b = await hashContent(makeContent({ movementId: MOVEMENT_B }));
		expect(new Set([HASH_BEFORE_MOVEMENTS, a, b]).size).toBe(3);
	});
});

describe('replays across the movement tag', () => {
	const ID = storyId(1);
	let server: FakeStoryServer;
	const push = () => pushOutbox({ remote: server, authorId: AUTHOR_ID, mode: 'all', isOnline: () => true });

	beforeEach(async () => {
		await resetDb();
		server = new FakeStoryServer(AUTHOR_ID);
	});

	it('recognises the lost push of a story saved without the field as delivered after a review', async () => {
		await saveStoryWithPhotos({ story: { id: ID, unitId: UNIT_ID, content: makeContent() }, photos: [], authorId: AUTHOR_ID });
		server.loseNextAnswer = true;
		await push();
		expect(server.rows.get(ID)?.contentHash).toBe(HASH_BEFORE_MOVEMENTS);
		server.review(ID, 'verified', '');
		expect(await push()).toMatchObject({ sent: 1, failed: 0, conflicts: 0 });
		expect(await db.stories.get(ID)).toMatchObject({ status: 'verified', syncState: 'sent' });
	});

	it('does not count a replay as a change after a pull wrote movementId: null into an old story', async () => {
		await saveStoryWithPhotos({ story: { id: ID, unitId: UNIT_ID, content: makeContent() }, photos: [], authorId: AUTHOR_ID });
		await push();
		const [pulled] = await server.listMyStoriesSince({ cursor: null, limit: 10 });
		await applyPulledStories([{ ...pulled!, content: { ...makeContent(), movementId: null } }]);
		expect((await db.stories.get(ID))?.content.movementId).toBeNull();
		// The same push again (another tab, a restored queue): same content, so no new revision on the server.
		await db.outbox.add({ kind: 'story.upsert', entityId: ID, createdAt: '2026-11-25T00:00:00Z', attempts: 0, nextAttemptAt: 0, lastError: null, changeSeq: 0 });
		expect(await push()).toMatchObject({ sent: 1, conflicts: 0 });
		expect(server.rows.get(ID)).toMatchObject({ revision: 1, contentHash: HASH_BEFORE_MOVEMENTS });
	});

	it('sends a changed movement as a content change (new revision)', async () => {
		await saveStoryWithPhotos({
			story: { id: ID, unitId: UNIT_ID, content: makeContent({ movementId: MOVEMENT_A }) },
			photos: [],
			authorId: AUTHOR_ID
		});
		await push();
		await updateStoryContent({ id: ID, content: makeContent({ movementId: MOVEMENT_B }) });
		expect(await push()).toMatchObject({ sent: 1 });
		expect(server.rows.get(ID)).toMatchObject({ revision: 2, content: { movementId: MOVEMENT_B } });
	});
});
