// Story workflow and row-level security, per role, through the real PostgREST and supabase-js: who may read,
// write, verify, return and publish which stories, and what anonymous readers can and cannot see.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	SEED_PUBLISHED_BA_DINH,
	SEED_SUBMITTED_BA_DINH,
	SEED_VERIFIED_DONG_ANH,
	UNIT_BA_DINH,
	UNIT_DONG_ANH,
	anonClient,
	demo,
	newStoryRow,
	signedIn
} from './helpers';

let reporter: SupabaseClient;
let reporter2: SupabaseClient;
let reporterOther: SupabaseClient;
let officer: SupabaseClient;
let officerOther: SupabaseClient;
let admin: SupabaseClient;

beforeAll(async () => {
	[reporter, reporter2, reporterOther, officer, officerOther, admin] = await Promise.all([
		signedIn(demo.reporterBaDinh),
		signedIn(demo.reporter2BaDinh),
		signedIn(demo.reporterDongAnh),
		signedIn(demo.officerBaDinh),
		signedIn(demo.officerDongAnh),
		signedIn(demo.cityAdmin)
	]);
});

async function submitAs(client: SupabaseClient, row: Record<string, unknown>) {
	const { data, error } = await client.from('story').insert(row).select().single();
	if (error) throw new Error(`submit failed: ${error.message}`);
	return data as Record<string, unknown>;
}

describe('anonymous readers', () => {
	it('see published stories through public_story, without personal data', async () => {
		const { data, error } = await anonClient().from('public_story').select('*');
		expect(error).toBeNull();
		expect(data!.map((s) => s.id)).toContain(SEED_PUBLISHED_BA_DINH);
		expect(data!.map((s) => s.id)).not.toContain(SEED_SUBMITTED_BA_DINH);
		for (const key of ['author_id', 'address', 'consent_given_by', 'reviewed_by']) {
			expect(Object.keys(data![0]!)).not.toContain(key);
		}
	});

	it('cannot read personal columns of the story table', async () => {
		const { error } = await anonClient().from('story').select('id, author_id, address');
		expect(error?.code).toBe('42501');
	});

	it('see only published rows of the story table', async () => {
		const { data, error } = await anonClient().from('story').select('id, status');
		expect(error).toBeNull();
		expect(data!.length).toBeGreaterThan(0);
		expect(data!.every((s) => s.status === 'published')).toBe(true);
	});

	it('cannot write a story', async () => {
		const { error } = await anonClient().from('story').insert(newStoryRow(UNIT_BA_DINH));
		expect(error?.code).toBe('42501');
	});

	it('cannot change a published story (0 rows, no effect)', async () => {
		const { data } = await anonClient().from('story').update({ title: 'Bị sửa' }).eq('id', SEED_PUBLISHED_BA_DINH).select();
		expect(data ?? []).toHaveLength(0);
		const { data: after } = await anonClient().from('story').select('title').eq('id', SEED_PUBLISHED_BA_DINH).single();
		expect(after!.title).not.toBe('Bị sửa');
	});
});

