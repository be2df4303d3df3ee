// Fuzzing what the app writes and searches through PostgREST (issue 9): real supabase-js → gateway → PostgREST →
// Postgres, signed in as the Ba Đình reporter, and anonymous for the public search.
//  - Story content built valid by zod, through the real push (offline/ in fake-indexeddb, sync/push-outbox,
//    remote/story-api): every push is delivered. What the form accepts, the database accepts.
//  - Near-valid and hostile content (huge, Unicode, control characters, U+0000, lone surrogates, impossible dates,
//    versions at the int limits, other ids), sent as the push sends it (createStoryApi().upsertStories, the mapper
//    and the same HTTP request): accepted when zod accepts it; otherwise accepted or refused with a 4xx that
//    classify-error.ts turns into a user message (rejected or conflict, with a catalogue key) — never a 5xx.
//  - search_public_stories with fuzzed text (LIKE and tsquery syntax, very long, Unicode) and filters: never a 5xx,
//    and no error at all for what the gallery page sends (parseGalleryQuery of any address).
// Seeds are fixed (SEED) so a run is reproducible; on failure fast-check prints the seed, path and shrunk input.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { storyContentSchema, type Story, type StoryContent } from '$lib/domain/story';
import { hostileDate, hostileText, validStoryContent } from '$lib/domain/story-arbitraries';
import { isMessageKey } from '$lib/i18n';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos } from '$lib/offline/story-store';
import { resetDb } from '$lib/offline/test-fixtures';
import { createSupabase, type AppSupabaseClient } from '$lib/remote/create-client';
import { RemoteError } from '$lib/remote/remote-error';
import { createStoryApi } from '$lib/remote/story-api';
import { classifyError } from '$lib/sync/classify-error';
import { pushOutbox, type PushRemote } from '$lib/sync/push-outbox';
import { anonClient, DEMO_PASSWORD, demo, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';

// The gallery's query parser lives beside the server's anon client, which reads SvelteKit's env module.
vi.mock('$env/dynamic/public', () => ({ env: {} }));
const { parseGalleryQuery, GALLERY_PAGE_SIZE } = await import('$lib/server/gallery');

const SEED = 20261125;
const NOW = new Date().toISOString();

let client: AppSupabaseClient;
let userId: string;
let sql: pg.Client;
let launchedMovements: string[] = [];
const written: string[] = [];

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
	const movements = await sql.query<{ id: string }>(`select id from public.movement where status = 'launched' order by id limit 3`);
	launchedMovements = movements.rows.map((r) => r.id);
});
afterAll(async () => {
	// Every id the fuzzing sent, whether the database took it or not: the other specs find the seed as it was.
	await sql.query('delete from public.story where id = any($1::uuid[])', [written]);
	await sql.end();
});

/** Status and classification of a refusal; fails the property for anything but a classified 4xx. */
function expectClassified4xx(error: unknown, what: string): void {
	expect(error, what).toBeInstanceOf(RemoteError);
	const e = error as RemoteError;
	expect(e.status, `${what}: ${e.status} ${e.code} ${e.message}`).toBeGreaterThanOrEqual(400);
	expect(e.status, `${what}: ${e.status} ${e.code} ${e.message}`).toBeLessThan(500);
	const c = classifyError(e, { isOnline: true });
	expect(['rejected', 'conflict', 'unauthorized'], `${what}: ${e.code} → ${c.kind}`).toContain(c.kind);
	expect(isMessageKey(c.messageKey)).toBe(true);
}

