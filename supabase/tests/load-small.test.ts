// Deadline day at test size (issue 10): 20 reporters of different units push 3 stories with 4 photos each at the same
// moment through the app's push steps (bench/load, the code `npm run bench:load` runs at N = 50, 200, 500), while
// two cluster leads poll the standings. Every story, photo row and object must arrive exactly once, with nothing
// lost, no duplicate and no orphan. The run's accounts, rows and objects are removed afterwards.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_PHOTO_BUCKET } from '$lib/domain/story';
import { createLoadPeople, ensureLoadUnits, removeLoadPeople, type LoadPeople } from '../../bench/load/load-people';
import { auditServer } from '../../bench/load/server-audit';
import { runWave } from '../../bench/load/wave';

const DEVICES = 20;
const LEADS = 2;
const shape = { storiesPerDevice: 3, photosPerDevice: 4, photoBytes: 2048, thumbBytes: 256 };

let sql: pg.Client;
let people: LoadPeople;

const admin = () =>
	createClient(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_SERVICE_ROLE_KEY ?? '', {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});

beforeAll(async () => {
	sql = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await sql.connect();
	people = await createLoadPeople(sql, { reporters: DEVICES, leads: LEADS, unitIds: await ensureLoadUnits(sql) });
});

afterAll(async () => {
	if (people) {
		await removeLoadPeople(sql, people, async (names) => {
			const { error } = await admin().storage.from(STORY_PHOTO_BUCKET).remove(names);
			if (error) throw error;
		});
	}
	await sql.end();
});

describe('deadline day at N = 20', () => {
	it('brings every story, photo row and object of 20 devices pushing at once exactly once', async () => {
		const wave = await runWave({
			apiUrl: process.env.SUPABASE_URL ?? '',
			anonKey: process.env.SUPABASE_ANON_KEY ?? '',
			people,
			shape,
			pushCapMs: 25_000,
			leadPollMs: 200
		});
		expect(wave.lost).toEqual([]);
		expect(wave.arrived).toBe(DEVICES * shape.storiesPerDevice);
		expect(new Set(people.reporters.map((r) => r.unitId)).size).toBeGreaterThan(5);
		expect(wave.leadStats.failures).toBe(0);
		expect(wave.leadStats.polls).toBeGreaterThan(0);

		const counts = await auditServer(sql, wave.expected, people.reporters.map((r) => r.userId));
		expect(counts.stories).toMatchObject({ expected: 60, rows: 60, distinct: 60, missing: 0, duplicates: 0, extraByRunAuthors: 0, notSubmitted: 0 });
		expect(counts.photoRows).toMatchObject({ expected: 80, rows: 80, distinct: 80, missing: 0, duplicates: 0, withoutObjects: 0 });
		expect(counts.objects).toMatchObject({ expected: 160, rows: 160, distinct: 160, missing: 0, duplicates: 0, orphans: 0 });
		expect(counts.exactlyOnce).toBe(true);
	});
});
