// Award nominations (20261125001200_nominations.sql) through supabase-js, PostgREST and Postgres as real signed-in
// people: the catalogue, nominations from stories, dossier files in Storage, the workflow with its returns, the
// double-award rule, deadlines, required documents, the council's vote with its threshold and conflict flag, the
// decision, and the audit trail. Writes go to a world made for this file (removed afterwards); the seeded plan's
// year-end deadline is moved for one test and put back.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, md5uuid, newStoryRow, serviceClient } from './helpers';
import { createCluster, createPerson, createUnit, hanoiYear, must, signIn } from './permission-world';

const Y = hanoiYear();
const service = serviceClient();
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Result = { data: unknown; error: { code?: string; message: string; hint?: string | null } | null };
function expectDenied(r: Result, what: string) {
	const rows = Array.isArray(r.data) ? r.data.length : r.data == null ? 0 : 1;
	expect(r.error !== null || rows === 0, `${what}: ${JSON.stringify(r.data)}`).toBe(true);
}

const units = {} as Record<'A' | 'B' | 'D', string>;
const clusters = {} as Record<'K1' | 'K2', string>;
type Who = 'officerA' | 'officerB' | 'officerD' | 'reporterB' | 'lead' | 'admin' | 'council1' | 'council2' | 'council3';
const ids = {} as Record<Who, string>;
const as = {} as Record<Who, SupabaseClient>;
const people: string[] = [];
const forms = {} as Record<'kncc' | 'bkTw' | 'bkTp' | 'flag' | 'giayKhen', string>;
let storyB: string;

async function person(key: Who, memberships: { role: string; unit_id?: string; cluster_id?: string }[]) {
	const userId = await createPerson(service, `nom-${key}`, `Người thử ${key}`);
	people.push(userId);
	ids[key] = userId;
	for (const m of memberships) await must(service.from('membership').insert({ user_id: userId, year: Y, ...m }), `membership ${key}`);
	as[key] = await signIn(userId, service);
}

/** A nomination row of unit B, blank, as the officer's form sends it. */
function blank(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: randomUUID(),
		year: Y,
		unit_id: units.B,
		award_form_id: forms.giayKhen,
		occasion: 'ad_hoc',
		nominee_kind: 'individual',
		nominee_name: `Bà Nguyễn Thị Thử ${randomUUID().slice(0, 6)}`,
		nominee_position: 'Tổ trưởng tổ dân phố 3',
		achievements: 'Vận động bà con góp 200 triệu đồng xây cầu dân sinh cho khu dân cư.',
		...overrides
	};
}

async function nomination(id: string): Promise<Record<string, unknown>> {
	return must(service.from('nomination').select('*').eq('id', id).single(), `nomination ${id}`) as Promise<Record<string, unknown>>;
}

async function attach(client: SupabaseClient, n: { id: string; unit_id: string }, kind: string): Promise<Result> {
	const path = `${n.unit_id}/${n.id}/${randomUUID()}.pdf`;
	const up = await client.storage.from('dossiers').upload(path, PDF, { contentType: 'application/pdf' });
	if (up.error) return { data: null, error: { message: up.error.message } };
	return client.from('dossier_file').insert({
		nomination_id: n.id, document_kind: kind, storage_path: path, file_name: `${kind}.pdf`, content_type: 'application/pdf', byte_size: PDF.byteLength
	});
}

async function events(id: string) {
	const { data, error } = await service.from('nomination_event').select('*').eq('nomination_id', id).order('id');
	if (error) throw new Error(error.message);
	return data as { action: string; from_status: string | null; to_status: string | null; changes: Record<string, unknown>; reason: string | null; actor_id: string | null; actor_name: string | null }[];
}

