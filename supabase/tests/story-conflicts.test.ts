// TARGETS R2 against the real stack: the version guard of 20261125000600_story_versions.sql through supabase-js
// (stale base → 409, row unchanged), and the real push code (offline/ in fake-indexeddb, sync/, remote/) turning a
// lost answer replayed after review into "delivered" and an edit made over an officer's return into a conflict.
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resubmitMyEdit } from '$lib/offline/conflicts';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos, updateStoryContent, type NewPhoto } from '$lib/offline/story-store';
import { makeContent, resetDb } from '$lib/offline/test-fixtures';
import type { AppSupabaseClient } from '$lib/remote/create-client';
import { createStoryApi } from '$lib/remote/story-api';
import { pushOutbox, type PushRemote } from '$lib/sync/push-outbox';
import { demo, newStoryRow, signedIn, UNIT_BA_DINH } from './helpers';

let reporter: SupabaseClient;
let officer: SupabaseClient;
let reporterId: string;

beforeAll(async () => {
	[reporter, officer] = await Promise.all([signedIn(demo.reporterBaDinh), signedIn(demo.officerBaDinh)]);
	const { data } = await reporter.auth.getUser();
	reporterId = data.user?.id ?? '';
});
beforeEach(resetDb);

async function review(id: string, patch: { status: 'returned' | 'verified'; review_note?: string }) {
	const { data, error } = await officer.from('story').update(patch).eq('id', id).select('status, version').single();
	expect(error).toBeNull();
	return data;
}

async function readRow(id: string) {
	const { data, error } = await reporter
		.from('story')
		.select('title, status, review_note, version, revision, base_version')
		.eq('id', id)
		.single();
	expect(error).toBeNull();
	return data;
}

describe('story versions through supabase-js', () => {
	it('bumps the version on every update, status changes by the officer included', async () => {
		const row = newStoryRow(UNIT_BA_DINH, { base_version: 0 });
		const inserted = await reporter.from('story').insert(row).select('version').single();
		expect(inserted.data).toEqual({ version: 1 });
		expect(await review(row.id as string, { status: 'returned', review_note: 'Thiếu ảnh' })).toEqual({ status: 'returned', version: 2 });
		const resubmitted = await reporter
			.from('story')
			.update({ title: 'Tiêu đề đã sửa theo góp ý', status: 'submitted', base_version: 2 })
			.eq('id', row.id as string)
			.select('version, base_version')
			.single();
		expect(resubmitted.data).toEqual({ version: 3, base_version: null });
		expect(await review(row.id as string, { status: 'verified' })).toEqual({ status: 'verified', version: 4 });
	});

	it('refuses a push based on a version the officer has since changed with HTTP 409, and leaves the row as it was', async () => {
		const row = newStoryRow(UNIT_BA_DINH, { base_version: 0 });
		expect((await reporter.from('story').upsert(row, { onConflict: 'id' }).select('id')).error).toBeNull();
		await review(row.id as string, { status: 'returned', review_note: 'Cần ghi rõ địa chỉ' });
		const before = await readRow(row.id as string);

		const stale = await reporter
			.from('story')
			.upsert({ ...row, title: 'Bản sửa trên máy khi chưa biết bị trả lại', base_version: 1 }, { onConflict: 'id' })
			.select('id');
		expect(stale.status).toBe(409);
		expect(stale.error?.code).toBe('PT409');
		expect(await readRow(row.id as string)).toEqual(before);
		expect(before).toMatchObject({ status: 'returned', review_note: 'Cần ghi rõ địa chỉ', version: 2 });

		// The replay of the first insert (base 0) is just as stale once the officer has acted.
		const replay = await reporter.from('story').upsert(row, { onConflict: 'id' }).select('id');
		expect(replay.status).toBe(409);
		expect(await readRow(row.id as string)).toEqual(before);
	});
});

