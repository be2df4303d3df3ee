import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ThiduaDb } from './db';
import { schemaV1 } from './schema';
import { makeContent, storyId, UNIT_ID } from './test-fixtures';

describe('schema upgrades', () => {
	it('keeps every queued outbox item when a v1 database is opened by the current version', async () => {
		const name = 'thidua-upgrade-test';
		const v1 = new Dexie(name);
		v1.version(1).stores(schemaV1);
		await v1.table('stories').add({
			id: storyId(1),
			unitId: UNIT_ID,
			content: makeContent(),
			status: 'draft',
			reviewNote: null,
			revision: 0,
			createdAt: '2026-11-20T08:00:00.000Z',
			updatedAt: '2026-11-20T08:00:00.000Z',
			syncState: 'failed'
		});
		const queued = { kind: 'story.upsert', entityId: storyId(1), createdAt: '2026-11-20T08:00:00.000Z', attempts: 3 };
		await v1.table('outbox').bulkAdd([
			{ ...queued, nextAttemptAt: 0, lastError: null },
			{ ...queued, entityId: storyId(2), nextAttemptAt: 5, lastError: { kind: 'offline', messageKey: 'sync.offline', detail: '' } }
		]);
		v1.close();

		const current = new ThiduaDb(name);
		await current.open();
		expect(current.verno).toBeGreaterThan(1);
		const outbox = await current.outbox.orderBy('id').toArray();
		expect(outbox).toMatchObject([
			{ id: 1, entityId: storyId(1), attempts: 3, changeSeq: 0 },
			{ id: 2, entityId: storyId(2), lastError: { kind: 'offline' }, changeSeq: 0 }
		]);
		expect(await current.stories.get(storyId(1))).toMatchObject({ authorId: null, serverUpdatedAt: null });
		expect(await current.stories.where('authorId').equals('x').count()).toBe(0);
		current.close();
		await Dexie.delete(name);
	});
});