beforeAll(async () => {
	for (const u of ['A', 'B', 'D'] as const) units[u] = await createUnit(service, `nom-${u.toLowerCase()}`);
	clusters.K1 = await createCluster(service, Y, `Cụm thử đề nghị 1 ${randomUUID().slice(0, 6)}`, [units.A, units.B]);
	clusters.K2 = await createCluster(service, Y, `Cụm thử đề nghị 2 ${randomUUID().slice(0, 6)}`, [units.D]);
	await person('officerA', [{ role: 'unit_officer', unit_id: units.A }]);
	await person('officerB', [{ role: 'unit_officer', unit_id: units.B }]);
	await person('officerD', [{ role: 'unit_officer', unit_id: units.D }]);
	await person('reporterB', [{ role: 'reporter', unit_id: units.B }]);
	await person('lead', [{ role: 'cluster_lead', cluster_id: clusters.K1, unit_id: units.A }]);
	await person('admin', [{ role: 'city_admin' }]);
	await person('council1', [{ role: 'council_member' }]);
	// A council member who is also a reporter of unit B: a conflict of interest on B's nominations.
	await person('council2', [{ role: 'council_member' }, { role: 'reporter', unit_id: units.B }]);
	await person('council3', [{ role: 'council_member' }]);
	forms.kncc = md5uuid('award:kncc_dai_doan_ket');
	forms.bkTw = md5uuid('award:bang_khen_tw_mttq');
	forms.bkTp = md5uuid('award:bang_khen_ubnd_tp');
	forms.flag = md5uuid('award:co_thi_dua_tw_mttq');
	forms.giayKhen = md5uuid('award:giay_khen_btt_mttq_tp');
	const story = newStoryRow(units.B, {
		author_id: ids.reporterB, status: 'published', published_at: new Date().toISOString(),
		title: 'Chị Lê Thị Thử cứu hai em nhỏ đuối nước', subject_name: 'Chị Lê Thị Thử'
	});
	storyB = story.id as string;
	await must(service.from('story').insert(story), 'published story of B');
}, 120_000);

afterAll(async () => {
	for (const c of Object.values(as)) await c.auth.signOut();
	const unitIds = Object.values(units);
	const failures: string[] = [];
	const run = async (what: string, p: PromiseLike<{ error: { message: string } | null }>) => {
		const { error } = await p;
		if (error) failures.push(`${what}: ${error.message}`);
	};
	const { data: objects } = await service.storage.from('dossiers').list(units.B, { limit: 1000 });
	for (const folder of objects ?? []) {
		const { data: files } = await service.storage.from('dossiers').list(`${units.B}/${folder.name}`);
		if (files?.length) await service.storage.from('dossiers').remove(files.map((f) => `${units.B}/${folder.name}/${f.name}`));
	}
	await run('nominations', service.from('nomination').delete().in('unit_id', unitIds));
	await run('decisions', service.from('decision').delete().like('number', 'THU-%'));
	await run('story', service.from('story').delete().in('unit_id', unitIds));
	await run('memberships', service.from('membership').delete().in('user_id', people));
	await run('clusters', service.from('cluster').delete().in('id', Object.values(clusters)));
	await run('units', service.from('unit').delete().in('id', unitIds));
	for (const id of people) await run(`user ${id}`, service.auth.admin.deleteUser(id));
	expect(failures).toEqual([]);
}, 120_000);

describe('the catalogue of award forms', () => {
	it('is public, with official names, who proposes and what each occasion requires', async () => {
		const { data, error } = await anonClient().from('award_form').select('code, name, proposers, requirements').order('position');
		expect(error).toBeNull();
		const byCode = new Map((data ?? []).map((f) => [f.code, f]));
		expect(byCode.get('kncc_dai_doan_ket')?.name).toBe('Kỷ niệm chương "Vì sự nghiệp Đại đoàn kết dân tộc"');
		expect(byCode.get('co_thi_dua_tw_mttq')?.proposers).toEqual(['cluster']);
		expect(byCode.get('bang_khen_tw_mttq')?.requirements).toEqual({
			year_end: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban_xet'], ad_hoc: ['to_trinh', 'bao_cao_thanh_tich']
		});
	});

	it("takes its deadlines from this year's plan: 24/03 for the Kỷ niệm chương, 10/11 for the year-end dossiers, none ad hoc", async () => {
		const deadline = async (occasion: string) => (await as.officerB.rpc('nomination_deadline', { p_year: Y, p_occasion: occasion })).data;
		expect(await deadline('kncc')).toBe(`${Y}-03-24`);
		expect(await deadline('year_end')).toBe(`${Y}-11-10`);
		expect(await deadline('ad_hoc')).toBeNull();
	});

	it('only city admins change it', async () => {
		expectDenied(await as.officerB.from('award_form').update({ name: 'Bằng khen sửa trái phép' }).eq('id', forms.bkTp).select(), 'officer edits a form');
		const before = await must(service.from('award_form').select('name').eq('id', forms.bkTp).single(), 'form');
		const r = await as.admin.from('award_form').update({ name: (before as { name: string }).name }).eq('id', forms.bkTp).select();
		expect(r.error).toBeNull();
		expect(r.data).toHaveLength(1);
	});
});