describe('reporters', () => {
	it('submit stories in their own unit; the server forces status "submitted" and the author', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH, { status: 'published' }));
		expect(row.status).toBe('submitted');
		expect(row.revision).toBe(1);
		expect(row.published_at).toBeNull();
	});

	it('cannot submit into another unit', async () => {
		const { error } = await reporter.from('story').insert(newStoryRow(UNIT_DONG_ANH));
		expect(error?.code).toBe('42501');
	});

	it("never see another reporter's unpublished story, in their unit or another", async () => {
		const mine = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		for (const other of [reporter2, reporterOther]) {
			const { data } = await other.from('story').select('id').eq('id', mine.id as string);
			expect(data).toHaveLength(0);
		}
		const { data: seeded } = await reporter.from('story').select('id').in('id', [SEED_SUBMITTED_BA_DINH, SEED_VERIFIED_DONG_ANH]);
		expect(seeded).toHaveLength(0);
	});

	it('replaying the same upsert is a no-op: one row, same revision', async () => {
		const row = newStoryRow(UNIT_BA_DINH);
		const first = await reporter.from('story').upsert(row, { onConflict: 'id' }).select().single();
		const again = await reporter.from('story').upsert(row, { onConflict: 'id' }).select().single();
		expect(first.error).toBeNull();
		expect(again.error).toBeNull();
		expect(again.data!.revision).toBe(first.data!.revision);
		const { count } = await reporter.from('story').select('id', { count: 'exact', head: true }).eq('id', row.id as string);
		expect(count).toBe(1);
	});

	it('edit their submitted story as a new revision, but cannot verify it themselves', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		const edited = await reporter.from('story').update({ title: 'Tiêu đề đã sửa lại' }).eq('id', row.id as string).select().single();
		expect(edited.error).toBeNull();
		expect(edited.data!.revision).toBe(2);
		const selfVerify = await reporter.from('story').update({ status: 'verified' }).eq('id', row.id as string).select();
		expect(selfVerify.error?.code).toBe('42501');
	});

	it("cannot change another reporter's story (0 rows)", async () => {
		const theirs = await submitAs(reporter2, newStoryRow(UNIT_BA_DINH));
		const { data, error } = await reporter.from('story').update({ title: 'Sửa trộm' }).eq('id', theirs.id as string).select();
		expect(error).toBeNull();
		expect(data).toHaveLength(0);
	});
});

describe('unit officers', () => {
	it("read their unit's submitted stories but not another unit's", async () => {
		const { data } = await officer.from('story').select('id').in('id', [SEED_SUBMITTED_BA_DINH, SEED_VERIFIED_DONG_ANH]);
		expect(data!.map((s) => s.id)).toEqual([SEED_SUBMITTED_BA_DINH]);
		const other = await officerOther.from('story').select('id').in('id', [SEED_SUBMITTED_BA_DINH, SEED_VERIFIED_DONG_ANH]);
		expect(other.data!.map((s) => s.id)).toEqual([SEED_VERIFIED_DONG_ANH]);
	});

	it('verify a story of their unit; reviewer and time are stamped by the server', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		const { data, error } = await officer.from('story').update({ status: 'verified' }).eq('id', row.id as string).select().single();
		expect(error).toBeNull();
		expect(data!.status).toBe('verified');
		expect(data!.reviewed_by).toBeTruthy();
		expect(data!.reviewed_at).toBeTruthy();
	});

	it('return a story only with a reason, and the author sees the reason and can resubmit', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		const noReason = await officer.from('story').update({ status: 'returned' }).eq('id', row.id as string).select();
		expect(noReason.error?.code).toBe('23514');

		const reason = 'Cần bổ sung ảnh rõ mặt và thời gian cụ thể';
		const returned = await officer.from('story').update({ status: 'returned', review_note: reason }).eq('id', row.id as string).select().single();
		expect(returned.error).toBeNull();

		const seen = await reporter.from('story').select('status, review_note').eq('id', row.id as string).single();
		expect(seen.data).toEqual({ status: 'returned', review_note: reason });

		const resubmitted = await reporter
			.from('story')
			.update({ status: 'submitted', body: 'Nội dung đã bổ sung thời gian cụ thể và ảnh.' })
			.eq('id', row.id as string)
			.select()
			.single();
		expect(resubmitted.error).toBeNull();
		expect(resubmitted.data!.status).toBe('submitted');
		expect(resubmitted.data!.revision).toBe(2);
	});

	it("cannot review another unit's story (0 rows)", async () => {
		const row = await submitAs(reporterOther, newStoryRow(UNIT_DONG_ANH));
		const { data, error } = await officer.from('story').update({ status: 'verified' }).eq('id', row.id as string).select();
		expect(error).toBeNull();
		expect(data).toHaveLength(0);
	});

	it('cannot publish, and cannot submit stories (not reporters)', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		await officer.from('story').update({ status: 'verified' }).eq('id', row.id as string).select().single();
		const publish = await officer.from('story').update({ status: 'published' }).eq('id', row.id as string).select();
		expect(publish.error !== null || publish.data?.length === 0).toBe(true);
		const insert = await officer.from('story').insert(newStoryRow(UNIT_BA_DINH));
		expect(insert.error?.code).toBe('42501');
	});
});

