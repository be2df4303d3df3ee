// Shared helpers for database tests: real supabase-js clients against the embedded stack (env set by
// tests/stack-setup.ts or tests/run-all.ts), signed in as the seeded demo accounts of each role.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createHash, randomUUID } from 'node:crypto';
import WebSocket from 'ws';

export const DEMO_PASSWORD = 'ThiDua@2026';

/** Postgres's md5(text)::uuid, as the seed names its rows. */
export const md5uuid = (text: string): string =>
	createHash('md5').update(text, 'utf8').digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
export const UNIT_BA_DINH = '11111111-1111-4111-8111-000000000001';
export const UNIT_DONG_ANH = '11111111-1111-4111-8111-000000000002';

export const demo = {
	reporterBaDinh: 'phongvien.badinh@thidua.test',
	reporter2BaDinh: 'phongvien2.badinh@thidua.test',
	reporterDongAnh: 'phongvien.donganh@thidua.test',
	officerBaDinh: 'canbo.badinh@thidua.test',
	officerDongAnh: 'canbo.donganh@thidua.test',
	cityAdmin: 'thanhpho@thidua.test'
} as const;

/** Seeded stories: a submitted one in Ba Đình (by reporter 2) and a verified one in Đông Anh. */
export const SEED_SUBMITTED_BA_DINH = '5eed0000-0000-4000-8000-000000000004';
export const SEED_VERIFIED_DONG_ANH = '5eed0000-0000-4000-8000-000000000005';
export const SEED_PUBLISHED_BA_DINH = '5eed0000-0000-4000-8000-000000000001';

function env(name: string): string {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set: run through \`npm test\` or the stack globalSetup`);
	return v;
}

export function anonClient(): SupabaseClient {
	return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
		auth: { persistSession: false, autoRefreshToken: false },
		// Node 20 has no global WebSocket; supabase-js refuses to construct without one.
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

export function serviceClient(): SupabaseClient {
	return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

export async function signedIn(email: string): Promise<SupabaseClient> {
	const client = anonClient();
	const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
	return client;
}

/** A story row as the sync engine sends it (snake_case), with consent recorded unless told otherwise. */
export function newStoryRow(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: randomUUID(),
		unit_id: unitId,
		kind: 'good_deed',
		title: `Câu chuyện thử nghiệm ${randomUUID().slice(0, 8)}`,
		body: 'Nội dung câu chuyện thử nghiệm đủ dài để hợp lệ.',
		subject_name: 'Chị Nguyễn Thị Thử',
		subject_kind: 'person',
		subject_is_minor: false,
		occurred_on: '2026-10-01',
		address: 'Tổ dân phố 1',
		consent_given_by: 'Chị Nguyễn Thị Thử',
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status: 'submitted',
		...overrides
	};
}