describe('starting a nomination', () => {
	it("from a published story: the story's text, photos and history are the server's copy (clients cannot send one)", async () => {
		expect((await as.officerB.from('nomination').insert(blank({ source_story_id: storyB, story_snapshot: { title: 'giả mạo' } }))).error).not.toBeNull();
		const row = blank({ source_story_id: storyB, nominee_name: 'Chị Lê Thị Thử', award_form_id: forms.bkTp });
		const { data, error } = await as.officerB.from('nomination').insert(row).select().single();
		expect(error).toBeNull();
		expect(data.status).toBe('draft');
		expect(data.code).toMatch(new RegExp(`^ĐN-${Y}-\\d{4}$`));
		expect(data.story_snapshot.title).toBe('Chị Lê Thị Thử cứu hai em nhỏ đuối nước');
		expect(data.story_snapshot.photos).toEqual([]);
		expect(data.story_snapshot.published_at).not.toBeNull();
		expect(data.created_by).toBe(ids.officerB);
		await service.from('nomination').delete().eq('id', row.id as string);
	});

	it("refuses another unit's story, an unpublished story, another unit, a form the unit may not propose, a wrong nominee kind", async () => {
		const draft = newStoryRow(units.B, { author_id: ids.reporterB, status: 'submitted' });
		await must(service.from('story').insert(draft), 'submitted story');
		const r1 = await as.officerB.from('nomination').insert(blank({ source_story_id: draft.id })).select();
		expect(r1.error?.message).toContain('câu chuyện đã công bố');
		const r2 = await as.officerD.from('nomination').insert(blank({ unit_id: units.D, source_story_id: storyB })).select();
		expect(r2.error?.message).toContain('không thuộc đơn vị');
		expectDenied(await as.officerA.from('nomination').insert(blank()).select(), 'officer A nominates for B');
		expectDenied(await as.reporterB.from('nomination').insert(blank()).select(), 'a reporter nominates');
		const r3 = await as.officerB.from('nomination').insert(blank({ award_form_id: forms.flag, occasion: 'year_end', nominee_kind: 'collective', nominee_name: 'Phường thử B' })).select();
		expect(r3.error?.message).toContain('do Cụm thi đua đề nghị');
		const r4 = await as.officerB.from('nomination').insert(blank({ award_form_id: forms.kncc, occasion: 'kncc', nominee_kind: 'collective' })).select();
		expect(r4.error?.message).toContain('không dành cho tập thể');
		const r5 = await as.officerB.from('nomination').insert(blank({ award_form_id: forms.kncc, occasion: 'ad_hoc' })).select();
		expect(r5.error?.message).toContain('không được đề nghị vào dịp này');
	});

	it("the cluster lead proposes the cluster's flag for a member unit, not for his own; it skips the cluster's review", async () => {
		const flag = { award_form_id: forms.flag, occasion: 'year_end', nominee_kind: 'collective', nominee_position: null, proposed_by_cluster: true };
		expect((await as.lead.from('nomination').insert(blank({ ...flag, unit_id: units.A, nominee_name: 'Phường thử A' })).select()).error).not.toBeNull();
		const row = blank({ ...flag, nominee_name: 'Ủy ban MTTQ phường thử B' });
		const { error } = await as.lead.from('nomination').insert(row).select().single();
		expect(error).toBeNull();
		// The unit's own officer does not edit the cluster's proposal.
		expectDenied(await as.officerB.from('nomination').update({ achievements: 'Sửa của đơn vị' }).eq('id', row.id as string).select(), 'officer edits cluster proposal');
		await service.from('nomination').delete().eq('id', row.id as string);
	});
});