describe('the real push code on conflicts', () => {
	const saveStory = async (photos: NewPhoto[] = []) => {
		const id = randomUUID();
		await saveStoryWithPhotos({ story: { id, unitId: UNIT_BA_DINH, content: makeContent() }, photos, authorId: reporterId });
		return id;
	};
	const photo = (): NewPhoto => {
		const bytes = randomBytes(1024);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const blob = new Blob([bytes], { type: 'image/webp' });
		return { id: randomUUID(), contentType: 'image/webp', width: 800, height: 600, byteSize: bytes.length, sha256, blob, thumbBlob: blob };
	};
	const api = () => createStoryApi(reporter as unknown as AppSupabaseClient);
	const push = (remote: PushRemote = api()) => pushOutbox({ remote, authorId: reporterId, mode: 'all' });
	/** The write reaches the server, its answer does not (the phone lost the connection). */
	const losingAnswers = (): PushRemote => {
		const real = api();
		return {
			...real,
			async upsertStories(items) {
				await real.upsertStories(items);
				throw new TypeError('fetch failed');
			}
		};
	};

	it('recognises a push replayed after the officer verified it as already delivered', async () => {
		const id = await saveStory();
		expect((await push(losingAnswers())).sent).toBe(0);
		expect(await db.outbox.count()).toBe(1);
		await review(id, { status: 'verified' });

		expect(await push()).toEqual({ sent: 1, failed: 0, conflicts: 0, stoppedBy: null });
		expect(await db.outbox.count()).toBe(0);
		expect(await db.stories.get(id)).toMatchObject({ status: 'verified', syncState: 'sent', baseVersion: 2, conflict: null });
		expect(await readRow(id)).toMatchObject({ status: 'verified', version: 2, revision: 1 });
	});

	it('recognises a replay after a return as delivered and shows the return, without resubmitting', async () => {
		const photos = [photo()];
		const id = await saveStory(photos);
		await push(losingAnswers());
		await review(id, { status: 'returned', review_note: 'Bổ sung tên người được giúp' });

		expect((await push()).sent).toBe(1);
		expect(await db.stories.get(id)).toMatchObject({ status: 'returned', reviewNote: 'Bổ sung tên người được giúp' });
		expect(await readRow(id)).toMatchObject({ status: 'returned', version: 2 });
		// The lost answer also cost the photo rows (they follow the story row): the replay wrote them.
		const rows = await reporter.from('story_photo').select('id').eq('story_id', id);
		expect(rows.data).toEqual(photos.map((p) => ({ id: p.id })));
	});

	it('keeps an edit made over an officer\'s return as a conflict, then sends it on top when the user resubmits', async () => {
		const id = await saveStory();
		expect((await push()).sent).toBe(1);
		await review(id, { status: 'returned', review_note: 'Ảnh chưa rõ mặt người được khen' });
		await updateStoryContent({ id, content: makeContent({ title: 'Bản sửa trên máy lúc không có mạng' }) });

		expect(await push()).toEqual({ sent: 0, failed: 1, conflicts: 1, stoppedBy: null });
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError).toMatchObject({ kind: 'conflict', messageKey: 'sync.conflict.reviewed' });
		expect(await db.stories.get(id)).toMatchObject({
			syncState: 'failed',
			conflict: { status: 'returned', reviewNote: 'Ảnh chưa rõ mặt người được khen', version: 2 }
		});
		expect(await readRow(id)).toMatchObject({ status: 'returned', version: 2, title: makeContent().title });
		// Not retried by itself: the user must see the return first.
		expect((await pushOutbox({ remote: api(), authorId: reporterId })).sent).toBe(0);

		expect(await resubmitMyEdit(id)).toBe(true);
		expect((await push()).sent).toBe(1);
		expect(await db.outbox.count()).toBe(0);
		expect(await readRow(id)).toMatchObject({ status: 'submitted', version: 3, title: 'Bản sửa trên máy lúc không có mạng' });
	});

	it('shows an edit made while the officer verified the story as a conflict that cannot be resubmitted', async () => {
		const id = await saveStory();
		await push();
		await review(id, { status: 'verified' });
		await updateStoryContent({ id, content: makeContent({ title: 'Bản sửa muộn sau khi đã xác minh' }) });

		expect((await push()).conflicts).toBe(1);
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError).toMatchObject({ kind: 'conflict', messageKey: 'sync.conflict.locked' });
		expect(await readRow(id)).toMatchObject({ status: 'verified', title: makeContent().title });
	});
});