describe('fuzzing the story push against the real stack', () => {
	it('delivers every story whose content zod accepts, through the real push code', async () => {
		const errors: unknown[] = [];
		const api = createStoryApi(client);
		// The real remote, watched: what each request answered, for the property's message.
		const remote: PushRemote = {
			...api,
			upsertStories: (items) =>
				api.upsertStories(items).catch((e: unknown) => {
					errors.push(e);
					throw e;
				})
		};
		await fc.assert(
			fc.asyncProperty(validStoryContent({ movementIds: launchedMovements }), async (content) => {
				await resetDb();
				errors.length = 0;
				const id = randomUUID();
				written.push(id);
				await saveStoryWithPhotos({ story: { id, unitId: UNIT_BA_DINH, content }, photos: [], authorId: userId });
				const result = await pushOutbox({ remote, authorId: userId, mode: 'all' });
				const lastError = (await db.outbox.toArray())[0]?.lastError;
				expect(result, JSON.stringify({ lastError, errors: errors.map(String) })).toEqual({ sent: 1, failed: 0, conflicts: 0, stoppedBy: null });
				expect(await db.stories.get(id)).toMatchObject({ status: 'submitted', syncState: 'sent' });
			}),
			{ numRuns: 100, seed: SEED }
		);
	}, 120_000);

	it('answers near-valid and hostile stories with success or a classified 4xx, never a 5xx', async () => {
		const api = createStoryApi(client);
		const FIELDS = ['kind', 'title', 'body', 'subjectName', 'subjectKind', 'subjectIsMinor', 'occurredOn', 'address', 'consentGivenBy', 'consentMethod', 'consentRecordedAt', 'movementId'] as const;
		const hostile = fc.oneof(hostileText, hostileDate, fc.jsonValue(), fc.constantFrom(null, true, 0, -1, 2 ** 31, 2 ** 53, 1e308, randomUUID()));
		const story = fc.record({
			content: fc
				.tuple(validStoryContent({ movementIds: launchedMovements }), fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostile), { minLength: 1, maxLength: 3 }))
				.map(([c, changes]) => ({ ...c, ...Object.fromEntries(changes) }) as StoryContent),
			unitId: fc.constantFrom(UNIT_BA_DINH, UNIT_BA_DINH, UNIT_BA_DINH, UNIT_DONG_ANH, randomUUID()),
			baseVersion: fc.constantFrom(0, 0, 0, null, 1, -1, 2 ** 31 - 1, 2 ** 31, 1.5),
			contentHash: fc.constantFrom('a'.repeat(64), 'a'.repeat(64), 'not a hash', '\u0000'),
			// The device stamps createdAt itself (toISOString); the odd ones stand for a corrupted row.
			createdAt: fc.constantFrom(NOW, NOW, NOW, '2025-02-30T00:00:00Z', 'yesterday', '0000-01-01T00:00:00Z')
		});
		let accepted = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(story, async (s) => {
				const id = randomUUID();
				written.push(id);
				const row: Story = { id, unitId: s.unitId, content: s.content, status: 'draft', reviewNote: null, revision: 0, createdAt: s.createdAt, updatedAt: s.createdAt };
				const zodValid =
					storyContentSchema.safeParse(s.content).success && s.unitId === UNIT_BA_DINH && s.baseVersion === 0 && s.contentHash.length === 64 && s.createdAt === NOW;
				try {
					const acks = await api.upsertStories([{ story: row, contentHash: s.contentHash, baseVersion: s.baseVersion }]);
					accepted++;
					expect(acks.map((a) => a.id)).toEqual([id]);
				} catch (error) {
					refused++;
					expect(zodValid, `zod accepts what the database refused: ${String(error)}`).toBe(false);
					expectClassified4xx(error, JSON.stringify(s).slice(0, 300));
				}
			}),
			{ numRuns: 200, seed: SEED }
		);
		// Both answers were exercised, or the property proved little.
		expect(accepted).toBeGreaterThan(0);
		expect(refused).toBeGreaterThan(0);
	}, 120_000);
});

describe('fuzzing the public search against the real stack', () => {
	const meta = fc.array(fc.constantFrom('&', '|', '!', '(', ')', ':', '*', '\\', "'", '%', '_', '<->', ' ', 'a', 'hoa', 'Người', ':*', '"'), { maxLength: 20 }).map((a) => a.join(''));
	const text = fc.oneof(meta, hostileText);

	it('search_public_stories answers any text and filters with rows or a 4xx, never a 5xx', async () => {
		const anon = anonClient();
		const args = fc.record(
			{
				p_query: fc.oneof(text, fc.constant(null)),
				p_kind: fc.oneof(fc.constantFrom('good_deed', 'exemplary_model', null), hostileText),
				p_unit: fc.oneof(fc.uuid(), fc.constantFrom(UNIT_BA_DINH, null, 'not-a-uuid', ''), hostileText),
				p_movement: fc.oneof(fc.uuid(), fc.constant(null), hostileText),
				p_year: fc.oneof(fc.integer({ min: 1990, max: 2110 }), fc.constantFrom(null, 0, -1, 2 ** 31 - 1, 2 ** 31, 1.5)),
				p_limit: fc.constantFrom(12, 0, -1, 48, 49, 2 ** 31 - 1, 2 ** 31),
				p_offset: fc.constantFrom(0, 12, -12, 12_000, 2 ** 31 - 1, 2 ** 31)
			},
			{ requiredKeys: [] }
		);
		await fc.assert(
			fc.asyncProperty(args, async (a) => {
				const { error, status } = await anon.rpc('search_public_stories', a as Record<string, unknown>);
				expect(status, `${JSON.stringify(a).slice(0, 300)} → ${error?.code} ${error?.message}`).toBeLessThan(500);
				if (error) expect(status).toBeGreaterThanOrEqual(400);
			}),
			{ numRuns: 200, seed: SEED }
		);
		const facets = await anon.rpc('gallery_facets');
		expect(facets.error).toBeNull();
	}, 120_000);

	it('answers what the gallery page sends for any address without an error (it would show 503)', async () => {
		const anon = anonClient();
		const value = fc.oneof(text, fc.uuid(), fc.constantFrom('2026', '0', '-1', '1001', 'good_deed'), fc.string({ unit: 'binary', maxLength: 300 }));
		const address = fc.record({ q: value, kind: value, unit: value, movement: value, year: value, page: value }, { requiredKeys: [] });
		await fc.assert(
			fc.asyncProperty(address, async (params) => {
				const q = parseGalleryQuery(new URLSearchParams(params));
				// Exactly searchPublishedStories's request (src/lib/server/gallery.ts).
				const { error, status } = await anon.rpc('search_public_stories', {
					p_query: q.q ?? undefined,
					p_kind: q.kind ?? undefined,
					p_unit: q.unit ?? undefined,
					p_movement: q.movement ?? undefined,
					p_year: q.year ?? undefined,
					p_limit: GALLERY_PAGE_SIZE,
					p_offset: (q.page - 1) * GALLERY_PAGE_SIZE
				});
				expect(error, `${JSON.stringify(params).slice(0, 300)} → ${status}`).toBeNull();
			}),
			{ numRuns: 150, seed: SEED }
		);
	}, 120_000);
});
