// The real push code (offline/ in fake-indexeddb, sync/push-outbox, remote/story-api) against the embedded stack,
// signed in as the seeded Ba Đình reporter: a push lands once, a replay changes nothing, photos arrive byte-exact.
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { photoStoragePath, STORY_PHOTO_BUCKET, thumbStoragePath } from '$lib/domain/story';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos, type NewPhoto } from '$lib/offline/story-store';
import { makeContent, resetDb } from '$lib/offline/test-fixtures';
import { createSupabase, type AppSupabaseClient } from '$lib/remote/create-client';
import { createStoryApi } from '$lib/remote/story-api';
import { pushOutbox } from '$lib/sync/push-outbox';
import { DEMO_PASSWORD, demo, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';

let client: AppSupabaseClient;
let userId: string;
let sql: pg.Client;

beforeAll(async () => {
	client = createSupabase(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_ANON_KEY ?? '', {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { data, error } = await client.auth.signInWithPassword({ email: demo.reporterBaDinh, password: DEMO_PASSWORD });
	if (error) throw error;
	userId = data.user.id;
	sql = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await sql.connect();
});
afterAll(async () => {
	await sql.end();
});
beforeEach(resetDb);

function makeRealPhoto(): NewPhoto {
	const bytes = randomBytes(2048);
	return {
		id: randomUUID(),
		contentType: 'image/webp',
		width: 1600,
		height: 1200,
		byteSize: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		blob: new Blob([bytes], { type: 'image/webp' }),
		thumbBlob: new Blob([randomBytes(300)], { type: 'image/webp' })
	};
}

async function saveStory(unitId: string, photos: NewPhoto[]): Promise<string> {
	const id = randomUUID();
	await saveStoryWithPhotos({ story: { id, unitId, content: makeContent() }, photos, authorId: userId });
	return id;
}

const push = () => pushOutbox({ remote: createStoryApi(client), authorId: userId, mode: 'all' });

async function downloadSha(path: string): Promise<{ sha256: string; size: number }> {
	const { data, error } = await client.storage.from(STORY_PHOTO_BUCKET).download(path);
	if (error) throw error;
	const bytes = Buffer.from(await data.arrayBuffer());
	return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

describe('sync push against the local Supabase stack', () => {
	it('sends a story with photos once, and a replay of the same push is a no-op', async () => {
		const photos = [makeRealPhoto(), makeRealPhoto()];
		const id = await saveStory(UNIT_BA_DINH, photos);
		expect(await push()).toEqual({ sent: 1, failed: 0, conflicts: 0, stoppedBy: null });
		expect(await db.outbox.count()).toBe(0);
		expect(await db.stories.get(id)).toMatchObject({ status: 'submitted', syncState: 'sent', revision: 1 });

		// The answer was lost: the device queues the same story again and pushes it a second time.
		await db.outbox.add({
			kind: 'story.upsert',
			entityId: id,
			createdAt: new Date().toISOString(),
			attempts: 0,
			nextAttemptAt: 0,
			lastError: null,
			changeSeq: 0
		});
		expect(await push()).toEqual({ sent: 1, failed: 0, conflicts: 0, stoppedBy: null });

		const rows = await sql.query('select revision, author_id, status from public.story where id = $1', [id]);
		expect(rows.rows).toEqual([{ revision: 1, author_id: userId, status: 'submitted' }]);
		const photoRows = await sql.query('select id, sha256, byte_size from public.story_photo where story_id = $1 order by position', [id]);
		expect(photoRows.rows).toEqual(photos.map((p) => ({ id: p.id, sha256: p.sha256, byte_size: p.byteSize })));

		for (const p of photos) {
			const where = { unitId: UNIT_BA_DINH, storyId: id, photoId: p.id, contentType: p.contentType };
			expect(await downloadSha(photoStoragePath(where))).toEqual({ sha256: p.sha256, size: p.byteSize });
			expect((await downloadSha(thumbStoragePath(where))).size).toBe(300);
		}
	});

	it('keeps a story for a unit the reporter does not belong to, as rejected, and writes no row', async () => {
		const id = await saveStory(UNIT_DONG_ANH, [makeRealPhoto()]);
		const result = await push();
		expect(result.failed).toBe(1);
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError).toMatchObject({ kind: 'rejected', messageKey: 'sync.rejected.permission' });
		expect((await sql.query('select 1 from public.story where id = $1', [id])).rowCount).toBe(0);
	});

	it('keeps a photo-less story refused by the insert policy as rejected, marked failed on the device', async () => {
		const id = await saveStory(UNIT_DONG_ANH, []);
		await push();
		const [entry] = await db.outbox.toArray();
		expect(entry?.lastError).toMatchObject({ kind: 'rejected', messageKey: 'sync.rejected.permission' });
		expect(await db.stories.get(id)).toMatchObject({ syncState: 'failed', status: 'draft' });
	});
});
