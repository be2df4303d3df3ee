// P5 (TARGETS.md): 1,000 stories + 1,000 photos pushed by the REAL push code (sync/push-outbox → remote/story-api →
// supabase-js) against the local stack, from Node with fake-indexeddb — the same code the browser runs, without a
// browser's start-up cost. Counts every HTTP request through supabase-js's fetch, times the run, and checks in the
// database that each story, photo row and stored object exists exactly once. The naive way, one story per request
// (`batchSize: 1`), runs on a sample and is scaled to 1,000, so the whole bench stays within a few minutes.
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { photoStoragePath, STORY_PHOTO_BUCKET, thumbStoragePath } from '$lib/domain/story';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos, type NewPhoto } from '$lib/offline/story-store';
import { makeContent, resetDb } from '$lib/offline/test-fixtures';
import { createSupabase } from '$lib/remote/create-client';
import { createStoryApi } from '$lib/remote/story-api';
import { pushOutbox, type PushResult } from '$lib/sync/push-outbox';
import type { Stack } from '../../supabase/local/stack';
import { environment, printFigures, writeResult, type Figure } from './report';

const STORIES = Number(process.env.BENCH_P5_STORIES ?? 1000);
const NAIVE_STORIES = Number(process.env.BENCH_P5_NAIVE_STORIES ?? 200);
// Small bytes on purpose: P5 is about request count and per-request cost; link throughput is P6's subject.
const PHOTO_BYTES = 8 * 1024;
const THUMB_BYTES = 1024;
const REPORTER = { email: 'phongvien.badinh@thidua.test', password: 'ThiDua@2026' };
const UNIT_BA_DINH = '11111111-1111-4111-8111-000000000001';

type RequestKind = 'storage upload' | 'story upsert' | 'photo rows insert' | 'photo rows read back' | 'auth' | 'other';

class RequestCounter {
	readonly byKind = new Map<RequestKind, number>();
	total = 0;
	/** Wraps fetch: every request supabase-js makes (REST, storage, auth) passes here. */
	readonly fetch: typeof fetch = (input, init) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		const kind = classify(url, method);
		this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
		this.total++;
		return fetch(input, init);
	};
	reset(): void {
		this.byKind.clear();
		this.total = 0;
	}
	snapshot(): Record<string, number> {
		return Object.fromEntries([...this.byKind].sort(([a], [b]) => a.localeCompare(b)));
	}
}

function classify(url: string, method: string): RequestKind {
	if (url.includes('/storage/v1/object')) return 'storage upload';
	if (url.includes('/auth/v1/')) return 'auth';
	if (url.includes('/rest/v1/story_photo')) return method === 'GET' ? 'photo rows read back' : 'photo rows insert';
	if (url.includes('/rest/v1/story')) return 'story upsert';
	return 'other';
}

function makePhoto(): NewPhoto {
	const bytes = randomBytes(PHOTO_BYTES);
	return {
		id: randomUUID(),
		contentType: 'image/webp',
		width: 1600,
		height: 1200,
		byteSize: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		blob: new Blob([bytes], { type: 'image/webp' }),
		thumbBlob: new Blob([randomBytes(THUMB_BYTES)], { type: 'image/webp' })
	};
}

interface Seeded {
	storyIds: string[];
	objectNames: string[];
}

/** Fills the outbox the way the form does: saveStoryWithPhotos, one story with one photo per call. */
async function seedOutbox(count: number, authorId: string): Promise<Seeded> {
	await resetDb();
	const seeded: Seeded = { storyIds: [], objectNames: [] };
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		const photo = makePhoto();
		await saveStoryWithPhotos({
			story: { id, unitId: UNIT_BA_DINH, content: makeContent({ title: `Bench P5 ${i}` }) },
			photos: [photo],
			authorId
		});
		const where = { unitId: UNIT_BA_DINH, storyId: id, photoId: photo.id, contentType: photo.contentType };
		seeded.storyIds.push(id);
		seeded.objectNames.push(photoStoragePath(where), thumbStoragePath(where));
	}
	return seeded;
}

interface RunFigures {
	stories: number;
	requests: number;
	requestsByKind: Record<string, number>;
	seconds: number;
	push: PushResult[];
	outboxLeft: number;
	storyRows: { total: number; distinct: number };
	photoRows: { total: number; distinct: number };
	objects: { total: number; distinct: number; expected: number };
}

