// The organisation model beyond row access: lineage across the 2025 reform, merging and splitting units (city
// admins only), the conflict-of-interest rule, and every role seeing its own roles and scope.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIT_BA_DINH, UNIT_DONG_ANH, anonClient, demo, signedIn } from './helpers';

const CLUSTER_LEAD = 'cumtruong.cum1@thidua.test';
const CITY_LEADER = 'lanhdao@thidua.test';
const COUNCIL = 'hoidong@thidua.test';

let admin: SupabaseClient;
let lead: SupabaseClient;
let officer: SupabaseClient;

beforeAll(async () => {
	[admin, lead, officer] = await Promise.all([signedIn(demo.cityAdmin), signedIn(CLUSTER_LEAD), signedIn(demo.officerBaDinh)]);
});

async function unitIdByCode(code: string): Promise<string> {
	const { data } = await anonClient().from('unit').select('id').eq('code', code).single();
	return (data as { id: string }).id;
}

describe('unit lineage across the 2025 reform', () => {
	it('a ward formed from two districts points back to both, and each district forward to what it became', async () => {
		const giangVo = await unitIdByCode('phuong-giang-vo');
		const { data: parents } = await anonClient().rpc('unit_ancestors', { p_unit: giangVo });
		const names = await anonClient().from('unit').select('code').in('id', parents as string[]);
		expect(names.data!.map((u) => u.code).sort()).toEqual(['ba-dinh', 'dong-da', 'phuong-giang-vo']);

		const baDinh = await unitIdByCode('ba-dinh');
		const { data: became } = await anonClient().rpc('unit_successors', { p_unit: baDinh });
		expect(became).toEqual(expect.arrayContaining([UNIT_BA_DINH, giangVo, await unitIdByCode('phuong-ngoc-ha')]));
	});

	it('the 30 district-level units of 2023 ended on 01/07/2025; the new wards began that day', async () => {
		const { data } = await anonClient().from('unit').select('kind, valid_to').in('kind', ['quan', 'huyen', 'thi_xa']);
		expect(data).toHaveLength(30);
		expect(new Set(data!.map((u) => u.valid_to))).toEqual(new Set(['2025-07-01']));
	});
});

describe('merging and splitting units', () => {
	async function newUnit(client: SupabaseClient): Promise<string> {
		const { data, error } = await client
			.from('unit')
			.insert({ code: `org-${randomUUID().slice(0, 8)}`, name: 'Xã thử nghiệm', kind: 'xa' })
			.select('id')
			.single();
		if (error) throw new Error(error.message);
		return (data as { id: string }).id;
	}

	it('a city admin merges two units into a new one, which inherits their lineage', async () => {
		const [a, b] = [await newUnit(admin), await newUnit(admin)];
		const code = `org-merged-${randomUUID().slice(0, 6)}`;
		const { data: merged, error } = await admin.rpc('merge_units', {
			p_from: [a, b], p_code: code, p_name: 'Xã sau hợp nhất', p_kind: 'xa', p_effective_on: '2026-07-01'
		});
		expect(error).toBeNull();
		const { data: ancestors } = await admin.rpc('unit_ancestors', { p_unit: merged as string });
		expect((ancestors as string[]).sort()).toEqual([a, b, merged as string].sort());
		const { data: ended } = await admin.from('unit').select('valid_to').in('id', [a, b]);
		expect(ended!.every((u) => u.valid_to === '2026-07-01')).toBe(true);
	});

	it('a city admin splits a unit in two', async () => {
		const from = await newUnit(admin);
		const s = randomUUID().slice(0, 6);
		const { data, error } = await admin.rpc('split_unit', {
			p_from: from,
			p_into: [
				{ code: `org-a-${s}`, name: 'Phường A', kind: 'phuong' },
				{ code: `org-b-${s}`, name: 'Phường B', kind: 'phuong' }
			],
			p_effective_on: '2026-07-01'
		});
		expect(error).toBeNull();
		expect(data).toHaveLength(2);
	});

	it('nobody else can merge or split: the attempt is an error and nothing changes', async () => {
		const { count: before } = await anonClient().from('unit').select('id', { count: 'exact', head: true });
		const merge = await officer.rpc('merge_units', {
			p_from: [UNIT_BA_DINH, UNIT_DONG_ANH], p_code: `org-x-${randomUUID().slice(0, 6)}`, p_name: 'Không được', p_kind: 'xa', p_effective_on: '2026-07-01'
		});
		expect(merge.error).not.toBeNull();
		const split = await lead.rpc('split_unit', {
			p_from: UNIT_BA_DINH, p_into: [{ code: 'x1', name: 'X1', kind: 'xa' }, { code: 'x2', name: 'X2', kind: 'xa' }], p_effective_on: '2026-07-01'
		});
		expect(split.error).not.toBeNull();
		const { count: after } = await anonClient().from('unit').select('id', { count: 'exact', head: true });
		expect(after).toBe(before);
		const { data } = await anonClient().from('unit').select('valid_to').eq('id', UNIT_BA_DINH).single();
		expect(data!.valid_to).toBeNull();
	});
});