describe('the rules the database enforces on submission', () => {
	it('required documents: the message names what is missing; Storage takes PDF and images of this dossier only', async () => {
		const row = blank();
		const n = await must(as.officerB.from('nomination').insert(row).select().single(), 'draft') as { id: string; unit_id: string };
		const r1 = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select();
		expect(r1.error?.message).toBe('Hồ sơ còn thiếu tài liệu bắt buộc: to_trinh, bao_cao_thanh_tich');
		expect(r1.error?.hint).toBe('documents');
		expect((await attach(as.officerB, n, 'to_trinh')).error).toBeNull();
		// Another unit's officer cannot put a file into this dossier; an HTML file is not a dossier file.
		expect((await attach(as.officerA, n, 'bao_cao_thanh_tich')).error).not.toBeNull();
		const html = await as.officerB.storage.from('dossiers').upload(`${n.unit_id}/${n.id}/${randomUUID()}.pdf`, new TextEncoder().encode('<script>'), { contentType: 'text/html' });
		expect(html.error).not.toBeNull();
		const r2 = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select();
		expect(r2.error?.message).toBe('Hồ sơ còn thiếu tài liệu bắt buộc: bao_cao_thanh_tich');
		expect((await attach(as.officerB, n, 'bao_cao_thanh_tich')).error).toBeNull();
		const r3 = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select().single();
		expect(r3.error).toBeNull();
		expect(r3.data.status).toBe('submitted');
		// Once sent, the dossier is closed to changes until it comes back.
		expect((await attach(as.officerB, n, 'khac')).error).not.toBeNull();
		await service.from('nomination').delete().eq('id', n.id);
	});

	it('the deadline: a first submission after local midnight of the due date is refused; the city moves the date to extend', async () => {
		const milestone = await must(
			service.from('milestone').select('id, due_on, plan!inner(year, status)').eq('code', 'award_dossiers').eq('plan.year', Y).eq('plan.status', 'published').single(),
			'year-end milestone'
		) as { id: string; due_on: string };
		const hanoiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
		try {
			await must(service.from('milestone').update({ due_on: hanoiToday }).eq('id', milestone.id), 'deadline today');
			const n = await must(as.officerB.from('nomination').insert(blank({ award_form_id: forms.giayKhen, occasion: 'year_end' })).select().single(), 'year-end draft') as { id: string; unit_id: string };
			await attach(as.officerB, n, 'to_trinh');
			await attach(as.officerB, n, 'bao_cao_thanh_tich');
			const late = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select();
			const [y, m, d] = hanoiToday.split('-');
			expect(late.error?.message).toBe(`Đã quá hạn nộp hồ sơ (trước ngày ${d}/${m}/${y})`);
			expect(late.error?.hint).toBe('deadline');
			await must(service.from('milestone').update({ due_on: `${Y + 1}-01-15` }).eq('id', milestone.id), 'extended');
			const ok = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select().single();
			expect(ok.error).toBeNull();
			// Returned for fixing after the deadline has passed again, it may still come back.
			await must(service.from('milestone').update({ due_on: hanoiToday }).eq('id', milestone.id), 'deadline passed again');
			await must(as.admin.from('nomination').update({ status: 'returned', return_reason: 'Bổ sung số liệu' }).eq('id', n.id).select().single(), 'returned');
			const again = await as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select().single();
			expect(again.error).toBeNull();
			await service.from('nomination').delete().eq('id', n.id);
		} finally {
			await must(service.from('milestone').update({ due_on: milestone.due_on }).eq('id', milestone.id), 'deadline restored');
		}
	});

	it('no second award for the same achievement: the same story, or the same nominee for the same year, whatever the spelling', async () => {
		const first = await must(as.officerB.from('nomination').insert(blank({ source_story_id: storyB, nominee_name: 'Chị Lê Thị Thử', award_form_id: forms.bkTp })).select().single(), 'first') as { id: string; code: string };
		const again = await as.officerB.from('nomination').insert(blank({ source_story_id: storyB, nominee_name: 'Chị Lê Thị Thử', award_form_id: forms.bkTw })).select();
		expect(again.error?.code).toBe('23505');
		expect(again.error?.message).toBe(`Thành tích này đã được đề nghị khen thưởng trong hồ sơ ${first.code}`);
		expect(again.error?.hint).toBe('double_award');

		const yearEnd = { award_form_id: forms.giayKhen, occasion: 'year_end', nominee_birth_year: 1970 };
		const a = await must(as.officerB.from('nomination').insert(blank({ ...yearEnd, nominee_name: 'Ông Đặng Văn Đức' })).select().single(), 'year-end') as { id: string; code: string };
		const b = await as.officerB.from('nomination').insert(blank({ ...yearEnd, award_form_id: forms.bkTp, nominee_name: '  ông dang van  duc ' })).select();
		expect(b.error?.message).toBe(`Thành tích này đã được đề nghị khen thưởng trong hồ sơ ${a.code}`);
		// Withdrawn, the achievement is free again.
		await must(as.officerB.from('nomination').update({ status: 'withdrawn' }).eq('id', a.id).select().single(), 'withdrawn');
		const c = await as.officerB.from('nomination').insert(blank({ ...yearEnd, award_form_id: forms.bkTp, nominee_name: 'Ông Đặng Văn Đức' })).select().single();
		expect(c.error).toBeNull();
		// The unique index stands behind the trigger, for writers the trigger does not judge (the service role).
		const d = await service.from('nomination').insert(blank({ ...yearEnd, nominee_name: 'ông đặng văn đức' }));
		expect(d.error?.code).toBe('23505');
		await service.from('nomination').delete().in('id', [first.id, a.id, c.data!.id]);
	});
});

