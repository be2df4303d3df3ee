import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { resubmitMyEdit } from '$lib/offline/conflicts';
import { db, REJECTED_WAIT } from '$lib/offline/db';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { AUTHOR_ID, makeContent, resetDb, storyId, UNIT_ID } from '$lib/offline/test-fixtures';
import { FakeStoryServer } from './fake-story-server';
import { pushOutbox } from './push-outbox';

const ID = storyId(1);
let server: FakeStoryServer;
const push = () => pushOutbox({ remote: server, authorId: AUTHOR_ID, mode: 'all', isOnline: () => true });
const edit = (title: string) => updateStoryContent({ id: ID, content: makeContent({ title }) });

beforeEach(async () => {
	await resetDb();
	server = new FakeStoryServer(AUTHOR_ID);
	await saveStoryWithPhotos({ story: { id: ID, unitId: UNIT_ID, content: makeContent() }, photos: [], authorId: AUTHOR_ID });
});

describe('refused pushes', () => {
	it('sends the base version it last saw: 0 before the first answer, then the server version', async () => {
		const sent: (number | null)[] = [];
		const upsert = server.upsertStories.bind(server);
		server.upsertStories = (items) => {
			sent.push(...items.map((i) => i.baseVersion));
			return upsert(items);
		};
		await push();
		await edit('Tiêu đề sửa lần một');
		await push();
		expect(sent).toEqual([0, 1]);
	});

	it('acknowledges a replay whose answer was lost once the officer verified it: same content, already delivered', async () => {
		server.loseNextAnswer = true;
		await push();
		expect(await db.outbox.count()).toBe(1);
		server.review(ID, 'verified', '');
		expect(await push()).toMatchObject({ sent: 1, failed: 0, conflicts: 0 });
		expect(await db.outbox.count()).toBe(0);
		expect(await db.stories.get(ID)).toMatchObject({ status: 'verified', baseVersion: 2, syncState: 'sent' });
	});

	it('keeps an edit made over an officer\'s return as a conflict showing the return, not retried by itself', async () => {
		await push();
		server.review(ID, 'returned', 'Thiếu địa chỉ');
		await edit('Bản sửa khi chưa biết bị trả lại');
		expect(await push()).toMatchObject({ sent: 0, failed: 1, conflicts: 1 });
		const [entry] = await db.outbox.toArray();
		expect(entry).toMatchObject({ nextAttemptAt: REJECTED_WAIT, lastError: { kind: 'conflict', messageKey: 'sync.conflict.reviewed' } });
		expect(await db.stories.get(ID)).toMatchObject({
			syncState: 'failed',
			conflict: { status: 'returned', reviewNote: 'Thiếu địa chỉ', version: 2 }
		});
		expect(server.rows.get(ID)).toMatchObject({ status: 'returned', version: 2 });
	});

	it('sends the kept edit on top of the server version when the user resubmits it', async () => {
		await push();
		server.review(ID, 'returned', 'Thiếu địa chỉ');
		await edit('Bản sửa khi chưa biết bị trả lại');
		await push();
		expect(await resubmitMyEdit(ID)).toBe(true);
		expect(await push()).toMatchObject({ sent: 1, conflicts: 0 });
		expect(server.rows.get(ID)).toMatchObject({ status: 'submitted', version: 3, content: { title: 'Bản sửa khi chưa biết bị trả lại' } });
		expect(server.silentOverwrites).toEqual([]);
	});

	it('moves an edit onto its own unanswered earlier write without asking the user', async () => {
		await push();
		await edit('Lần hai');
		server.loseNextAnswer = true;
		await push();
		await edit('Lần ba');
		expect(await push()).toMatchObject({ sent: 0, conflicts: 0 });
		expect(await push()).toMatchObject({ sent: 1, conflicts: 0 });
		expect(server.rows.get(ID)).toMatchObject({ version: 3, content: { title: 'Lần ba' } });
	});

	it('does not base an edit made during the push on a return read back with the delivered row', async () => {
		server.loseNextAnswer = true;
		await push();
		server.review(ID, 'returned', 'Thiếu địa chỉ');
		// The user edits while the replay is being answered: that edit was made without seeing the return.
		const read = server.readStoryStates.bind(server);
		server.readStoryStates = async (ids) => {
			await edit('Bản sửa trong lúc đang gửi');
			return read(ids);
		};
		await push();
		server.readStoryStates = read;
		expect(await push()).toMatchObject({ sent: 0, conflicts: 1 });
		expect(server.rows.get(ID)).toMatchObject({ status: 'returned', version: 2 });
		expect(await db.stories.get(ID)).toMatchObject({ conflict: { status: 'returned', reviewNote: 'Thiếu địa chỉ' } });
	});
});