async function timedPush(o: {
	count: number;
	batchSize?: number;
	authorId: string;
	counter: RequestCounter;
	remote: ReturnType<typeof createStoryApi>;
	sql: pg.Client;
}): Promise<RunFigures> {
	const seeded = await seedOutbox(o.count, o.authorId);
	o.counter.reset();
	const started = performance.now();
	const push: PushResult[] = [];
	// The engine calls push again while work is left; here one call should drain it, a second must find nothing.
	for (let round = 0; round < 3 && (await db.outbox.count()) > 0; round++) {
		push.push(await pushOutbox({ remote: o.remote, authorId: o.authorId, mode: 'all', batchSize: o.batchSize }));
	}
	const seconds = (performance.now() - started) / 1000;
	const requests = o.counter.total;
	const requestsByKind = o.counter.snapshot();
	const count = async (query: string, values: unknown[]): Promise<{ total: number; distinct: number }> => {
		const r = await o.sql.query<{ total: string; distinct: string }>(query, values);
		return { total: Number(r.rows[0]?.total ?? 0), distinct: Number(r.rows[0]?.distinct ?? 0) };
	};
	return {
		stories: o.count,
		requests,
		requestsByKind,
		seconds: Number(seconds.toFixed(2)),
		push,
		outboxLeft: await db.outbox.count(),
		storyRows: await count('select count(*) total, count(distinct id) "distinct" from public.story where id = any($1::uuid[])', [seeded.storyIds]),
		photoRows: await count(
			'select count(*) total, count(distinct id) "distinct" from public.story_photo where story_id = any($1::uuid[])',
			[seeded.storyIds]
		),
		objects: {
			...(await count(
				'select count(*) total, count(distinct name) "distinct" from storage.objects where bucket_id = $1 and name = any($2::text[])',
				[STORY_PHOTO_BUCKET, seeded.objectNames]
			)),
			expected: seeded.objectNames.length
		}
	};
}

function duplicatesOrMissing(r: RunFigures): number {
	return (
		r.storyRows.total - r.storyRows.distinct +
		(r.photoRows.total - r.photoRows.distinct) +
		(r.objects.total - r.objects.distinct) +
		Math.abs(r.stories - r.storyRows.distinct) +
		Math.abs(r.stories - r.photoRows.distinct) +
		Math.abs(r.objects.expected - r.objects.distinct)
	);
}

export async function runP5(stack: Stack): Promise<void> {
	const startedAt = new Date();
	const counter = new RequestCounter();
	const client = createSupabase(stack.apiUrl, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
		global: { fetch: counter.fetch }
	});
	const { data, error } = await client.auth.signInWithPassword(REPORTER);
	if (error) throw error;
	const authorId = data.user.id;
	const remote = createStoryApi(client);
	const sql = new pg.Client({ connectionString: stack.dbUrl, application_name: 'bench-p5' });
	await sql.connect();
	try {
		console.log(`P5: seeding ${STORIES} stories with one photo each and pushing them …`);
		const ours = await timedPush({ count: STORIES, authorId, counter, remote, sql });
		console.log(`P5: naive (one story per request) on ${NAIVE_STORIES} stories …`);
		const naive = await timedPush({ count: NAIVE_STORIES, batchSize: 1, authorId, counter, remote, sql });
		// What the batch size alone buys: the same push with 100 stories per row request (PowerSync's batch).
		console.log(`P5: the same ${STORIES} stories with batchSize 100 (not the app's setting) …`);
		const batch100 = await timedPush({ count: STORIES, batchSize: 100, authorId, counter, remote, sql });
		const scale = STORIES / NAIVE_STORIES;
		const naiveRequests = Math.round(naive.requests * scale);
		const naiveSeconds = naive.seconds * scale;
		const faults = duplicatesOrMissing(ours);
		const figures: Figure[] = [
			{
				id: 'P5',
				label: `requests for ${STORIES} stories + ${STORIES} photos`,
				value: ours.requests,
				unit: 'requests',
				target: '≤ 1,030',
				meets: ours.requests <= 1030,
				naive: { value: naiveRequests, unit: 'requests', description: `one story per request, ${NAIVE_STORIES} measured, scaled ×${scale}` },
				ratio: naiveRequests / ours.requests
			},
			{
				id: 'P5',
				label: 'wall time',
				value: ours.seconds,
				unit: 's',
				target: '≤ 60 s',
				meets: ours.seconds <= 60,
				naive: { value: naiveSeconds, unit: 's', description: 'scaled like the requests' },
				ratio: naiveSeconds / ours.seconds
			},
			{ id: 'P5', label: 'duplicates or missing (rows, photo rows, objects)', value: faults, unit: '', target: '0', meets: faults === 0 }
		];
		printFigures('P5 — sync of 1,000 stories + 1,000 photos (real push code, Node + fake-indexeddb, local stack)', figures);
		console.log(`  requests by kind: ${JSON.stringify(ours.requestsByKind)}`);
		console.log(
			`  with batchSize 100: ${batch100.requests} requests ${JSON.stringify(batch100.requestsByKind)}, ${batch100.seconds} s, ` +
				`${duplicatesOrMissing(batch100)} duplicates or missing`
		);
		const file = writeResult('p5-sync', {
			target: TARGET_P5,
			figures,
			ours,
			batchSize100: batch100,
			naive: { ...naive, scaledTo: STORIES, requestsScaled: naiveRequests, secondsScaled: Number(naiveSeconds.toFixed(2)) },
			photoBytes: PHOTO_BYTES,
			thumbBytes: THUMB_BYTES,
			environment: environment(startedAt)
		});
		console.log(`  wrote ${file}`);
	} finally {
		await sql.end().catch(() => undefined);
		await client.auth.signOut().catch(() => undefined);
		db.close();
	}
}

const TARGET_P5 =
	'Sync of 1,000 stories + 1,000 photos: ≤ 1,030 HTTP requests (batched row upserts, one upload per photo), ≤ 60 s against the local stack, 0 duplicates';