describe('the workflow, with a return, the vote and the decision', () => {
	let n: { id: string; unit_id: string; code: string };

	it('the unit submits; the cluster lead reviews (not his own unit); nobody skips a step', async () => {
		n = await must(as.officerB.from('nomination').insert(blank({ source_story_id: storyB, nominee_name: 'Chị Lê Thị Thử', award_form_id: forms.bkTp })).select().single(), 'draft') as typeof n;
		await attach(as.officerB, n, 'to_trinh');
		await attach(as.officerB, n, 'bao_cao_thanh_tich');
		expectDenied(await as.lead.from('nomination').select('id').eq('id', n.id), 'the lead reads a draft');
		await must(as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select().single(), 'submitted');
		// The officer does not review his own submission; the council sees nothing yet; unit D does not see it.
		expect((await as.officerB.from('nomination').update({ status: 'cluster_reviewed' }).eq('id', n.id).select()).error).not.toBeNull();
		expectDenied(await as.council1.from('nomination').select('id').eq('id', n.id), 'council before appraisal');
		expectDenied(await as.officerD.from('nomination').select('id').eq('id', n.id), 'another unit');
		expect((await as.admin.from('nomination').update({ status: 'appraised' }).eq('id', n.id).select()).error).not.toBeNull();
		const reviewed = await as.lead.from('nomination').update({ status: 'cluster_reviewed' }).eq('id', n.id).select().single();
		expect(reviewed.error).toBeNull();
		expect(reviewed.data.cluster_reviewed_by).toBe(ids.lead);
	});

	it('the city appraises against the checklist: "passed" needs every check; a failed check returns it with the reason', async () => {
		const bad = await as.admin.from('appraisal').insert({ nomination_id: n.id, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: false, outcome: 'passed' });
		expect(bad.error).not.toBeNull();
		expect((await as.admin.from('nomination').update({ status: 'appraised' }).eq('id', n.id).select()).error?.message).toContain('phiếu thẩm định');
		expectDenied(await as.council1.from('appraisal').insert({ nomination_id: n.id, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: true, outcome: 'passed' }).select(), 'council appraises');
		const returned = await as.admin.from('appraisal').insert({
			nomination_id: n.id, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: false,
			outcome: 'returned', note: 'Báo cáo thành tích chưa có xác nhận của chính quyền địa phương.'
		});
		expect(returned.error).toBeNull();
		const row = await nomination(n.id);
		expect(row.status).toBe('returned');
		expect(row.returned_from).toBe('cluster_reviewed');
		expect(row.return_reason).toBe('Báo cáo thành tích chưa có xác nhận của chính quyền địa phương.');
		expect(row.returned_by).toBe(ids.admin);
	});

	it('the unit fixes and resubmits: back to the city, and the history keeps every step, old → new, with the reason', async () => {
		expect((await as.officerB.from('nomination').update({ return_reason: 'xoá lý do' }).eq('id', n.id).select()).error).not.toBeNull();
		const fixed = 'Cứu hai em nhỏ đuối nước ở hồ điều hòa; có xác nhận của UBND phường (bổ sung).';
		await must(as.officerB.from('nomination').update({ achievements: fixed }).eq('id', n.id).select().single(), 'fixed');
		await attach(as.officerB, n, 'khac');
		const back = await must(as.officerB.from('nomination').update({ status: 'submitted' }).eq('id', n.id).select().single(), 'resubmitted') as { status: string };
		expect(back.status).toBe('cluster_reviewed');

		const trail = await events(n.id);
		expect(trail.map((e) => e.action)).toEqual([
			'created', 'file_added', 'file_added', 'submitted', 'cluster_reviewed', 'returned', 'appraised', 'edited', 'file_added', 'submitted'
		]);
		const returnedEvent = trail.find((e) => e.action === 'returned')!;
		expect(returnedEvent).toMatchObject({ from_status: 'cluster_reviewed', to_status: 'returned', actor_id: ids.admin, actor_name: 'Người thử admin' });
		expect(returnedEvent.reason).toBe('Báo cáo thành tích chưa có xác nhận của chính quyền địa phương.');
		expect(trail.find((e) => e.action === 'appraised')!.changes).toMatchObject({ documents_ok: false, outcome: 'returned' });
		const edited = trail.find((e) => e.action === 'edited')!;
		expect(edited.changes).toEqual({ achievements: { old: 'Vận động bà con góp 200 triệu đồng xây cầu dân sinh cho khu dân cư.', new: fixed } });
		expect(edited.actor_id).toBe(ids.officerB);
		// The first appraisal stays on record beside the next.
		const { data: appraisals } = await as.admin.from('appraisal').select('outcome').eq('nomination_id', n.id);
		expect(appraisals).toEqual([{ outcome: 'returned' }]);
	});

	it('the trail is readable by the city and the council, never by the unit, and never written by anyone', async () => {
		expect((await as.admin.from('nomination_event').select('id').eq('nomination_id', n.id)).data?.length).toBeGreaterThan(5);
		expectDenied(await as.officerB.from('nomination_event').select('id').eq('nomination_id', n.id), 'unit reads the trail');
		expectDenied(await as.admin.from('nomination_event').delete().eq('nomination_id', n.id).select(), 'admin deletes the trail');
		expectDenied(await as.admin.from('nomination_event').update({ reason: 'sửa' }).eq('nomination_id', n.id).select(), 'admin rewrites the trail');
		expect((await as.admin.from('nomination_event').insert({ nomination_id: n.id, action: 'edited' })).error).not.toBeNull();
	});

	it('appraised and put to the vote; members vote in the app, a member of the nominee\'s unit is flagged and not counted', async () => {
		await must(as.admin.from('appraisal').insert({ nomination_id: n.id, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: true, outcome: 'passed' }), 'passed');
		expect((await nomination(n.id)).status).toBe('appraised');
		expect((await as.council1.from('nomination').select('id').eq('id', n.id)).data).toHaveLength(1);
		expect((await as.council1.from('council_vote').insert({ nomination_id: n.id, vote: 'approve' })).error?.message).toContain('chưa được đưa ra bình xét');
		await must(as.admin.from('nomination').update({ status: 'voting' }).eq('id', n.id).select().single(), 'voting');
		expect((await as.officerB.from('council_vote').insert({ nomination_id: n.id, vote: 'approve' })).error).not.toBeNull();
		await must(as.council1.from('council_vote').insert({ nomination_id: n.id, vote: 'reject' }), 'vote 1');
		// A changed vote is the member's own, and logged once even as an upsert.
		await must(as.council1.from('council_vote').upsert({ nomination_id: n.id, voter_id: ids.council1, vote: 'approve' }), 'vote 1 changed');
		await must(as.council2.from('council_vote').insert({ nomination_id: n.id, vote: 'approve' }), 'vote 2 (conflict)');
		// Nobody votes in another's name.
		expect((await as.council3.from('council_vote').insert({ nomination_id: n.id, voter_id: ids.council1, vote: 'reject' })).error).not.toBeNull();
		const { data: votes } = await as.admin.from('council_vote').select('voter_id, vote, conflict_of_interest').eq('nomination_id', n.id);
		expect(votes).toContainEqual({ voter_id: ids.council2, vote: 'approve', conflict_of_interest: true });
		expect(votes).toContainEqual({ voter_id: ids.council1, vote: 'approve', conflict_of_interest: false });
		const voted = (await events(n.id)).filter((e) => e.action === 'voted' && e.actor_id === ids.council1);
		expect(voted.map((e) => e.changes.vote)).toEqual([{ old: null, new: 'reject' }, { old: 'reject', new: 'approve' }]);
	});

	it('the tally follows the threshold; the decision records the outcome the tally gives, never another', async () => {
		const { count: members } = await service.from('membership').select('user_id', { count: 'exact', head: true }).eq('role', 'council_member').eq('year', Y);
		expect((await as.officerB.rpc('nomination_tally', { p_nomination: n.id })).error).not.toBeNull();
		const tally = async () => (await must(as.council3.rpc('nomination_tally', { p_nomination: n.id }).single(), 'tally')) as Record<string, number | boolean>;
		let t = await tally();
		expect(t).toMatchObject({ members, conflicted: 1, eligible: members! - 1, approve: 1, reject: 0, conflicted_votes: 1, threshold_percent: 50 });
		expect(t.needed).toBe(Math.floor(((members! - 1) * 50) / 100) + 1);
		await must(as.council3.from('council_vote').insert({ nomination_id: n.id, vote: 'approve' }), 'vote 3');
		t = await tally();
		expect(t.approve).toBe(2);

		// With a threshold of 99 %, two approvals of (members − 1) are not enough unless the council is tiny.
		await must(as.admin.from('council_setting').upsert({ year: Y, threshold_percent: 99 }), 'threshold 99');
		t = await tally();
		expect(t.passes).toBe(2 >= (t.needed as number));
		const decisionOk = await must(as.admin.from('decision').insert({ year: Y, kind: 'award', number: `THU-${randomUUID().slice(0, 6)}`, signed_on: `${Y}-12-01`, title: 'Quyết định thử' }).select('id').single(), 'decision') as { id: string };
		const forced = await as.admin.from('nomination').update({ status: t.passes ? 'not_approved' : 'approved', decision_id: decisionOk.id }).eq('id', n.id).select();
		expect(forced.error?.message).toContain('Kết quả phải theo kết quả biểu quyết');
		await must(as.admin.from('council_setting').upsert({ year: Y, threshold_percent: 50 }), 'threshold 50');
		t = await tally();

		expect((await as.council1.rpc('decide_nominations', { p_ids: [n.id], p_number: `THU-${randomUUID().slice(0, 6)}`, p_signed_on: `${Y}-12-05`, p_title: 'Không có quyền' })).error).not.toBeNull();
		const number = `THU-${randomUUID().slice(0, 6)}/QĐ-MTTQ`;
		const decided = await as.admin.rpc('decide_nominations', { p_ids: [n.id], p_number: number, p_signed_on: `${Y}-12-05`, p_title: 'Quyết định khen thưởng đột xuất' });
		expect(decided.error).toBeNull();
		const row = await nomination(n.id);
		expect(row.status).toBe(t.passes ? 'approved' : 'not_approved');
		expect(row.decision_id).toBe(decided.data);
		expect((await events(n.id)).at(-1)).toMatchObject({ action: row.status, from_status: 'voting', actor_id: ids.admin });
		// Decided is final: nothing moves it, and the story cannot be nominated again.
		expect((await as.admin.from('nomination').update({ status: 'returned', return_reason: 'Xem lại' }).eq('id', n.id).select()).error).not.toBeNull();
		if (row.status === 'approved') {
			const twice = await as.officerB.from('nomination').insert(blank({ source_story_id: storyB, nominee_name: 'Chị Lê Thị Thử', award_form_id: forms.bkTw })).select();
			expect(twice.error?.hint).toBe('double_award');
		}
	});
});