describe('city admins', () => {
	async function verifiedStory(overrides: Record<string, unknown> = {}) {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH, overrides));
		const v = await officer.from('story').update({ status: 'verified' }).eq('id', row.id as string).select().single();
		expect(v.error).toBeNull();
		return row.id as string;
	}

	it('publish a verified story with consent; anonymous readers then see it', async () => {
		const id = await verifiedStory();
		const { data, error } = await admin.from('story').update({ status: 'published' }).eq('id', id).select().single();
		expect(error).toBeNull();
		expect(data!.published_at).toBeTruthy();
		const pub = await anonClient().from('public_story').select('id').eq('id', id);
		expect(pub.data).toHaveLength(1);
	});

	it('cannot publish without recorded consent', async () => {
		const id = await verifiedStory({ consent_given_by: null, consent_method: null, consent_recorded_at: null });
		const { error } = await admin.from('story').update({ status: 'published' }).eq('id', id).select();
		expect(error?.code).toBe('23514');
	});

	it("cannot publish a child's story without a guardian's written consent", async () => {
		const id = await verifiedStory({ subject_is_minor: true, consent_method: 'verbal_recorded' });
		const { error } = await admin.from('story').update({ status: 'published' }).eq('id', id).select();
		expect(error?.code).toBe('23514');
	});

	it('cannot publish a story that no officer verified', async () => {
		const row = await submitAs(reporter, newStoryRow(UNIT_BA_DINH));
		const { error } = await admin.from('story').update({ status: 'published' }).eq('id', row.id as string).select();
		expect(error?.code).toBe('42501');
	});

	it('withdrawing consent takes a published story down at once', async () => {
		const id = await verifiedStory();
		await admin.from('story').update({ status: 'published' }).eq('id', id).select().single();
		const w = await officer.from('story').update({ consent_withdrawn_at: new Date().toISOString() }).eq('id', id).select().single();
		expect(w.error).toBeNull();
		expect(w.data!.status).toBe('withdrawn');
		const pub = await anonClient().from('public_story').select('id').eq('id', id);
		expect(pub.data).toHaveLength(0);
	});
});

describe('story photos in storage', () => {
	const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

	it("reporters upload into their unit's folder only", async () => {
		const ok = await reporter.storage
			.from('story-photos')
			.upload(`${UNIT_BA_DINH}/${crypto.randomUUID()}/${crypto.randomUUID()}.jpg`, jpeg, { contentType: 'image/jpeg' });
		expect(ok.error).toBeNull();
		const denied = await reporter.storage
			.from('story-photos')
			.upload(`${UNIT_DONG_ANH}/${crypto.randomUUID()}/${crypto.randomUUID()}.jpg`, jpeg, { contentType: 'image/jpeg' });
		expect(denied.error).not.toBeNull();
	});

	it('anonymous readers download photos of published stories only', async () => {
		const published = await anonClient().from('public_story_photo').select('storage_path').limit(1).single();
		const ok = await anonClient().storage.from('story-photos').download(published.data!.storage_path as string);
		expect(ok.error).toBeNull();
		expect(ok.data!.size).toBeGreaterThan(1000);

		const draftPath = `${UNIT_BA_DINH}/${crypto.randomUUID()}/${crypto.randomUUID()}.jpg`;
		await reporter.storage.from('story-photos').upload(draftPath, jpeg, { contentType: 'image/jpeg' });
		const hidden = await anonClient().storage.from('story-photos').download(draftPath);
		expect(hidden.error).not.toBeNull();
		const otherReporter = await reporterOther.storage.from('story-photos').download(draftPath);
		expect(otherReporter.error).not.toBeNull();
		const unitOfficer = await officer.storage.from('story-photos').download(draftPath);
		expect(unitOfficer.error).toBeNull();
	});

	it('refuses a type the bucket does not allow', async () => {
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		const { error } = await reporter.storage
			.from('story-photos')
			.upload(`${UNIT_BA_DINH}/${crypto.randomUUID()}/${crypto.randomUUID()}.jpg`, svg, { contentType: 'image/svg+xml' });
		expect(error).not.toBeNull();
	});
});
