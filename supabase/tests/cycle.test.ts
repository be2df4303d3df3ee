// The yearly emulation cycle (20261125000900_yearly_cycle.sql) through supabase-js, PostgREST and Postgres as real
// signed-in people: registrations and their review, covenants and signatures, copying a plan to next year, the
// progress view, calendar addresses, and milestones reported done. Writes go to a world made for this file (units,
// clusters, people and plan years of its own, removed afterwards); the seeded demo data is only read, except one
// registration of Phường Ba Đình that lives for one test (the end-to-end tests need Ba Đình unregistered).
import { createHash } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, demo, md5uuid, serviceClient, signedIn, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';
import { createCluster, createPerson, createUnit, hanoiYear, must, signIn } from './permission-world';

const Y = hanoiYear();
const service = serviceClient();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const UNIT_NGOC_HA = md5uuid('unit:phuong-ngoc-ha');
const SEED_CLUSTER_1 = '22222222-2222-4222-8222-000000000001';
const CLUSTER_LEAD_1 = 'cumtruong.cum1@thidua.test';
const ms = (iso: string | null | undefined) => (iso == null ? null : Date.parse(iso));
/** A server stamp: now, give or take the clock of this machine (the stack runs here). */
const isNow = (iso: string | null | undefined) => iso != null && Math.abs(Date.parse(iso) - Date.now()) < 60_000;

type Result = { data: unknown; error: { code?: string; message: string } | null };
/** Denied: refused outright, or it matched no row. */
function expectDenied(r: Result, what: string) {
	const rows = Array.isArray(r.data) ? r.data.length : r.data == null ? 0 : 1;
	expect(r.error !== null || rows === 0, `${what}: ${JSON.stringify(r.data)}`).toBe(true);
}

async function row(table: string, match: Record<string, string>): Promise<Record<string, unknown> | null> {
	const { data, error } = await service.from(table).select('*').match(match).maybeSingle();
	if (error) throw new Error(`read ${table}: ${error.message}`);
	return data as Record<string, unknown> | null;
}

async function rows(table: string, match: Record<string, string>): Promise<Record<string, unknown>[]> {
	const { data, error } = await service.from(table).select('*').match(match);
	if (error) throw new Error(`read ${table}: ${error.message}`);
	return data as Record<string, unknown>[];
}

// ---------------------------------------------------------------------------------------------------------------
// The world: cluster K1 = A (head; the lead's home unit), B, C; cluster K2 = D, E. One officer per unit, a reporter
// in B, the lead of K1, a city leader supervising K1, a city admin and a council member.
const units = {} as Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
const clusters = {} as Record<'K1' | 'K2', string>;
type Who = 'officerA' | 'officerB' | 'officerC' | 'officerD' | 'officerE' | 'reporterB' | 'lead' | 'leader' | 'admin' | 'council';
const ids = {} as Record<Who, string>;
const as = {} as Record<Who, SupabaseClient>;
const people: string[] = [];
const planYears = { reportPublished: 2005, reportDraft: 2006, copySource: 2096, copyTarget: 2097, copyRefused: 2098 };

async function person(key: Who, role: string, scope: { unit_id?: string; cluster_id?: string } = {}) {
	const userId = await createPerson(service, `cycle-${key}`, `Cán bộ thử ${key}`);
	people.push(userId);
	ids[key] = userId;
	await must(service.from('membership').insert({ user_id: userId, role, year: Y, ...scope }), `membership ${key}`);
	as[key] = await signIn(userId, service);
}

async function titleId(catalogueCode: string, code: string): Promise<string> {
	const { data, error } = await anonClient()
		.from('emulation_title')
		.select('id, catalogue_version!inner(code)')
		.eq('code', code)
		.eq('catalogue_version.code', catalogueCode)
		.single();
	if (error) throw new Error(`title ${code}: ${error.message}`);
	return (data as { id: string }).id;
}
const CATALOGUE_2024 = 'luat-tdkt-2022-nd-98-2023';
const CATALOGUE_2017 = 'luat-tdkt-2013-nd-91-2017';

beforeAll(async () => {
	for (const year of Object.values(planYears)) await service.from('plan').delete().eq('year', year);
	for (const u of ['A', 'B', 'C', 'D', 'E'] as const) units[u] = await createUnit(service, `cycle-${u.toLowerCase()}`);
	clusters.K1 = await createCluster(service, Y, 'Cụm thử chu kỳ 1', [units.A, units.B, units.C]);
	clusters.K2 = await createCluster(service, Y, 'Cụm thử chu kỳ 2', [units.D, units.E]);
	for (const u of ['A', 'B', 'C', 'D', 'E'] as const) await person(`officer${u}`, 'unit_officer', { unit_id: units[u] });
	await person('reporterB', 'reporter', { unit_id: units.B });
	await person('lead', 'cluster_lead', { cluster_id: clusters.K1, unit_id: units.A });
	await person('leader', 'city_leader');
	await must(service.from('cluster_leader_assignment').insert({ cluster_id: clusters.K1, user_id: ids.leader }), 'assign leader');
	await person('admin', 'city_admin');
	await person('council', 'council_member');
}, 120_000);

afterAll(async () => {
	for (const c of Object.values(as)) await c.auth.signOut();
	const unitIds = Object.values(units);
	const failures: string[] = [];
	const run = async (what: string, p: PromiseLike<{ error: { message: string } | null }>) => {
		const { error } = await p;
		if (error) failures.push(`${what}: ${error.message}`);
	};
	await run('registrations', service.from('registration').delete().in('unit_id', unitIds));
	await run('reports', service.from('milestone_report').delete().in('unit_id', unitIds));
	await run('covenants', service.from('covenant').delete().in('cluster_id', Object.values(clusters)));
	await run('plans', service.from('plan').delete().in('year', Object.values(planYears)));
	await run('memberships', service.from('membership').delete().in('user_id', people));
	await run('clusters', service.from('cluster').delete().in('id', Object.values(clusters)));
	await run('units', service.from('unit').delete().in('id', unitIds));
	for (const id of people) await run(`user ${id}`, service.auth.admin.deleteUser(id));
	expect(failures).toEqual([]);
}, 120_000);