describe('conflict of interest: a unit never scores or appraises itself', () => {
	it("the head of Cụm 1 (staff of Phường Ba Đình) has a conflict on Phường Ba Đình, not on Xã Đông Anh", async () => {
		expect((await lead.rpc('has_conflict_of_interest', { p_unit: UNIT_BA_DINH })).data).toBe(true);
		expect((await lead.rpc('has_conflict_of_interest', { p_unit: UNIT_DONG_ANH })).data).toBe(false);
	});

	it("the conflict follows lineage: Phường Ba Đình's staff also may not assess Quận Ba Đình, what it came from", async () => {
		const oldDistrict = await unitIdByCode('ba-dinh');
		expect((await officer.rpc('has_conflict_of_interest', { p_unit: oldDistrict })).data).toBe(true);
		expect((await officer.rpc('has_conflict_of_interest', { p_unit: await unitIdByCode('hoan-kiem') })).data).toBe(false);
	});

	it('city-level people have no home unit, so no conflict; anonymous callers cannot ask', async () => {
		expect((await admin.rpc('has_conflict_of_interest', { p_unit: UNIT_BA_DINH })).data).toBe(false);
		expect((await anonClient().rpc('has_conflict_of_interest', { p_unit: UNIT_BA_DINH })).error).not.toBeNull();
	});
});

describe('everyone sees their own roles and scope', () => {
	it.each([
		[demo.reporterBaDinh, 'reporter', 'Phường Ba Đình', null],
		[demo.officerDongAnh, 'unit_officer', 'Xã Đông Anh', null],
		[CLUSTER_LEAD, 'cluster_lead', 'Phường Ba Đình', 'Cụm thi đua số 1'],
		[CITY_LEADER, 'city_leader', null, null],
		[demo.cityAdmin, 'city_admin', null, null],
		[COUNCIL, 'council_member', null, null]
	])('%s is %s', async (email, role, unitName, clusterName) => {
		const client = await signedIn(email);
		const { data, error } = await client.from('my_membership').select('role, unit_name, cluster_name, year');
		expect(error).toBeNull();
		expect(data).toEqual([expect.objectContaining({ role, unit_name: unitName, cluster_name: clusterName })]);
	});

	it('the city leader reads unpublished stories of an assigned cluster (unassigned ones: see the permission grid)', async () => {
		const leader = await signedIn(CITY_LEADER);
		const { data } = await leader.from('story').select('id, unit_id').eq('status', 'submitted').eq('unit_id', UNIT_BA_DINH);
		expect(data!.length).toBeGreaterThan(0);
		const me = (await leader.auth.getUser()).data.user!.id;
		const { data: assigned } = await leader.from('cluster_leader_assignment').select('cluster_id').eq('user_id', me).order('cluster_id');
		expect(assigned!.map((a) => a.cluster_id)).toEqual(['22222222-2222-4222-8222-000000000001', '22222222-2222-4222-8222-000000000002']);
	});
});

describe('cluster integrity', () => {
	it('a unit belongs to at most one cluster in a year, whatever year the client claims', async () => {
		const { error } = await admin
			.from('cluster_member')
			.insert({ cluster_id: '22222222-2222-4222-8222-000000000002', unit_id: UNIT_BA_DINH, year: 1999 });
		expect(error?.code).toBe('23505');
	});

	it("a cluster's head and deputy are different units", async () => {
		const { error } = await admin
			.from('cluster')
			.update({ deputy_unit_id: UNIT_BA_DINH })
			.eq('id', '22222222-2222-4222-8222-000000000001')
			.select();
		expect(error?.code).toBe('23514');
	});

	it('a merge refuses a unit that has already ended', async () => {
		const { data: ended } = await anonClient().from('unit').select('id').eq('code', 'ba-dinh').single();
		const { error } = await admin.rpc('merge_units', {
			p_from: [ended!.id, UNIT_DONG_ANH], p_code: `org-no-${randomUUID().slice(0, 6)}`, p_name: 'Không hợp lệ', p_kind: 'xa', p_effective_on: '2026-07-01'
		});
		expect(error?.code).toBe('22023');
		const { data } = await anonClient().from('unit').select('valid_to').eq('id', UNIT_DONG_ANH).single();
		expect(data!.valid_to).toBeNull();
	});
});
