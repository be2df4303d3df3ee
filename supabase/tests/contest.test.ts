// The writing contest (20261125001500_writing_contest.sql) as real signed-in people: entries only while a contest is
// open, the author's own name never public, the review steps only for city admins, content untouched by reviewers,
// a returned entry fixed and sent again by its author only, and the public collection holding published entries only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, demo, serviceClient, signedIn } from './helpers';

const service = serviceClient();
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const contests = { open: randomUUID(), closed: randomUUID() };
const BODY = 'Bài viết kiểm tra về gương người tốt, việc tốt ở khu dân cư, đủ dài để hợp lệ theo thể lệ cuộc thi. '.repeat(3);
let author: SupabaseClient;
let other: SupabaseClient;
let admin: SupabaseClient;

beforeAll(async () => {
	const { error } = await service.from('contest').insert([
		{ id: contests.open, year, title: `Cuộc thi thử mở ${randomUUID().slice(0, 4)}`, opens_on: `${year}-01-01`, closes_on: `${year}-12-31`, status: 'open' },
		{ id: contests.closed, year, title: `Cuộc thi thử đóng ${randomUUID().slice(0, 4)}`, opens_on: `${year}-01-01`, closes_on: `${year}-01-02`, status: 'closed' }
	]);
	if (error) throw new Error(error.message);
	[author, other, admin] = await Promise.all([signedIn(demo.reporterBaDinh), signedIn(demo.reporterDongAnh), signedIn(demo.cityAdmin)]);
});
afterAll(async () => {
	await service.from('contest').delete().in('id', Object.values(contests));
});

const entry = (contestId: string) => ({ id: randomUUID(), contest_id: contestId, pen_name: 'Bút Thử', title: `Bài thử ${randomUUID().slice(0, 6)}`, body: BODY });

describe('the writing contest', () => {
	it('takes entries only while a contest is open, in the author’s own name', async () => {
		expect((await author.from('contest_entry').insert(entry(contests.closed)).select()).error?.message).toContain('không nhận bài');
		const e = entry(contests.open);
		const { data, error } = await author.from('contest_entry').insert(e).select('author_id, status').single();
		expect(error).toBeNull();
		expect(data!.status).toBe('submitted');
		// Another person sees nothing of it; a short text is refused.
		expect((await other.from('contest_entry').select('id').eq('id', e.id)).data).toEqual([]);
		expect((await author.from('contest_entry').insert({ ...entry(contests.open), body: 'Ngắn quá' })).error).not.toBeNull();
	});

	it('lets only city admins review, never change the text, and the author fix a returned entry', async () => {
		const e = entry(contests.open);
		await author.from('contest_entry').insert(e);
		expect((await author.from('contest_entry').update({ status: 'accepted' }).eq('id', e.id).select()).error).not.toBeNull();
		expect((await admin.from('contest_entry').update({ status: 'accepted', title: 'Sửa của ban tổ chức' }).eq('id', e.id).select()).error?.message).toContain('không sửa nội dung');
		expect((await admin.from('contest_entry').update({ status: 'returned' }).eq('id', e.id).select()).error).not.toBeNull();
		expect((await admin.from('contest_entry').update({ status: 'returned', review_note: 'Thêm nhân vật' }).eq('id', e.id).select()).error).toBeNull();
		expect((await author.from('contest_entry').update({ review_note: 'xoá' }).eq('id', e.id).select()).error).not.toBeNull();
		const fixed = await author.from('contest_entry').update({ body: `${BODY} Bổ sung nhân vật.`, status: 'submitted' }).eq('id', e.id).select('status').single();
		expect(fixed.data?.status).toBe('submitted');
		expect((await admin.from('contest_entry').update({ status: 'published' }).eq('id', e.id).select()).error).not.toBeNull();
		expect((await admin.from('contest_entry').update({ status: 'accepted' }).eq('id', e.id).select()).error).toBeNull();
		expect((await admin.from('contest_entry').update({ status: 'published' }).eq('id', e.id).select('published_at').single()).data?.published_at).not.toBeNull();

		// Public: the pen name and text, never the account.
		const pub = await anonClient().from('public_contest_entry').select('*').eq('id', e.id).single();
		expect(pub.data).toMatchObject({ pen_name: 'Bút Thử', title: e.title });
		expect(Object.keys(pub.data!)).not.toContain('author_id');
		expect((await anonClient().from('contest_entry').select('author_id').eq('id', e.id)).error).not.toBeNull();
		// A published entry cannot be deleted by its author; taken back, it leaves the collection.
		expect((await author.from('contest_entry').delete().eq('id', e.id).select()).data).toEqual([]);
		await admin.from('contest_entry').update({ status: 'accepted' }).eq('id', e.id);
		expect((await anonClient().from('public_contest_entry').select('id').eq('id', e.id)).data).toEqual([]);
	});
});