// ---------------------------------------------------------------------------------------------------------------
describe('registration (đăng ký thi đua)', () => {
	let regB: string;
	let firstSubmittedAt: string;
	let collective2024: string;
	let individual2024: string;
	let collective2017: string;

	beforeAll(async () => {
		collective2024 = await titleId(CATALOGUE_2024, 'tap_the_ld_xuat_sac');
		individual2024 = await titleId(CATALOGUE_2024, 'chien_si_thi_dua_co_so');
		collective2017 = await titleId(CATALOGUE_2017, 'tap_the_ld_xuat_sac');
	});

	const titlesOf = async (id: string) =>
		(await rows('registration_title', { registration_id: id })).map((t) => [t.title_id, t.headcount]).sort();

	it("an officer drafts his unit's registration: a draft, unsent, created by him", async () => {
		const { data, error } = await as.officerB
			.from('registration')
			.insert({ unit_id: units.B, year: Y, topics: ['Chuyển đổi số ở khu dân cư'] })
			.select()
			.single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'draft', submitted_at: null, submitted_by: null, created_by: ids.officerB });
		regB = data!.id as string;
	});

	it('nobody registers another unit, nor a past year; the server stamps are not the client’s to send', async () => {
		expect((await as.officerB.from('registration').insert({ unit_id: units.A, year: Y }).select()).error).not.toBeNull();
		expect((await as.officerA.from('registration').insert({ unit_id: units.A, year: Y - 1 }).select()).error).not.toBeNull();
		expect((await as.lead.from('registration').insert({ unit_id: units.B, year: Y + 1 }).select()).error).not.toBeNull();
		expect((await as.admin.from('registration').insert({ unit_id: units.C, year: Y }).select()).error).not.toBeNull();
		const forged = await as.officerA.from('registration').insert({ unit_id: units.A, year: Y, status: 'submitted', submitted_at: '2020-01-01T00:00:00Z' }).select();
		expect(forged.error?.code).toBe('42501');
		expect(await rows('registration', { unit_id: units.A })).toEqual([]);
	});

	it('titles come from the catalogue in force for the year: a 2017-version title is refused for this year', async () => {
		const ok = await as.officerB
			.from('registration_title')
			.insert([
				{ registration_id: regB, title_id: collective2024, headcount: 5 },
				{ registration_id: regB, title_id: individual2024, headcount: 2 }
			])
			.select();
		expect(ok.error).toBeNull();
		// A collective title has no headcount: the server drops it.
		expect(await titlesOf(regB)).toEqual([[collective2024, null], [individual2024, 2]].sort());
		const old = await as.officerB.from('registration_title').insert({ registration_id: regB, title_id: collective2017 }).select();
		expect(old.error?.code).toBe('22023');
		expect(old.error?.message).toContain(String(Y));
		expect(await titlesOf(regB)).toHaveLength(2);
	});

	it('a draft is the unit’s alone: the cluster lead, the city leader, the city admin and other units do not see it', async () => {
		for (const c of [as.lead, as.leader, as.admin, as.officerA, as.officerD, as.reporterB, as.council]) {
			const { data } = await c.from('registration').select('id').eq('id', regB);
			expect(data ?? []).toEqual([]);
			const titles = await c.from('registration_title').select('title_id').eq('registration_id', regB);
			expect(titles.data ?? []).toEqual([]);
		}
	});

	it('submitting stamps submitted_at and submitted_by on the server; a forged stamp is refused', async () => {
		const forged = await as.officerB.from('registration').update({ status: 'submitted', submitted_at: '2020-01-01T00:00:00Z' }).eq('id', regB).select();
		expect(forged.error?.code).toBe('42501');
		expect((await row('registration', { id: regB }))!.status).toBe('draft');
		const { data, error } = await as.officerB.from('registration').update({ status: 'submitted' }).eq('id', regB).select().single();
		expect(error).toBeNull();
		expect(data!.status).toBe('submitted');
		expect(data!.submitted_by).toBe(ids.officerB);
		expect(isNow(data!.submitted_at as string)).toBe(true);
		firstSubmittedAt = data!.submitted_at as string;
	});

	it('once sent, the unit cannot change its titles or topics, nor accept it itself', async () => {
		const before = await row('registration', { id: regB });
		const titles = await titlesOf(regB);
		const add = await as.officerB.from('registration_title').insert({ registration_id: regB, title_id: await titleId(CATALOGUE_2024, 'lao_dong_tien_tien'), headcount: 3 }).select();
		expect(add.error?.code).toBe('42501');
		expectDenied(await as.officerB.from('registration_title').delete().eq('registration_id', regB).select(), 'drop a title');
		expectDenied(await as.officerB.from('registration_title').update({ headcount: 9 }).eq('registration_id', regB).eq('title_id', individual2024).select(), 'headcount');
		expectDenied(await as.officerB.from('registration').update({ topics: ['Sửa sau khi gửi'] }).eq('id', regB).select(), 'topics');
		expectDenied(await as.officerB.from('registration').update({ status: 'accepted' }).eq('id', regB).select(), 'self-accept');
		// Nor move a title out of it into a registration it may still edit (next year's draft).
		const next = await as.officerB.from('registration').insert({ unit_id: units.B, year: Y + 1 }).select('id').single();
		expect(next.error).toBeNull();
		try {
			const moved = await as.officerB
				.from('registration_title')
				.update({ registration_id: next.data!.id })
				.eq('registration_id', regB)
				.eq('title_id', collective2024)
				.select();
			expect(moved.error?.code).toBe('42501');
		} finally {
			await service.from('registration').delete().eq('id', next.data!.id as string);
		}
		expect(await titlesOf(regB)).toEqual(titles);
		expect(await row('registration', { id: regB })).toEqual(before);
	});

	it('the supervising city leader reads it but cannot review it', async () => {
		const before = await row('registration', { id: regB });
		const { data } = await as.leader.from('registration').select('id, status').eq('id', regB);
		expect(data).toEqual([{ id: regB, status: 'submitted' }]);
		const titles = await as.leader.from('registration_title').select('title_id').eq('registration_id', regB);
		expect(titles.data).toHaveLength(2);
		expectDenied(await as.leader.from('registration').update({ status: 'accepted' }).eq('id', regB).select(), 'leader accepts');
		expectDenied(await as.leader.from('registration').update({ status: 'returned', review_note: 'Bổ sung' }).eq('id', regB).select(), 'leader returns');
		expect(await row('registration', { id: regB })).toEqual(before);
	});

	it('the cluster lead returns it only with a reason; the reviewer and time are the server’s', async () => {
		const before = await row('registration', { id: regB });
		expectDenied(await as.lead.from('registration').update({ status: 'returned' }).eq('id', regB).select(), 'return without reason');
		expectDenied(await as.lead.from('registration').update({ status: 'returned', review_note: '   ' }).eq('id', regB).select(), 'blank reason');
		expect(await row('registration', { id: regB })).toEqual(before);
		const { data, error } = await as.lead
			.from('registration')
			.update({ status: 'returned', review_note: 'Bổ sung chuyên đề về an sinh xã hội' })
			.eq('id', regB)
			.select()
			.single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'returned', reviewed_by: ids.lead, review_note: 'Bổ sung chuyên đề về an sinh xã hội' });
		expect(isNow(data!.reviewed_at as string)).toBe(true);
		// The lead reviews; he does not write the unit's content.
		expectDenied(await as.lead.from('registration').update({ topics: ['Do cụm trưởng viết'] }).eq('id', regB).select(), 'lead edits topics');
	});

	it('returned, the unit edits and resubmits (a new stamp) but cannot rewrite the reason', async () => {
		expectDenied(await as.officerB.from('registration').update({ review_note: 'Không có gì' }).eq('id', regB).select(), 'rewrite reason');
		const edit = await as.officerB
			.from('registration')
			.update({ topics: ['Chuyển đổi số ở khu dân cư', 'An sinh xã hội cho hộ nghèo'] })
			.eq('id', regB)
			.select()
			.single();
		expect(edit.error).toBeNull();
		const add = await as.officerB.from('registration_title').insert({ registration_id: regB, title_id: await titleId(CATALOGUE_2024, 'lao_dong_tien_tien'), headcount: 3 });
		expect(add.error).toBeNull();
		const { data, error } = await as.officerB.from('registration').update({ status: 'submitted' }).eq('id', regB).select().single();
		expect(error).toBeNull();
		expect(data!.status).toBe('submitted');
		expect(ms(data!.submitted_at as string)!).toBeGreaterThan(ms(firstSubmittedAt)!);
		expect(data!.review_note).toBe('Bổ sung chuyên đề về an sinh xã hội');
	});

	it('the cluster lead accepts it (the old reason is cleared)', async () => {
		const { data, error } = await as.lead.from('registration').update({ status: 'accepted' }).eq('id', regB).select().single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'accepted', reviewed_by: ids.lead, review_note: null });
	});

	it("conflict of interest: the lead cannot review his own home unit's registration; the city admin can", async () => {
		const { data: regA, error } = await as.officerA
			.from('registration')
			.insert({ unit_id: units.A, year: Y, status: 'submitted', topics: ['Khu dân cư văn minh'] })
			.select()
			.single();
		expect(error).toBeNull();
		expect(regA!.submitted_by).toBe(ids.officerA);
		expect(isNow(regA!.submitted_at as string)).toBe(true);
		const before = await row('registration', { id: regA!.id as string });
		// He reads it (it is his cluster's), but may not judge it.
		expect((await as.lead.from('registration').select('id').eq('id', regA!.id as string)).data).toHaveLength(1);
		expectDenied(await as.lead.from('registration').update({ status: 'accepted' }).eq('id', regA!.id as string).select(), 'lead accepts own unit');
		expectDenied(
			await as.lead.from('registration').update({ status: 'returned', review_note: 'Tự trả lại' }).eq('id', regA!.id as string).select(),
			'lead returns own unit'
		);
		expect(await row('registration', { id: regA!.id as string })).toEqual(before);
		const accepted = await as.admin.from('registration').update({ status: 'accepted' }).eq('id', regA!.id as string).select().single();
		expect(accepted.error).toBeNull();
		expect(accepted.data).toMatchObject({ status: 'accepted', reviewed_by: ids.admin });
		const returned = await as.admin
			.from('registration')
			.update({ status: 'returned', review_note: 'Thành phố đề nghị bổ sung' })
			.eq('id', regA!.id as string)
			.select()
			.single();
		expect(returned.data).toMatchObject({ status: 'returned', reviewed_by: ids.admin });
	});

	it("the seeded head of Cụm 1 cannot review Phường Ba Đình's registration, his home unit", async () => {
		const lead1 = await signedIn(CLUSTER_LEAD_1);
		expect((await lead1.rpc('has_conflict_of_interest', { p_unit: UNIT_BA_DINH })).data).toBe(true);
		// Ba Đình has no registration in the seed: this one lives for this test only.
		const reg = await must(
			service
				.from('registration')
				.insert({ unit_id: UNIT_BA_DINH, year: Y, status: 'submitted', topics: ['Chuyên đề thử'], submitted_at: new Date().toISOString() })
				.select()
				.single(),
			'temporary Ba Đình registration'
		);
		const id = (reg as { id: string }).id;
		try {
			const before = await row('registration', { id });
			expect((await lead1.from('registration').select('id').eq('id', id)).data).toHaveLength(1);
			expectDenied(await lead1.from('registration').update({ status: 'accepted' }).eq('id', id).select(), 'cum1 accepts Ba Đình');
			expect(await row('registration', { id })).toEqual(before);
		} finally {
			await service.from('registration').delete().eq('id', id);
			await lead1.auth.signOut();
		}
		expect(await rows('registration', { unit_id: UNIT_BA_DINH })).toEqual([]);
	});

	it('a unit sees only its own registrations; a cluster lead only those of his cluster’s members, and no drafts', async () => {
		// C keeps a draft; D (in the other cluster) sends one.
		expect((await as.officerC.from('registration').insert({ unit_id: units.C, year: Y }).select()).error).toBeNull();
		expect((await as.officerD.from('registration').insert({ unit_id: units.D, year: Y, status: 'submitted' }).select()).error).toBeNull();

		const seen = async (c: SupabaseClient) => {
			const { data, error } = await c.from('registration').select('unit_id, status');
			expect(error).toBeNull();
			return data as { unit_id: string; status: string }[];
		};
		for (const [officer, unit] of [[as.officerA, units.A], [as.officerB, units.B], [as.officerC, units.C], [as.officerD, units.D]] as const) {
			expect(new Set((await seen(officer)).map((r) => r.unit_id))).toEqual(new Set([unit]));
		}
		expect(await seen(as.officerE)).toEqual([]);
		expect(await seen(as.reporterB)).toEqual([]);
		expect(await seen(as.council)).toEqual([]);

		const lead = await seen(as.lead);
		expect(new Set(lead.map((r) => r.unit_id))).toEqual(new Set([units.A, units.B]));
		expect(lead.some((r) => r.status === 'draft')).toBe(false);
		const leader = await seen(as.leader);
		expect(leader.every((r) => [units.A, units.B, units.C].includes(r.unit_id) && r.status !== 'draft')).toBe(true);

		// The seeded head of Cụm 1 sees Cụm 1's sent registrations (Ngọc Hà, Đông Anh) and nothing of this world.
		const lead1 = await signedIn(CLUSTER_LEAD_1);
		try {
			const cum1 = await seen(lead1);
			const members = (await rows('cluster_member', { cluster_id: SEED_CLUSTER_1 })).map((m) => m.unit_id);
			expect(cum1.every((r) => members.includes(r.unit_id) && r.status !== 'draft')).toBe(true);
			expect(new Set(cum1.map((r) => r.unit_id))).toEqual(new Set([UNIT_NGOC_HA, UNIT_DONG_ANH]));
		} finally {
			await lead1.auth.signOut();
		}
	});

	it('a write outside one’s scope is refused or matches nothing, and the row stays as it was', async () => {
		const before = await row('registration', { id: regB });
		const titles = await titlesOf(regB);
		expectDenied(await as.officerD.from('registration').update({ note: 'Sửa hộ' }).eq('id', regB).select(), 'other unit edits');
		expectDenied(await as.officerD.from('registration').delete().eq('id', regB).select(), 'other unit deletes');
		expectDenied(await as.officerA.from('registration_title').delete().eq('registration_id', regB).select(), 'other unit drops titles');
		expectDenied(await as.lead.from('registration').delete().eq('id', regB).select(), 'lead deletes');
		expectDenied(await as.admin.from('registration').delete().eq('id', regB).select(), 'admin deletes');
		expectDenied(await as.officerB.from('registration').delete().eq('id', regB).select(), 'unit deletes a sent one');
		expect(await row('registration', { id: regB })).toEqual(before);
		expect(await titlesOf(regB)).toEqual(titles);
		// Its own draft the unit may throw away.
		const draft = await as.officerC.from('registration').delete().eq('unit_id', units.C).select();
		expect(draft.data).toHaveLength(1);
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('covenant (giao ước thi đua)', () => {
	const body = 'Các đơn vị thành viên Cụm thử chu kỳ 1 thống nhất ký kết giao ước thi đua năm nay với các nội dung đã bàn.';
	let covenant: string;

	it('the cluster lead drafts the covenant of his cluster only; who and the text’s hash are the server’s', async () => {
		const other = await as.lead.from('covenant').insert({ cluster_id: clusters.K2, title: 'Giao ước cụm khác', body }).select();
		expect(other.error).not.toBeNull();
		expect((await as.officerB.from('covenant').insert({ cluster_id: clusters.K1, title: 'Giao ước', body }).select()).error).not.toBeNull();
		const { data, error } = await as.lead.from('covenant').insert({ cluster_id: clusters.K1, title: 'Giao ước thi đua Cụm thử 1', body }).select().single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'draft', opened_at: null, created_by: ids.lead, body_sha256: sha256(body) });
		covenant = data!.id as string;
	});

	it('a draft cannot be signed', async () => {
		const r = await as.officerB.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.B }).select();
		expect(r.error?.code).toBe('42501');
		expect(await rows('covenant_signature', { covenant_id: covenant })).toEqual([]);
	});

	it('members cannot open it; the lead opens it', async () => {
		expectDenied(await as.officerB.from('covenant').update({ status: 'open' }).eq('id', covenant).select(), 'member opens');
		expectDenied(await as.leader.from('covenant').update({ status: 'open' }).eq('id', covenant).select(), 'leader opens');
		expect((await row('covenant', { id: covenant }))!.status).toBe('draft');
		const { data, error } = await as.lead.from('covenant').update({ status: 'open' }).eq('id', covenant).select().single();
		expect(error).toBeNull();
		expect(data!.status).toBe('open');
		expect(isNow(data!.opened_at as string)).toBe(true);
	});

	it('a signature cannot be forged: who, when, the text signed and the name are not the client’s to send', async () => {
		for (const forged of [
			{ signed_by: ids.officerA },
			{ signed_at: '2020-01-01T00:00:00Z' },
			{ body_sha256: 'a'.repeat(64) },
			{ signer_name: 'Người khác' }
		]) {
			const r = await as.officerB.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.B, ...forged }).select();
			expect(r.error?.code, JSON.stringify(forged)).toBe('42501');
		}
		expect(await rows('covenant_signature', { covenant_id: covenant })).toEqual([]);
	});

	it('an officer cannot sign for another unit, nor for a unit outside the cluster', async () => {
		expect((await as.officerB.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.A }).select()).error).not.toBeNull();
		expect((await as.officerD.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.D }).select()).error).not.toBeNull();
		expect((await as.lead.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.A }).select()).error).not.toBeNull();
		expect((await as.admin.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.C }).select()).error).not.toBeNull();
		expect(await rows('covenant_signature', { covenant_id: covenant })).toEqual([]);
	});

	it('an officer of a member unit signs: signer, name, time and the hash of the text are set by the server', async () => {
		const { data, error } = await as.officerB.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.B }).select().single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ unit_id: units.B, signed_by: ids.officerB, signer_name: 'Cán bộ thử officerB', body_sha256: sha256(body) });
		expect(isNow(data!.signed_at as string)).toBe(true);
		expect((await as.officerB.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.B }).select()).error).not.toBeNull();
	});

	it('once signed, the text and title cannot change, not even by the city admin; its status still can', async () => {
		const before = await row('covenant', { id: covenant });
		const edit = await as.lead.from('covenant').update({ body: `${body} Bổ sung thêm.` }).eq('id', covenant).select();
		expect(edit.error?.code).toBe('42501');
		expect((await as.admin.from('covenant').update({ title: 'Tiêu đề mới' }).eq('id', covenant).select()).error?.code).toBe('42501');
		expect(await row('covenant', { id: covenant })).toEqual(before);
		expect((await as.lead.from('covenant').update({ status: 'closed' }).eq('id', covenant).select().single()).data!.status).toBe('closed');
		expect((await as.officerC.from('covenant_signature').insert({ covenant_id: covenant, unit_id: units.C }).select()).error?.code).toBe('42501');
		expectDenied(await as.lead.from('covenant').update({ status: 'draft' }).eq('id', covenant).select(), 'back to draft');
		expect((await as.lead.from('covenant').update({ status: 'open' }).eq('id', covenant).select().single()).data!.status).toBe('open');
	});

	it('no one can change or remove a signature, nor delete a covenant that is open', async () => {
		const before = await rows('covenant_signature', { covenant_id: covenant });
		for (const c of [as.officerB, as.lead, as.leader, as.admin]) {
			expectDenied(await c.from('covenant_signature').update({ signer_name: 'Sửa tên' }).eq('covenant_id', covenant).select(), 'update signature');
			expectDenied(await c.from('covenant_signature').update({ unit_id: units.C }).eq('covenant_id', covenant).select(), 'move signature');
			expectDenied(await c.from('covenant_signature').delete().eq('covenant_id', covenant).select(), 'delete signature');
			expectDenied(await c.from('covenant').delete().eq('id', covenant).select(), 'delete open covenant');
		}
		expect(await rows('covenant_signature', { covenant_id: covenant })).toEqual(before);
		expect(await row('covenant', { id: covenant })).not.toBeNull();
	});

	it('members, the lead and the supervising leader read it and its signatures; other clusters and the council do not', async () => {
		for (const c of [as.officerA, as.officerC, as.lead, as.leader, as.admin]) {
			expect((await c.from('covenant').select('id').eq('id', covenant)).data).toHaveLength(1);
			expect((await c.from('covenant_signature').select('unit_id').eq('covenant_id', covenant)).data).toHaveLength(1);
		}
		for (const c of [as.officerD, as.council, anonClient()]) {
			expect((await c.from('covenant').select('id').eq('id', covenant)).data ?? []).toEqual([]);
			expect((await c.from('covenant_signature').select('unit_id').eq('covenant_id', covenant)).data ?? []).toEqual([]);
		}
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('copy_plan: next year from this one', () => {
	let source: string;
	let copy: string;

	beforeAll(async () => {
		const plan = await must(
			service
				.from('plan')
				.insert({ year: planYears.copySource, title: `Kế hoạch công tác thi đua, khen thưởng năm ${planYears.copySource}`, status: 'published', published_at: new Date().toISOString() })
				.select('id')
				.single(),
			'source plan'
		);
		source = (plan as { id: string }).id;
		const y = planYears.copySource;
		await must(
			service.from('milestone').insert([
				{ plan_id: source, code: 'registration', title: `Đăng ký thi đua năm ${y}`, deliverable: `Bản đăng ký năm ${y}`, responsible: 'unit', completion: 'registration', due_on: `${y}-01-14`, position: 1 },
				{ plan_id: source, code: 'leap_day', title: 'Mốc ngày nhuận', deliverable: 'Báo cáo', responsible: 'cluster', completion: 'report', due_on: `${y}-02-29`, position: 2 },
				{ plan_id: source, code: 'council_review', title: 'Bình xét', deliverable: 'Phiên họp', responsible: 'council', completion: 'report', due_on: `${y}-11-20`, position: 3 }
			]),
			'source milestones'
		);
	});
	afterAll(async () => {
		await service.from('plan').delete().in('year', [planYears.copySource, planYears.copyTarget, planYears.copyRefused]);
	});

	it('only a city admin can copy a plan', async () => {
		for (const c of [as.officerA, as.lead, as.leader, as.council, as.reporterB]) {
			const { error } = await c.rpc('copy_plan', { p_source: source, p_year: planYears.copyRefused });
			expect(error).not.toBeNull();
		}
		expect((await anonClient().rpc('copy_plan', { p_source: source, p_year: planYears.copyRefused })).error).not.toBeNull();
		expect(await rows('plan', { year: String(planYears.copyRefused) })).toEqual([]);
	});

	it('the copy is a draft with every milestone shifted by whole years (29/02 becomes 28/02)', async () => {
		const { data, error } = await as.admin.rpc('copy_plan', { p_source: source, p_year: planYears.copyTarget });
		expect(error).toBeNull();
		copy = data as string;
		const plan = await row('plan', { id: copy });
		expect(plan).toMatchObject({
			year: planYears.copyTarget,
			status: 'draft',
			copied_from_plan_id: source,
			title: `Kế hoạch công tác thi đua, khen thưởng năm ${planYears.copyTarget}`,
			published_at: null,
			created_by: ids.admin
		});
		const copied = (await rows('milestone', { plan_id: copy })).map((m) => [m.code, m.due_on, m.title]).sort();
		const t = planYears.copyTarget;
		expect(copied).toEqual(
			[
				['council_review', `${t}-11-20`, 'Bình xét'],
				['leap_day', `${t}-02-28`, 'Mốc ngày nhuận'],
				['registration', `${t}-01-14`, `Đăng ký thi đua năm ${t}`]
			].sort()
		);
	});

	it('a year that already has a plan is refused', async () => {
		for (const year of [planYears.copyTarget, planYears.copySource]) {
			const { error } = await as.admin.rpc('copy_plan', { p_source: source, p_year: year });
			expect(error?.code).toBe('23505');
		}
		expect(await rows('plan', { year: String(planYears.copyTarget) })).toHaveLength(1);
	});

	it('the draft and its milestones are invisible to everyone but city admins until published', async () => {
		for (const c of [as.officerA, as.lead, as.leader, as.council, as.reporterB]) {
			expect((await c.from('plan').select('id').eq('id', copy)).data).toEqual([]);
			expect((await c.from('milestone').select('id').eq('plan_id', copy)).data).toEqual([]);
			expectDenied(await c.from('plan').update({ status: 'published' }).eq('id', copy).select(), 'non-admin publishes');
		}
		expect((await as.admin.from('milestone').select('id').eq('plan_id', copy)).data).toHaveLength(3);
		const { data, error } = await as.admin.from('plan').update({ status: 'published' }).eq('id', copy).select().single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'published', published_by: ids.admin });
		expect(isNow(data!.published_at as string)).toBe(true);
		for (const c of [as.officerA, as.lead, as.council]) {
			expect((await c.from('plan').select('id').eq('id', copy)).data).toHaveLength(1);
			expect((await c.from('milestone').select('id').eq('plan_id', copy)).data).toHaveLength(3);
		}
		// A published plan is not taken back to a draft, nor deleted.
		expect((await as.admin.from('plan').update({ status: 'draft' }).eq('id', copy).select()).error?.code).toBe('42501');
		expectDenied(await as.admin.from('plan').delete().eq('id', copy).select(), 'delete published');
		expect((await row('plan', { id: copy }))!.status).toBe('published');
	});

	it('who created a plan, and when, is the server’s to say', async () => {
		const { data, error } = await as.admin
			.from('plan')
			.insert({ year: planYears.copyRefused, title: `Kế hoạch năm ${planYears.copyRefused}`, created_by: ids.officerA, created_at: '2020-01-01T00:00:00Z' })
			.select()
			.single();
		expect(error).toBeNull();
		expect(data!.created_by).toBe(ids.admin);
		expect(isNow(data!.created_at as string)).toBe(true);
		const edited = await as.admin.from('plan').update({ created_by: ids.officerA, created_at: '2020-01-01T00:00:00Z' }).eq('id', data!.id as string).select().single();
		expect(edited.data).toMatchObject({ created_by: ids.admin, created_at: data!.created_at });
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('milestone_status: progress per milestone and responsible party', () => {
	interface StatusRow {
		milestone_id: string;
		year: number;
		code: string;
		responsible: string;
		completion: string;
		due_on: string;
		deadline_at: string;
		party_kind: string;
		unit_id: string | null;
		cluster_id: string | null;
		completed_at: string | null;
		detail: string | null;
	}
	const thisYear = async (c: SupabaseClient) => {
		const { data, error } = await c.from('milestone_status').select('*').eq('year', Y);
		expect(error).toBeNull();
		return data as StatusRow[];
	};

	it("the seeded head of Cụm 1 sees Cụm 1's three units, delivered from registrations and signatures", async () => {
		const lead1 = await signedIn(CLUSTER_LEAD_1);
		try {
			const all = await thisYear(lead1);
			const unitRows = all.filter((r) => r.party_kind === 'unit');
			expect(new Set(unitRows.map((r) => r.unit_id))).toEqual(new Set([UNIT_BA_DINH, UNIT_DONG_ANH, UNIT_NGOC_HA]));
			const reg = Object.fromEntries(unitRows.filter((r) => r.code === 'registration').map((r) => [r.unit_id as string, r]));
			expect(ms(reg[UNIT_NGOC_HA]!.completed_at)).toBe(Date.parse(`${Y}-01-09T08:30:00Z`));
			expect(reg[UNIT_NGOC_HA]!.detail).toBe('accepted');
			expect(ms(reg[UNIT_DONG_ANH]!.completed_at)).toBe(Date.parse(`${Y}-01-16T08:30:00Z`));
			expect(reg[UNIT_DONG_ANH]!.detail).toBe('submitted');
			expect(reg[UNIT_BA_DINH]).toMatchObject({ completed_at: null, detail: null });
			const cov = Object.fromEntries(unitRows.filter((r) => r.code === 'covenant').map((r) => [r.unit_id as string, r]));
			expect(ms(cov[UNIT_NGOC_HA]!.completed_at)).toBe(Date.parse(`${Y}-02-10T02:00:00Z`));
			expect(cov[UNIT_BA_DINH]!.completed_at).toBeNull();
			expect(cov[UNIT_DONG_ANH]!.completed_at).toBeNull();
			expect(new Set(Object.values(cov).map((r) => r.detail))).toEqual(new Set(['open']));
			// Cluster milestones: his cluster only.
			expect(new Set(all.filter((r) => r.party_kind === 'cluster').map((r) => r.cluster_id))).toEqual(new Set([SEED_CLUSTER_1]));
		} finally {
			await lead1.auth.signOut();
		}
	});

	it('a deadline is local midnight in Hanoi: due 14/01 closes at 13/01 17:00 UTC', async () => {
		const rowsNow = await thisYear(as.lead);
		const reg = rowsNow.find((r) => r.code === 'registration')!;
		expect(reg.due_on).toBe(`${Y}-01-14`);
		expect(Date.parse(reg.deadline_at)).toBe(Date.parse(`${Y}-01-13T17:00:00Z`));
		for (const r of rowsNow) {
			const [y, m, d] = r.due_on.split('-').map(Number) as [number, number, number];
			expect(Date.parse(r.deadline_at)).toBe(Date.UTC(y, m - 1, d) - 7 * 3600_000);
		}
	});

	it('an officer sees only his unit (seeded Ba Đình, and a unit of this world with its delivery times)', async () => {
		const officer = await signedIn(demo.officerBaDinh);
		try {
			const all = await thisYear(officer);
			expect(all.length).toBeGreaterThan(0);
			expect(new Set(all.filter((r) => r.party_kind === 'unit').map((r) => r.unit_id))).toEqual(new Set([UNIT_BA_DINH]));
			expect(all.some((r) => r.party_kind === 'council')).toBe(false);
		} finally {
			await officer.auth.signOut();
		}

		// E sends its registration and signs K2's covenant at known times (as the seed does, with the service role).
		const reg = await must(
			service.from('registration').insert({ unit_id: units.E, year: Y, status: 'submitted', submitted_at: `${Y}-01-12T03:00:00Z` }).select('id').single(),
			'E registration'
		);
		const cv = await must(
			service
				.from('covenant')
				.insert({ cluster_id: clusters.K2, title: 'Giao ước Cụm thử 2', body: 'Nội dung giao ước của Cụm thử chu kỳ 2.', status: 'open', opened_at: `${Y}-02-01T01:00:00Z` })
				.select('id')
				.single(),
			'K2 covenant'
		);
		await must(
			service.from('covenant_signature').insert({ covenant_id: (cv as { id: string }).id, unit_id: units.E, signed_by: ids.officerE, signed_at: `${Y}-02-20T02:00:00Z` }),
			'E signature'
		);
		const mine = await thisYear(as.officerE);
		expect(new Set(mine.filter((r) => r.party_kind === 'unit').map((r) => r.unit_id))).toEqual(new Set([units.E]));
		const byCode = Object.fromEntries(mine.filter((r) => r.party_kind === 'unit').map((r) => [r.code, r] as const));
		expect(ms(byCode.registration!.completed_at)).toBe(Date.parse(`${Y}-01-12T03:00:00Z`));
		expect(byCode.registration!.detail).toBe('submitted');
		expect(ms(byCode.covenant!.completed_at)).toBe(Date.parse(`${Y}-02-20T02:00:00Z`));
		expect(byCode.covenant!.detail).toBe('open');
		expect(byCode.kncc_nomination!.completed_at).toBeNull();
		await service.from('registration').delete().eq('id', (reg as { id: string }).id);
	});

	it("a cluster lead sees his cluster's units and the cluster itself, nothing of other clusters", async () => {
		const all = await thisYear(as.lead);
		expect(new Set(all.filter((r) => r.party_kind === 'unit').map((r) => r.unit_id))).toEqual(new Set([units.A, units.B, units.C]));
		expect(new Set(all.filter((r) => r.party_kind === 'cluster').map((r) => r.cluster_id))).toEqual(new Set([clusters.K1]));
		expect(all.some((r) => r.party_kind === 'council')).toBe(false);
	});

	it('a reporter sees nothing; a council member sees the council’s milestones only; anonymous readers cannot ask', async () => {
		expect(await thisYear(as.reporterB)).toEqual([]);
		const reporter = await signedIn(demo.reporterBaDinh);
		try {
			expect((await reporter.from('milestone_status').select('milestone_id')).data).toEqual([]);
		} finally {
			await reporter.auth.signOut();
		}
		const council = await thisYear(as.council);
		expect(council.length).toBeGreaterThan(0);
		expect(new Set(council.map((r) => r.party_kind))).toEqual(new Set(['council']));
		expect((await anonClient().from('milestone_status').select('milestone_id')).error).not.toBeNull();
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('calendar (iCalendar) addresses', () => {
	/** The milestones a holder of these responsibilities should get, straight from the tables. */
	async function expectedFeed(match: (m: { responsible: string; completion: string }) => boolean): Promise<string[]> {
		const { data, error } = await service.from('milestone').select('id, responsible, completion, plan!inner(year, status)').eq('plan.status', 'published').gte('plan.year', Y - 1);
		if (error) throw new Error(error.message);
		return (data as { id: string; responsible: string; completion: string }[]).filter(match).map((m) => m.id).sort();
	}
	const feed = async (token: string) => {
		const { data, error } = await anonClient().rpc('calendar_feed', { p_token: token });
		expect(error).toBeNull();
		return data as { milestone_id: string; code: string; responsible: string; year: number; deadline_at: string; due_on: string }[];
	};
	let officerToken: string;

	it('issue_calendar_token() returns a secret; only its hash is stored, and clients cannot read the hash', async () => {
		const { data, error } = await as.officerA.rpc('issue_calendar_token');
		expect(error).toBeNull();
		officerToken = data as string;
		expect(officerToken).toMatch(/^[0-9a-f]{48}$/);
		const stored = await row('calendar_token', { user_id: ids.officerA });
		expect(stored!.token_sha256).toBe(sha256(officerToken));
		expect(JSON.stringify(stored)).not.toContain(officerToken);
		expect((await as.officerA.from('calendar_token').select('*')).error?.code).toBe('42501');
		expect((await as.officerA.from('calendar_token').select('token_sha256')).error?.code).toBe('42501');
		const own = await as.officerA.from('calendar_token').select('user_id, created_at');
		expect(own.data).toEqual([expect.objectContaining({ user_id: ids.officerA })]);
		expect((await anonClient().rpc('issue_calendar_token')).error).not.toBeNull();
	});

	it("a unit officer's feed (read anonymously) has the unit milestones and the covenant", async () => {
		const got = await feed(officerToken);
		expect(got.map((r) => r.milestone_id).sort()).toEqual(await expectedFeed((m) => m.responsible === 'unit' || m.completion === 'covenant'));
		const codes = new Set(got.filter((r) => r.year === Y).map((r) => r.code));
		expect(codes).toEqual(new Set(['registration', 'covenant', 'kncc_nomination', 'award_dossiers']));
		for (const r of got) {
			const [y, m, d] = r.due_on.split('-').map(Number) as [number, number, number];
			expect(Date.parse(r.deadline_at)).toBe(Date.UTC(y, m - 1, d) - 7 * 3600_000);
		}
	});

	it("a council member's feed has the council's milestones only; others see only their own address", async () => {
		const { data: token } = await as.council.rpc('issue_calendar_token');
		const got = await feed(token as string);
		expect(got.length).toBeGreaterThan(0);
		expect(got.map((r) => r.milestone_id).sort()).toEqual(await expectedFeed((m) => m.responsible === 'council'));
		expect((await as.council.from('calendar_token').select('user_id')).data).toEqual([{ user_id: ids.council }]);
		expect((await as.officerA.from('calendar_token').select('user_id')).data).toEqual([{ user_id: ids.officerA }]);
	});

	it('an unknown token gets nothing; re-issuing invalidates the old address; revoking ends it', async () => {
		expect(await feed('0'.repeat(48))).toEqual([]);
		expect(await feed('')).toEqual([]);
		const { data: again } = await as.officerA.rpc('issue_calendar_token');
		expect(again).not.toBe(officerToken);
		expect(await feed(officerToken)).toEqual([]);
		expect((await feed(again as string)).length).toBeGreaterThan(0);
		const revoked = await as.officerA.from('calendar_token').delete().eq('user_id', ids.officerA).select('user_id');
		expect(revoked.data).toHaveLength(1);
		expect(await feed(again as string)).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('milestone_report: done, reported by the responsible party', () => {
	const m = {} as Record<'unit' | 'cluster' | 'council' | 'registration' | 'covenant' | 'draftUnit', string>;

	beforeAll(async () => {
		const plan = async (year: number, status: 'draft' | 'published') =>
			(
				(await must(
					service
						.from('plan')
						.insert({ year, title: `Kế hoạch thử báo cáo ${year}`, status, published_at: status === 'published' ? new Date().toISOString() : null })
						.select('id')
						.single(),
					`plan ${year}`
				)) as { id: string }
			).id;
		const published = await plan(planYears.reportPublished, 'published');
		const draft = await plan(planYears.reportDraft, 'draft');
		const add = async (planId: string, year: number, code: string, responsible: string, completion: string) =>
			(
				(await must(
					service
						.from('milestone')
						.insert({ plan_id: planId, code, title: `Mốc ${code}`, deliverable: 'Sản phẩm', responsible, completion, due_on: `${year}-06-30` })
						.select('id')
						.single(),
					`milestone ${code}`
				)) as { id: string }
			).id;
		const y = planYears.reportPublished;
		m.unit = await add(published, y, 'unit_report', 'unit', 'report');
		m.cluster = await add(published, y, 'cluster_report', 'cluster', 'report');
		m.council = await add(published, y, 'council_report', 'council', 'report');
		m.registration = await add(published, y, 'registration', 'unit', 'registration');
		m.covenant = await add(published, y, 'covenant', 'cluster', 'covenant');
		m.draftUnit = await add(draft, planYears.reportDraft, 'unit_report', 'unit', 'report');
	});

	const report = (c: SupabaseClient, r: Record<string, unknown>) => c.from('milestone_report').insert(r).select().single();

	it('a unit officer reports his unit’s milestone; who and when are the server’s', async () => {
		expect((await report(as.officerB, { milestone_id: m.unit, unit_id: units.B, reported_by: ids.officerA })).error?.code).toBe('42501');
		const { data, error } = await report(as.officerB, { milestone_id: m.unit, unit_id: units.B, note: 'Đã gửi hồ sơ' });
		expect(error).toBeNull();
		expect(data).toMatchObject({ reported_by: ids.officerB, unit_id: units.B, cluster_id: null });
		expect(isNow(data!.reported_at as string)).toBe(true);
	});

	it('nobody else reports for a unit: another unit’s officer, a reporter, the cluster lead, the leader, the council', async () => {
		for (const c of [as.officerA, as.reporterB, as.lead, as.leader, as.council]) {
			expect((await report(c, { milestone_id: m.unit, unit_id: units.C })).error).not.toBeNull();
		}
		expect(await rows('milestone_report', { milestone_id: m.unit, unit_id: units.C })).toEqual([]);
	});

	it('a cluster milestone is the lead’s to report, for his cluster only', async () => {
		expect((await report(as.officerB, { milestone_id: m.cluster, cluster_id: clusters.K1 })).error).not.toBeNull();
		expect((await report(as.leader, { milestone_id: m.cluster, cluster_id: clusters.K1 })).error).not.toBeNull();
		expect((await report(as.lead, { milestone_id: m.cluster, cluster_id: clusters.K2 })).error).not.toBeNull();
		const { data, error } = await report(as.lead, { milestone_id: m.cluster, cluster_id: clusters.K1 });
		expect(error).toBeNull();
		expect(data).toMatchObject({ reported_by: ids.lead, cluster_id: clusters.K1, unit_id: null });
	});

	it('a council milestone is a council member’s (or a city admin’s) to report', async () => {
		expect((await report(as.officerB, { milestone_id: m.council })).error).not.toBeNull();
		expect((await report(as.lead, { milestone_id: m.council })).error).not.toBeNull();
		const { data, error } = await report(as.council, { milestone_id: m.council });
		expect(error).toBeNull();
		expect(data).toMatchObject({ reported_by: ids.council, unit_id: null, cluster_id: null });
	});

	it('the wrong kind of party is refused', async () => {
		expect((await report(as.officerB, { milestone_id: m.cluster, unit_id: units.B })).error?.code).toBe('22023');
		expect((await report(as.lead, { milestone_id: m.unit, cluster_id: clusters.K1 })).error?.code).toBe('22023');
		expect((await report(as.admin, { milestone_id: m.council, unit_id: units.D })).error?.code).toBe('22023');
		expect((await report(as.admin, { milestone_id: m.unit })).error?.code).toBe('22023');
	});

	it("registration and covenant milestones are detected, not reported; a draft plan's milestone is not there to report", async () => {
		expect((await report(as.officerB, { milestone_id: m.registration, unit_id: units.B })).error?.code).toBe('22023');
		expect((await report(as.lead, { milestone_id: m.covenant, cluster_id: clusters.K1 })).error?.code).toBe('22023');
		expect((await report(as.admin, { milestone_id: m.registration, unit_id: units.D })).error?.code).toBe('22023');
		expect((await report(as.officerB, { milestone_id: m.draftUnit, unit_id: units.B })).error).not.toBeNull();
		expect(await rows('milestone_report', { milestone_id: m.draftUnit })).toEqual([]);
	});

	it('progress shows each report to whoever sees its party, and not to field staff', async () => {
		const status = async (c: SupabaseClient, milestone: string) => {
			const { data, error } = await c.from('milestone_status').select('party_kind, unit_id, cluster_id, completed_at').eq('milestone_id', milestone);
			expect(error).toBeNull();
			return data as { party_kind: string; cluster_id: string | null; completed_at: string | null }[];
		};
		// The council's review: council members and the city leaders who follow it see it delivered.
		for (const c of [as.council, as.leader, as.admin]) {
			const [council] = await status(c, m.council);
			expect(isNow(council!.completed_at)).toBe(true);
		}
		const clusterReport = (await rows('milestone_report', { milestone_id: m.cluster, cluster_id: clusters.K1 }))[0]!;
		for (const c of [as.lead, as.leader, as.officerA, as.officerB]) {
			expect((await c.from('milestone_report').select('id').eq('id', clusterReport.id as string)).data).toHaveLength(1);
		}
		for (const c of [as.reporterB, as.officerD, as.council]) {
			expect((await c.from('milestone_report').select('id').eq('id', clusterReport.id as string)).data).toEqual([]);
		}
	});

	it('a city admin reports for any party', async () => {
		const { data, error } = await report(as.admin, { milestone_id: m.unit, unit_id: units.D });
		expect(error).toBeNull();
		expect(data).toMatchObject({ reported_by: ids.admin, unit_id: units.D });
	});

	it('reports are read in scope, never changed, and withdrawn only by whoever made them (or a city admin)', async () => {
		const mineB = (await rows('milestone_report', { milestone_id: m.unit, unit_id: units.B }))[0]!;
		expect((await as.officerD.from('milestone_report').select('id').eq('id', mineB.id as string)).data).toEqual([]);
		expect((await as.lead.from('milestone_report').select('id').eq('id', mineB.id as string)).data).toHaveLength(1);
		expectDenied(await as.officerB.from('milestone_report').update({ note: 'Sửa' }).eq('id', mineB.id as string).select(), 'update report');
		expectDenied(await as.lead.from('milestone_report').delete().eq('id', mineB.id as string).select(), 'lead withdraws unit report');
		expect(await row('milestone_report', { id: mineB.id as string })).toEqual(mineB);
		const withdrawn = await as.officerB.from('milestone_report').delete().eq('id', mineB.id as string).select();
		expect(withdrawn.data).toHaveLength(1);
	});
});
