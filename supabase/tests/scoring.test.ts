// Scoring and standings (20261125001000_scoring.sql) through supabase-js, PostgREST, the storage gateway and Postgres
// as real signed-in people: who writes which stage (and the conflict-of-interest rule, through unit lineage and in the
// round's own year), maximum points, the reason rule, frozen criteria, evidence (stories of the unit's own, files in
// the unit's folder), the standings' arithmetic and ranks, publishing with a decision, the freeze of published results
// for every role, and corrections by a new decision.
//
// Tie rule: standard competition ranking. Equal totals share a rank and the next rank is skipped (1, 2, 2, 4); the
// display orders tied units by name. A unit's total is, per criterion, the points of the highest stage present (city
// over cluster over self), bonus criteria added and penalty criteria subtracted.
//
// Two places. (1) This year's open year-end round (the seed's: rounds are unique per year and period) with a cluster
// K of this file: H (the lead's home unit), A, B, C and M (which came from H), and K2 = D. The seeded rows stay as they
// are (the end-to-end journeys need Ba Đình without a self-assessment, Ngọc Hà and Đông Anh self-assessed, Ngọc Hà
// scored by the cluster, mid-year published): afterAll checks it. (2) A round of our own in 2090, on a criteria set
// built here, with cluster K90 = A, B, C, D: fixed scores, their standings, publication, freeze and corrections.
// Everything made here is removed afterwards (frozen and published rows by the superuser, triggers off).
import { gzipSync } from 'node:zlib';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, demo, md5uuid, newStoryRow, serviceClient, signedIn, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';
import { asSuperuser, createCluster, createPerson, createUnit, hanoiYear, must, signIn } from './permission-world';

const Y = hanoiYear();
const Y90 = 2090;
const Y91 = 2091;
const service = serviceClient();
const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
const UNIT_NGOC_HA = md5uuid('unit:phuong-ngoc-ha');
const SEED_CLUSTER_1 = '22222222-2222-4222-8222-000000000001';
const SEED_YEAR_END = md5uuid('round:year_end');
const SEED_MID_YEAR = md5uuid('round:mid_year');
const CLUSTER_LEAD_1 = 'cumtruong.cum1@thidua.test';
/** TARGETS P9: a standings response, gzip. */
const PAYLOAD_LIMIT = 20_000;
/** The app's standings query (src/lib/remote/standings-api.ts), ordered by rank. */
const STANDINGS_COLUMNS =
	'round_id, cluster_id, official, decision_number, decision_signed_on, unit_id, unit_name, total, self_total, ' +
	'group_totals, scored_criteria, rank, previous_rank, rank_change, gap_to_next, updated_at';

type Result = { data: unknown; error: { code?: string; message: string } | null; count?: number | null };
/** Denied: refused outright, or it matched no row. */
function expectDenied(r: Result, what: string) {
	const rows = Array.isArray(r.data) ? r.data.length : r.data == null ? (r.count ?? 0) : 1;
	expect(r.error !== null || rows === 0, `${what}: ${JSON.stringify(r.data)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------------
const units = {} as Record<'H' | 'A' | 'B' | 'C' | 'M' | 'D', string>;
const clusters = {} as Record<'K' | 'K2' | 'K90', string>;
type Who = 'officerA' | 'officerB' | 'officerC' | 'officerD' | 'reporterA' | 'lead' | 'exLead' | 'leader' | 'admin' | 'council';
const ids = {} as Record<Who, string>;
const as = {} as Record<Who, SupabaseClient>;
const people: string[] = [];
const stories: string[] = [];
/** This year's seeded criteria by code (A1 … E2) with their maximum points. */
const seeded = {} as Record<string, { id: string; max: number; kind: string }>;
let seedFingerprint: string;

async function person(key: Who, memberships: { role: string; year?: number; unit_id?: string; cluster_id?: string }[]) {
	const userId = await createPerson(service, `scoring-${key}`, `Cán bộ chấm điểm ${key}`);
	people.push(userId);
	ids[key] = userId;
	for (const m of memberships) await must(service.from('membership').insert({ year: Y, ...m, user_id: userId }), `membership ${key}`);
	as[key] = await signIn(userId, service);
}

/** The seeded scoring rows (scores, results, decisions, rounds, criteria, history and evidence of seeded units). */
async function seedScoringFingerprint(): Promise<string> {
	const { rows } = await db.query<{ fp: string }>(
		`select md5(concat_ws('|',
		   (select string_agg(concat_ws(',', round_id, unit_id, criterion_id, stage, points, reason, scored_by, scored_at), ';' order by round_id, unit_id, criterion_id, stage)
		      from public.score where unit_id not in (select unnest($1::uuid[]))),
		   (select string_agg(concat_ws(',', round_id, unit_id, cluster_id, total, self_total, group_totals, scored_criteria, rank, previous_rank, rank_changed_at, updated_at), ';' order by round_id, unit_id)
		      from public.unit_result where unit_id not in (select unnest($1::uuid[]))),
		   (select string_agg(concat_ws(',', id, status, published_at, decision_id), ';' order by id) from public.assessment_round where year = $2),
		   (select string_agg(concat_ws(',', id, kind, number), ';' order by id) from public.decision where year = $2),
		   (select string_agg(concat_ws(',', id, status, frozen_at), ';' order by id) from public.criteria_set where year = $2),
		   (select string_agg(concat_ws(',', id, code, max_points), ';' order by id) from public.criterion),
		   (select count(*) from public.score_history where unit_id not in (select unnest($1::uuid[]))),
		   (select count(*) from public.evidence where unit_id not in (select unnest($1::uuid[])))
		 )) as fp`,
		[Object.values(units), Y]
	);
	return rows[0]!.fp;
}

/** Removes every row this file made in the scoring tables, children first, with triggers off. */
async function removeScoringRows(): Promise<void> {
	const mine = Object.values(units);
	await asSuperuser(db, [
		['delete from public.score_history where unit_id = any($1) or round_id in (select id from public.assessment_round where year = any($2))', [mine, [Y90, Y91]]],
		['delete from public.evidence where unit_id = any($1)', [mine]],
		['delete from public.score where unit_id = any($1)', [mine]],
		['delete from public.unit_result where unit_id = any($1)', [mine]],
		['delete from public.assessment_round where year = any($1)', [[Y90, Y91]]],
		['delete from public.decision where year = any($1)', [[Y90, Y91]]],
		['delete from public.criterion where criteria_set_id in (select id from public.criteria_set where year = any($1))', [[Y90, Y91]]],
		['delete from public.criterion_group where criteria_set_id in (select id from public.criteria_set where year = any($1))', [[Y90, Y91]]],
		['delete from public.criteria_set where year = any($1)', [[Y90, Y91]]],
		["delete from storage.objects where bucket_id = 'evidence' and split_part(name, '/', 1) = any($1)", [mine]]
	]);
}

beforeAll(async () => {
	await db.connect();
	// A previous run against the same long-lived stack may have left its 2090 rows behind.
	await removeScoringRows();
	const { data: crit } = await service
		.from('criterion')
		.select('id, code, max_points, kind, criteria_set!inner(year)')
		.eq('criteria_set.year', Y);
	for (const c of crit as { id: string; code: string; max_points: number; kind: string }[]) seeded[c.code] = { id: c.id, max: Number(c.max_points), kind: c.kind };
	if (!seeded.A1 || !seeded.E2) throw new Error("this year's seeded criteria A1 … E2 are missing");

	for (const u of ['H', 'A', 'B', 'C', 'M', 'D'] as const) units[u] = await createUnit(service, `scoring-${u.toLowerCase()}`);
	// M came (in part) from H: scoring M is scoring one's own unit for H's staff.
	await must(service.from('unit_lineage').insert({ from_unit_id: units.H, to_unit_id: units.M, change: 'split', effective_on: '2025-07-01' }), 'lineage H → M');
	clusters.K = await createCluster(service, Y, 'Cụm thử chấm điểm', [units.H, units.A, units.B, units.C, units.M]);
	clusters.K2 = await createCluster(service, Y, 'Cụm thử chấm điểm 2', [units.D]);
	clusters.K90 = await createCluster(service, Y90, 'Cụm thử chấm điểm năm 2090', [units.A, units.B, units.C, units.D]);
	seedFingerprint = await seedScoringFingerprint();

	await person('officerA', [{ role: 'unit_officer', unit_id: units.A }]);
	await person('officerB', [{ role: 'unit_officer', unit_id: units.B }]);
	await person('officerC', [{ role: 'unit_officer', unit_id: units.C }]);
	await person('officerD', [{ role: 'unit_officer', unit_id: units.D }]);
	await person('reporterA', [{ role: 'reporter', unit_id: units.A }]);
	// The lead of K from H this year, and of K90 in 2090 (with no home unit there).
	await person('lead', [
		{ role: 'cluster_lead', cluster_id: clusters.K, unit_id: units.H },
		{ role: 'cluster_lead', cluster_id: clusters.K90, year: Y90 }
	]);
	// Lead of K90 in 2090 from A, with no role this year: this year's memberships say nothing about A.
	await person('exLead', [{ role: 'cluster_lead', cluster_id: clusters.K90, unit_id: units.A, year: Y90 }]);
	await person('leader', [{ role: 'city_leader' }]);
	await must(service.from('cluster_leader_assignment').insert({ cluster_id: clusters.K, user_id: ids.leader }), 'assign leader');
	await person('admin', [{ role: 'city_admin' }]);
	await person('council', [{ role: 'council_member' }]);
}, 120_000);

afterAll(async () => {
	for (const c of Object.values(as)) await c.auth.signOut();
	const failures: string[] = [];
	const run = async (what: string, p: PromiseLike<{ error: { message: string } | null }>) => {
		const { error } = await p;
		if (error) failures.push(`${what}: ${error.message}`);
	};
	try {
		await removeScoringRows();
	} catch (error) {
		failures.push(`scoring rows: ${error instanceof Error ? error.message : String(error)}`);
	}
	const unitIds = Object.values(units);
	await run('stories', service.from('story').delete().in('id', stories));
	await run('memberships', service.from('membership').delete().in('user_id', people));
	await run('clusters', service.from('cluster').delete().in('id', Object.values(clusters)));
	await run('lineage', service.from('unit_lineage').delete().in('to_unit_id', unitIds));
	await run('units', service.from('unit').delete().in('id', unitIds));
	for (const id of people) await run(`user ${id}`, service.auth.admin.deleteUser(id));
	// The seeded scoring rows are as they were before this file ran.
	if (seedFingerprint && (await seedScoringFingerprint()) !== seedFingerprint) failures.push('the seeded scoring rows changed');
	await db.end();
	expect(failures).toEqual([]);
}, 120_000);

const scoreRow = (unit: string, criterion: string, stage: string, points: number, reason?: string, round = SEED_YEAR_END) => ({
	round_id: round,
	unit_id: unit,
	criterion_id: criterion,
	stage,
	points,
	reason: reason ?? null
});
const put = (c: SupabaseClient, unit: string, criterion: string, stage: string, points: number, reason?: string, round = SEED_YEAR_END) =>
	c.from('score').insert(scoreRow(unit, criterion, stage, points, reason, round));

async function storedScore(round: string, unit: string, criterion: string, stage: string): Promise<Record<string, unknown> | null> {
	const { data, error } = await service.from('score').select('*').match({ round_id: round, unit_id: unit, criterion_id: criterion, stage }).maybeSingle();
	if (error) throw new Error(`read score: ${error.message}`);
	return data as Record<string, unknown> | null;
}

/** The standings of a cluster in a round through PostgREST as `c`, the app's query, ordered by rank then name. */
async function standings(c: SupabaseClient, round: string, cluster: string): Promise<Record<string, unknown>[]> {
	const { data, error } = await c.from('standings').select(STANDINGS_COLUMNS).eq('round_id', round).eq('cluster_id', cluster).order('rank').order('unit_name');
	if (error) throw new Error(`standings: ${error.message}`);
	return data as unknown as Record<string, unknown>[];
}

/** The gzip size of the app's standings response, fetched over HTTP as the signed-in `c` (or anonymously). */
async function standingsPayload(c: SupabaseClient | null, round: string, cluster: string): Promise<{ rows: number; gzip: number }> {
	const key = process.env.SUPABASE_ANON_KEY!;
	const token = c ? (await c.auth.getSession()).data.session?.access_token : key;
	const url = `${process.env.SUPABASE_URL}/rest/v1/standings?select=${encodeURIComponent(STANDINGS_COLUMNS.replace(/ /g, ''))}` + `&round_id=eq.${round}&cluster_id=eq.${cluster}&order=rank`;
	const response = await fetch(url, { headers: { apikey: key, Authorization: `Bearer ${token}` } });
	const text = await response.text();
	expect(response.status, text).toBe(200);
	return { rows: (JSON.parse(text) as unknown[]).length, gzip: gzipSync(Buffer.from(text, 'utf8')).length };
}

// ---------------------------------------------------------------------------------------------------------------
describe('who scores which stage (this year’s open year-end round, cluster K)', () => {
	it('a unit officer writes only the self-assessment of his own unit', async () => {
		expect((await put(as.officerA, units.A, seeded.A1!.id, 'self', 8)).error).toBeNull();
		expect((await storedScore(SEED_YEAR_END, units.A, seeded.A1!.id, 'self'))!).toMatchObject({ points: 8, scored_by: ids.officerA });
		for (const [unit, stage] of [
			[units.B, 'self'],
			[units.D, 'self'],
			[units.A, 'cluster'],
			[units.A, 'city']
		] as const) {
			const r = await put(as.officerA, unit, seeded.A2!.id, stage, 5);
			expect(r.error?.code, `${stage} of ${unit}`).toBe('42501');
			expect(await storedScore(SEED_YEAR_END, unit, seeded.A2!.id, stage)).toBeNull();
		}
		// Nor the seeded officer of Ba Đình for Đông Anh (the seed stays as it is).
		const badinh = await signedIn(demo.officerBaDinh);
		expect((await put(badinh, UNIT_DONG_ANH, seeded.A1!.id, 'self', 5)).error?.code).toBe('42501');
		await badinh.auth.signOut();
	});

	it('the cluster lead writes only the cluster stage of his cluster’s units, never his home unit nor one it became', async () => {
		expect((await put(as.lead, units.B, seeded.A1!.id, 'cluster', 7)).error).toBeNull();
		const refused: [string, string, string][] = [
			[units.H, 'cluster', 'his home unit'],
			[units.M, 'cluster', 'a unit that came from his home unit (lineage)'],
			[units.D, 'cluster', 'a unit of another cluster'],
			[units.B, 'self', "the unit's own stage"],
			[units.B, 'city', "the city's stage"]
		];
		for (const [unit, stage, what] of refused) {
			const r = await put(as.lead, unit, seeded.A2!.id, stage, 5);
			expect(r.error?.code, what).toBe('42501');
			expect(await storedScore(SEED_YEAR_END, unit, seeded.A2!.id, stage), what).toBeNull();
		}
		// The app greys out what the database refuses.
		expect((await as.lead.rpc('has_conflict_of_interest', { p_unit: units.M })).data).toBe(true);
		expect((await as.lead.rpc('has_conflict_of_interest', { p_unit: units.B })).data).toBe(false);
	});

	it('the seeded head of Cụm 1 cannot score Phường Ba Đình, his home unit', async () => {
		const lead1 = await signedIn(CLUSTER_LEAD_1);
		try {
			expect((await lead1.rpc('has_conflict_of_interest', { p_unit: UNIT_BA_DINH })).data).toBe(true);
			const r = await put(lead1, UNIT_BA_DINH, seeded.A1!.id, 'cluster', 5);
			expect(r.error?.code).toBe('42501');
			expect(await storedScore(SEED_YEAR_END, UNIT_BA_DINH, seeded.A1!.id, 'cluster')).toBeNull();
			// Nor overwrite Ngọc Hà's self-assessment: his stage is the cluster's.
			const before = await storedScore(SEED_YEAR_END, UNIT_NGOC_HA, seeded.A1!.id, 'self');
			expectDenied(await lead1.from('score').update({ points: 1 }).match({ round_id: SEED_YEAR_END, unit_id: UNIT_NGOC_HA, criterion_id: seeded.A1!.id, stage: 'self' }).select(), 'self of Ngọc Hà');
			expect(await storedScore(SEED_YEAR_END, UNIT_NGOC_HA, seeded.A1!.id, 'self')).toEqual(before);
		} finally {
			await lead1.auth.signOut();
		}
	});

	it('a city admin writes the city stage only; city leaders, council members, reporters and the public write nothing', async () => {
		expect((await put(as.admin, units.C, seeded.A1!.id, 'city', 6)).error).toBeNull();
		for (const stage of ['self', 'cluster']) expect((await put(as.admin, units.C, seeded.A2!.id, stage, 5)).error?.code, stage).toBe('42501');
		for (const who of ['leader', 'council', 'reporterA'] as const) {
			for (const stage of ['self', 'cluster', 'city']) {
				expect((await put(as[who], units.A, seeded.A2!.id, stage, 5)).error?.code, `${who} ${stage}`).toBe('42501');
			}
		}
		expect((await put(anonClient(), units.A, seeded.A2!.id, 'self', 5)).error).not.toBeNull();
		for (const stage of ['self', 'cluster', 'city']) expect(await storedScore(SEED_YEAR_END, units.A, seeded.A2!.id, stage)).toBeNull();
	});

	it('points above the criterion’s maximum (or below zero, or of another year’s criteria) are refused', async () => {
		const over = await put(as.officerA, units.A, seeded.A2!.id, 'self', seeded.A2!.max + 0.5);
		expect(over.error?.code).toBe('22023');
		expect(over.error?.message).toContain('tối đa');
		expect((await put(as.officerA, units.A, seeded.A2!.id, 'self', -1)).error).not.toBeNull();
		expect((await put(as.officerA, units.A, seeded.E1!.id, 'self', seeded.E1!.max)).error).toBeNull();
		expect((await as.officerA.from('score').update({ points: seeded.E1!.max + 1 }).match({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.E1!.id, stage: 'self' })).error?.code).toBe('22023');
		expect((await storedScore(SEED_YEAR_END, units.A, seeded.E1!.id, 'self'))!.points).toBe(seeded.E1!.max);
		expect(await storedScore(SEED_YEAR_END, units.A, seeded.A2!.id, 'self')).toBeNull();
	});
});

describe('the reason rule', () => {
	it('a cluster score that differs from the self-assessment needs a reason; an equal one does not', async () => {
		expect((await put(as.officerB, units.B, seeded.B1!.id, 'self', 12)).error).toBeNull();
		expect((await put(as.officerB, units.B, seeded.B2!.id, 'self', 10)).error).toBeNull();
		const bare = await put(as.lead, units.B, seeded.B1!.id, 'cluster', 11);
		expect(bare.error?.code).toBe('23514');
		expect(bare.error?.message).toContain('lý do');
		expect((await put(as.lead, units.B, seeded.B1!.id, 'cluster', 11, '   ')).error?.code).toBe('23514');
		expect(await storedScore(SEED_YEAR_END, units.B, seeded.B1!.id, 'cluster')).toBeNull();
		expect((await put(as.lead, units.B, seeded.B1!.id, 'cluster', 11, 'Thiếu biên bản của hai khu dân cư.')).error).toBeNull();
		expect((await put(as.lead, units.B, seeded.B2!.id, 'cluster', 10)).error).toBeNull();
		// Changing it later to differ needs a reason too.
		const change = await as.lead.from('score').update({ points: 9 }).match({ round_id: SEED_YEAR_END, unit_id: units.B, criterion_id: seeded.B2!.id, stage: 'cluster' });
		expect(change.error?.code).toBe('23514');
	});

	it('a city score that differs from the cluster’s (or, with no cluster score, from the unit’s own) needs a reason', async () => {
		expect((await put(as.admin, units.B, seeded.B1!.id, 'city', 12)).error?.code).toBe('23514');
		expect((await put(as.admin, units.B, seeded.B1!.id, 'city', 12, 'Đã có biên bản bổ sung.')).error).toBeNull();
		expect((await put(as.admin, units.B, seeded.B2!.id, 'city', 10)).error).toBeNull();
		// B3: self only.
		expect((await put(as.officerB, units.B, seeded.B3!.id, 'self', 8)).error).toBeNull();
		expect((await put(as.admin, units.B, seeded.B3!.id, 'city', 7)).error?.code).toBe('23514');
		expect((await put(as.admin, units.B, seeded.B3!.id, 'city', 7, 'Một câu chuyện chưa được xác minh.')).error).toBeNull();
	});

	it('every change keeps who, when, the old and new points and the reason', async () => {
		expect((await as.lead.from('score').update({ points: 9, reason: 'Một nhà Đại đoàn kết chưa bàn giao.' }).match({ round_id: SEED_YEAR_END, unit_id: units.B, criterion_id: seeded.B2!.id, stage: 'cluster' })).error).toBeNull();
		const { data } = await as.officerB.from('score_history').select('stage, old_points, new_points, reason, changed_by, decision_id').eq('unit_id', units.B).eq('criterion_id', seeded.B2!.id);
		expect(data).toEqual([{ stage: 'cluster', old_points: 10, new_points: 9, reason: 'Một nhà Đại đoàn kết chưa bàn giao.', changed_by: ids.lead, decision_id: null }]);
		// Nobody writes history by hand.
		const forged = await as.admin.from('score_history').insert({ round_id: SEED_YEAR_END, unit_id: units.B, criterion_id: seeded.B2!.id, stage: 'city', old_points: 1, new_points: 2 });
		expect(forged.error).not.toBeNull();
	});
});

describe('standings of an open round, as the cluster sees them', () => {
	it('every member of a cluster reads the whole cluster’s provisional standings, at once after a score', async () => {
		const rows = await standings(as.officerA, SEED_YEAR_END, clusters.K);
		// All five members, the unscored ones too (they joined the cluster after the round opened).
		expect(rows.map((r) => r.unit_id).sort()).toEqual([units.H, units.A, units.B, units.C, units.M].sort());
		expect(rows.every((r) => r.official === false && r.decision_number === null)).toBe(true);
		const b = rows.find((r) => r.unit_id === units.B)!;
		// B: A1 cluster 7; B1 city 12; B2 city 10 (over cluster 9); B3 city 7.
		expect(b.total).toBe(7 + 12 + 10 + 7);
		expect(b.self_total).toBe(12 + 10 + 8);
		expect(b.rank).toBe(1);
		for (const who of ['reporterA', 'lead', 'leader', 'admin', 'council'] as const) {
			expect((await standings(as[who], SEED_YEAR_END, clusters.K)).length, who).toBe(5);
		}
		// Not another cluster's, not the public.
		expect(await standings(as.officerD, SEED_YEAR_END, clusters.K)).toEqual([]);
		expect(await standings(as.officerA, SEED_YEAR_END, clusters.K2)).toEqual([]);
		expect(await standings(anonClient(), SEED_YEAR_END, clusters.K)).toEqual([]);
	});

	it('a seeded officer reads his whole cluster (Cụm 1: Ba Đình, Đông Anh, Ngọc Hà); the public reads only the published mid-year', async () => {
		const officer = await signedIn(demo.officerDongAnh);
		try {
			const rows = await standings(officer, SEED_YEAR_END, SEED_CLUSTER_1);
			expect(rows.map((r) => r.unit_id).sort()).toEqual([UNIT_BA_DINH, UNIT_DONG_ANH, UNIT_NGOC_HA].sort());
			// Đông Anh and Ngọc Hà self-assessed, Ngọc Hà cluster-scored lower on B2; Ba Đình not yet.
			expect(rows.map((r) => [r.unit_id, r.rank])).toEqual([
				[UNIT_DONG_ANH, 1],
				[UNIT_NGOC_HA, 2],
				[UNIT_BA_DINH, 3]
			]);
			const payload = await standingsPayload(officer, SEED_YEAR_END, SEED_CLUSTER_1);
			expect(payload.rows).toBe(3);
			expect(payload.gzip).toBeLessThanOrEqual(PAYLOAD_LIMIT);
		} finally {
			await officer.auth.signOut();
		}
		expect(await standings(anonClient(), SEED_YEAR_END, SEED_CLUSTER_1)).toEqual([]);
		const mid = await standings(anonClient(), SEED_MID_YEAR, SEED_CLUSTER_1);
		expect(mid).toHaveLength(3);
		expect(mid.every((r) => r.official === true && r.decision_number === '45/QĐ-MTTQ-BTT')).toBe(true);
		expect(mid.map((r) => r.rank)).toEqual([1, 2, 3]);
		const payload = await standingsPayload(null, SEED_MID_YEAR, SEED_CLUSTER_1);
		expect(payload.rows).toBe(3);
		expect(payload.gzip).toBeLessThanOrEqual(PAYLOAD_LIMIT);
	});
});

describe('evidence', () => {
	let storyA: string;
	let storyB: string;
	const filePath = () => `${units.A}/${SEED_YEAR_END}/bien-ban-ngay-hoi.pdf`;
	const pdf = () => new Blob([Buffer.from('%PDF-1.4\n% Biên bản Ngày hội Đại đoàn kết\n%%EOF\n')], { type: 'application/pdf' });

	beforeAll(async () => {
		for (const [unit, author] of [
			[units.A, 'reporterA'],
			[units.B, 'reporterA']
		] as const) {
			const row = newStoryRow(unit, { author_id: ids[author], status: 'verified' });
			await must(service.from('story').insert(row), 'story');
			stories.push(row.id as string);
		}
		[storyA, storyB] = stories as [string, string];
	});

	it('a story linked as evidence must be the unit’s own', async () => {
		const own = await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.B3!.id, kind: 'story', story_id: storyA }).select('id, added_by').single();
		expect(own.error).toBeNull();
		expect(own.data!.added_by).toBe(ids.officerA);
		const other = await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.B3!.id, kind: 'story', story_id: storyB });
		expect(other.error?.code).toBe('22023');
		expect(other.error?.message).toContain('chính đơn vị');
		// Nor evidence for another unit (its own story included).
		expect((await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.B, criterion_id: seeded.B3!.id, kind: 'story', story_id: storyB })).error).not.toBeNull();
		const { data } = await service.from('evidence').select('story_id').eq('unit_id', units.A);
		expect(data).toEqual([{ story_id: storyA }]);
		// The cluster lead and the city read it; another unit's officer does not.
		expect((await as.lead.from('evidence').select('id').eq('unit_id', units.A)).data).toHaveLength(1);
		expect((await as.admin.from('evidence').select('id').eq('unit_id', units.A)).data).toHaveLength(1);
		expect((await as.officerB.from('evidence').select('id').eq('unit_id', units.A)).data).toEqual([]);
	});

	it('files go to {unit_id}/{round_id}/… in bucket evidence: the unit’s officer writes, the unit’s score readers read', async () => {
		const up = await as.officerA.storage.from('evidence').upload(filePath(), pdf(), { contentType: 'application/pdf' });
		expect(up.error).toBeNull();
		// Not into another unit's folder, not into a published round's folder, not as a reporter.
		expect((await as.officerA.storage.from('evidence').upload(`${units.B}/${SEED_YEAR_END}/x.pdf`, pdf(), { contentType: 'application/pdf' })).error).not.toBeNull();
		expect((await as.officerA.storage.from('evidence').upload(`${units.A}/${SEED_MID_YEAR}/x.pdf`, pdf(), { contentType: 'application/pdf' })).error).not.toBeNull();
		expect((await as.reporterA.storage.from('evidence').upload(`${units.A}/${SEED_YEAR_END}/y.pdf`, pdf(), { contentType: 'application/pdf' })).error).not.toBeNull();

		const row = await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.A1!.id, kind: 'file', storage_path: filePath(), caption: 'Biên bản' });
		expect(row.error).toBeNull();
		// The row must point into the unit's folder for this round.
		const elsewhere = await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.A1!.id, kind: 'file', storage_path: `${units.B}/${SEED_YEAR_END}/x.pdf` });
		expect(elsewhere.error?.code).toBe('22023');
		const otherRound = await as.officerA.from('evidence').insert({ round_id: SEED_YEAR_END, unit_id: units.A, criterion_id: seeded.A1!.id, kind: 'file', storage_path: `${units.A}/${SEED_MID_YEAR}/x.pdf` });
		expect(otherRound.error?.code).toBe('22023');

		for (const who of ['officerA', 'lead', 'leader', 'admin', 'council'] as const) {
			const got = await as[who].storage.from('evidence').download(filePath());
			expect(got.error, who).toBeNull();
			expect((await got.data!.text()).startsWith('%PDF'), who).toBe(true);
		}
		for (const who of ['officerB', 'officerD', 'reporterA'] as const) {
			expect((await as[who].storage.from('evidence').download(filePath())).error, who).not.toBeNull();
		}
		expect((await anonClient().storage.from('evidence').download(filePath())).error).not.toBeNull();

		// Another unit's officer cannot remove it; the unit's own can, while the round is open.
		await as.officerB.storage.from('evidence').remove([filePath()]);
		expect((await as.lead.storage.from('evidence').download(filePath())).error).toBeNull();
		expect((await as.officerA.from('evidence').delete().eq('storage_path', filePath())).error).toBeNull();
		const removed = await as.officerA.storage.from('evidence').remove([filePath()]);
		expect(removed.error).toBeNull();
		expect(removed.data).toHaveLength(1);
	});
});

// ---------------------------------------------------------------------------------------------------------------
describe('a round of our own: criteria, fixed scores, standings, publication, freeze and corrections', () => {
	let S90: string;
	let R90: string;
	const crit = {} as Record<'c1' | 'c2' | 'c3' | 'bonus' | 'penalty', string>;
	const groups = {} as Record<'GA' | 'GB' | 'GE', string>;
	let publishDecision: string;

	const byUnit = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [r.unit_id as string, r]));
	const unitName = (id: string) => Object.entries(units).find(([, v]) => v === id)?.[0];
	const ranks = async () => {
		const rows = await standings(as.admin, R90, clusters.K90);
		return Object.fromEntries(rows.map((r) => [unitName(r.unit_id as string), r.rank]));
	};

	it('the city admin builds a criteria set (groups, base, bonus and penalty criteria); nobody else may', async () => {
		const set = await as.admin.from('criteria_set').insert({ year: Y90, title: 'Bộ tiêu chí thử năm 2090' }).select('id, status').single();
		expect(set.error).toBeNull();
		expect(set.data!.status).toBe('draft');
		S90 = set.data!.id as string;
		for (const [key, code, name] of [
			['GA', 'A', 'Nhóm A thử'],
			['GB', 'B', 'Nhóm B thử'],
			['GE', 'E', 'Điểm thưởng, điểm trừ']
		] as const) {
			const g = await as.admin.from('criterion_group').insert({ criteria_set_id: S90, code, name }).select('id').single();
			expect(g.error).toBeNull();
			groups[key] = g.data!.id as string;
		}
		for (const [key, group, code, kind, max] of [
			['c1', 'GA', 'A1', 'base', 10],
			['c2', 'GA', 'A2', 'base', 10],
			['c3', 'GB', 'B1', 'base', 20],
			['bonus', 'GE', 'E1', 'bonus', 5],
			['penalty', 'GE', 'E2', 'penalty', 5]
		] as const) {
			const c = await as.admin
				.from('criterion')
				.insert({ criteria_set_id: S90, group_id: groups[group], code, name: `Tiêu chí thử ${code}`, kind, max_points: max })
				.select('id')
				.single();
			expect(c.error).toBeNull();
			crit[key] = c.data!.id as string;
		}
		for (const who of ['officerA', 'lead', 'leader', 'council'] as const) {
			expect((await as[who].from('criterion').insert({ criteria_set_id: S90, group_id: groups.GA, code: 'X1', name: 'Không được thêm', max_points: 1 })).error?.code, who).toBe('42501');
			expectDenied(await as[who].from('criterion').update({ max_points: 99 }).eq('id', crit.c1).select(), `${who} edits`);
			expectDenied(await as[who].from('criteria_set').update({ status: 'frozen' }).eq('id', S90).select(), `${who} freezes`);
		}
		// A round needs a frozen set.
		const early = await as.admin.from('assessment_round').insert({ year: Y90, period: 'year_end', criteria_set_id: S90 });
		expect(early.error?.code).toBe('22023');
	});

	it('frozen, the criteria change for nobody, the city admin included', async () => {
		const frozen = await as.admin.from('criteria_set').update({ status: 'frozen' }).eq('id', S90).select('status, frozen_by, frozen_at').single();
		expect(frozen.error).toBeNull();
		expect(frozen.data).toMatchObject({ status: 'frozen', frozen_by: ids.admin });
		const before = await service.from('criterion').select('*').eq('criteria_set_id', S90).order('code');
		const attempts: [string, PromiseLike<Result>][] = [
			['edit a criterion', as.admin.from('criterion').update({ max_points: 15 }).eq('id', crit.c1).select()],
			['rename a criterion', as.admin.from('criterion').update({ name: 'Đổi tên sau khi khóa' }).eq('id', crit.c2).select()],
			['remove a criterion', as.admin.from('criterion').delete().eq('id', crit.c3).select()],
			['add a criterion', as.admin.from('criterion').insert({ criteria_set_id: S90, group_id: groups.GA, code: 'A3', name: 'Thêm sau khi khóa', max_points: 5 }).select()],
			['edit a group', as.admin.from('criterion_group').update({ name: 'Đổi tên nhóm' }).eq('id', groups.GA).select()],
			['remove a group', as.admin.from('criterion_group').delete().eq('id', groups.GB).select()],
			['add a group', as.admin.from('criterion_group').insert({ criteria_set_id: S90, code: 'F', name: 'Nhóm mới' }).select()],
			['unfreeze', as.admin.from('criteria_set').update({ status: 'draft' }).eq('id', S90).select()],
			['retitle the set', as.admin.from('criteria_set').update({ title: 'Tên mới' }).eq('id', S90).select()],
			['remove the set', as.admin.from('criteria_set').delete().eq('id', S90).select()]
		];
		for (const [what, p] of attempts) {
			const r = await p;
			expect(r.error?.code, what).toBe('42501');
		}
		expect((await service.from('criterion').select('*').eq('criteria_set_id', S90).order('code')).data).toEqual(before.data);
		expect((await service.from('criteria_set').select('status').eq('id', S90).single()).data!.status).toBe('frozen');
		// A set is born a draft.
		expect((await as.admin.from('criteria_set').insert({ year: Y91, title: 'Sinh ra đã khóa', status: 'frozen' })).error?.code).toBe('42501');
	});

	it('the round opens on the frozen set with a zero result for every member of the year’s clusters', async () => {
		expect((await as.lead.from('assessment_round').insert({ year: Y90, period: 'year_end', criteria_set_id: S90 })).error?.code).toBe('42501');
		const r = await as.admin.from('assessment_round').insert({ year: Y90, period: 'year_end', criteria_set_id: S90 }).select('id, status').single();
		expect(r.error).toBeNull();
		expect(r.data!.status).toBe('open');
		R90 = r.data!.id as string;
		const rows = await standings(as.admin, R90, clusters.K90);
		expect(rows.map((x) => [unitName(x.unit_id as string), x.total, x.rank])).toEqual([
			['A', 0, 1],
			['B', 0, 1],
			['C', 0, 1],
			['D', 0, 1]
		]);
	});

	it('the conflict-of-interest rule holds in the round’s year: a 2090 lead from A cannot score A', async () => {
		// exLead has no role this year, so this year's memberships do not name A; his 2090 membership does.
		expect((await as.exLead.rpc('has_conflict_of_interest', { p_unit: units.A })).data).toBe(false);
		expect((await put(as.officerA, units.A, crit.c1, 'self', 8, undefined, R90)).error).toBeNull();
		const own = await put(as.exLead, units.A, crit.c1, 'cluster', 8, undefined, R90);
		expect(own.error?.code).toBe('42501');
		expect(await storedScore(R90, units.A, crit.c1, 'cluster')).toBeNull();
		// B's penalty at the cluster stage (no self score for it: no reason needed).
		expect((await put(as.exLead, units.B, crit.penalty, 'cluster', 2, undefined, R90)).error).toBeNull();
	});

	it('fixed scores give the expected totals, ranks with a tie (1, 2, 2, 4) and gaps', async () => {
		const writes: [SupabaseClient, string, keyof typeof crit, string, number, string?][] = [
			// A: c1 self 8 (above), cluster 8; c2 self 9; c3 self 15, cluster 14, city 16; bonus self 3; penalty self 1.
			[as.lead, units.A, 'c1', 'cluster', 8],
			[as.officerA, units.A, 'c2', 'self', 9],
			[as.officerA, units.A, 'c3', 'self', 15],
			[as.lead, units.A, 'c3', 'cluster', 14, 'Một khu dân cư chưa đạt chuẩn văn hóa.'],
			[as.admin, units.A, 'c3', 'city', 16, 'Đã xác minh lại: khu dân cư đạt chuẩn.'],
			[as.officerA, units.A, 'bonus', 'self', 3],
			[as.officerA, units.A, 'penalty', 'self', 1],
			// B: 10 + 10 + 12, penalty 2 (cluster, above) → 30.
			[as.officerB, units.B, 'c1', 'self', 10],
			[as.officerB, units.B, 'c2', 'self', 10],
			[as.officerB, units.B, 'c3', 'self', 12],
			// C: 7 + 8 + 13, bonus 2 at the cluster stage → 30.
			[as.officerC, units.C, 'c1', 'self', 7],
			[as.officerC, units.C, 'c2', 'self', 8],
			[as.officerC, units.C, 'c3', 'self', 13],
			[as.lead, units.C, 'bonus', 'cluster', 2],
			// D: 5 + 5 + 10 → 20.
			[as.officerD, units.D, 'c1', 'self', 5],
			[as.officerD, units.D, 'c2', 'self', 5],
			[as.officerD, units.D, 'c3', 'self', 10]
		];
		for (const [client, unit, c, stage, points, reason] of writes) {
			const r = await put(client, unit, crit[c], stage, points, reason, R90);
			expect(r.error, `${unitName(unit)} ${c} ${stage}`).toBeNull();
		}
		const rows = byUnit(await standings(as.admin, R90, clusters.K90));
		const expected = {
			A: { total: 35, self_total: 34, rank: 1, gap_to_next: null, scored_criteria: 5, group_totals: { A: 17, B: 16, E: 2 } },
			B: { total: 30, self_total: 32, rank: 2, gap_to_next: 5, scored_criteria: 4, group_totals: { A: 20, B: 12, E: -2 } },
			C: { total: 30, self_total: 28, rank: 2, gap_to_next: 5, scored_criteria: 4, group_totals: { A: 15, B: 13, E: 2 } },
			D: { total: 20, self_total: 20, rank: 4, gap_to_next: 10, scored_criteria: 3, group_totals: { A: 10, B: 10, E: 0 } }
		};
		for (const [u, want] of Object.entries(expected)) {
			expect(rows[units[u as keyof typeof units]], u).toMatchObject({ ...want, official: false, decision_number: null });
		}
		// The response orders by rank (ties share it); the display breaks ties by name.
		expect(Object.values(await ranks())).toEqual([1, 2, 2, 4]);
		const payload = await standingsPayload(as.admin, R90, clusters.K90);
		expect(payload.rows).toBe(4);
		expect(payload.gzip).toBeLessThanOrEqual(PAYLOAD_LIMIT);
	});

	it('a change re-ranks the cluster at once: previous rank and rank change show who moved', async () => {
		// D raises c3 to 20 (D: 30, ties for second); the cluster scores B's c1 lower (B: 29).
		const up = await as.officerD.from('score').update({ points: 20 }).match({ round_id: R90, unit_id: units.D, criterion_id: crit.c3, stage: 'self' }).select('points');
		expect(up.error).toBeNull();
		expect(up.data).toEqual([{ points: 20 }]);
		let rows = byUnit(await standings(as.admin, R90, clusters.K90));
		expect(rows[units.D]).toMatchObject({ total: 30, rank: 2, previous_rank: 4, rank_change: 2, gap_to_next: 5 });
		expect((await put(as.lead, units.B, crit.c1, 'cluster', 9, 'Thiếu biên bản ngày hội của một khu dân cư.', R90)).error).toBeNull();
		rows = byUnit(await standings(as.admin, R90, clusters.K90));
		expect(rows[units.B]).toMatchObject({ total: 29, rank: 4, previous_rank: 2, rank_change: -2, gap_to_next: 1 });
		expect(rows[units.A]).toMatchObject({ total: 35, rank: 1, gap_to_next: null });
		expect(rows[units.C]).toMatchObject({ total: 30, rank: 2 });
		expect(rows[units.D]).toMatchObject({ total: 30, rank: 2 });
		expect(await ranks()).toEqual({ A: 1, C: 2, D: 2, B: 4 });
	});

	it('an open round is not public: the public reads none of it', async () => {
		expect(await standings(anonClient(), R90, clusters.K90)).toEqual([]);
	});

	it('publishing needs a decision: a direct status change is refused, and only a city admin publishes', async () => {
		const direct = await as.admin.from('assessment_round').update({ status: 'published', published_at: new Date().toISOString() }).eq('id', R90).select();
		expect(direct.error?.code).toBe('42501');
		const d = await as.admin.from('decision').insert({ year: Y90, kind: 'publish', number: '01/QĐ-THU', signed_on: '2090-11-20', title: 'Quyết định tự ghi' }).select('id').single();
		expect(d.error).toBeNull();
		const attach = await as.admin.from('assessment_round').update({ decision_id: d.data!.id }).eq('id', R90).select();
		expect(attach.error?.code).toBe('42501');
		const args = { p_round: R90, p_number: '99/QĐ-MTTQ-BTT', p_signed_on: '2090-11-25', p_title: 'Quyết định công bố kết quả thi đua năm 2090' };
		for (const who of ['officerA', 'lead', 'leader', 'council'] as const) {
			const r = await as[who].rpc('publish_round', args);
			expect(r.error, who).not.toBeNull();
		}
		expect((await anonClient().rpc('publish_round', args)).error).not.toBeNull();
		const round = await service.from('assessment_round').select('status, decision_id').eq('id', R90).single();
		expect(round.data).toEqual({ status: 'open', decision_id: null });
		expect((await service.from('decision').select('id').eq('number', '99/QĐ-MTTQ-BTT')).data).toEqual([]);
	});

	it('the city admin publishes with the decision; the public then reads the official standings', async () => {
		const evidence = await as.officerA.from('evidence').insert({ round_id: R90, unit_id: units.A, criterion_id: crit.c3, kind: 'link', url: 'https://example.org/bien-ban-2090', caption: 'Biên bản' });
		expect(evidence.error).toBeNull();
		// Evidence answers a criterion of the round's own set.
		const foreign = await as.officerA.from('evidence').insert({ round_id: R90, unit_id: units.A, criterion_id: seeded.A1!.id, kind: 'link', url: 'https://example.org/khac' });
		expect(foreign.error?.code).toBe('22023');
		expect((await as.officerA.storage.from('evidence').upload(`${units.A}/${R90}/bien-ban.pdf`, new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), { contentType: 'application/pdf' })).error).toBeNull();

		const r = await as.admin.rpc('publish_round', { p_round: R90, p_number: '99/QĐ-MTTQ-BTT', p_signed_on: '2090-11-25', p_title: 'Quyết định công bố kết quả thi đua năm 2090' });
		expect(r.error).toBeNull();
		publishDecision = r.data as string;
		const decision = await service.from('decision').select('year, kind, number, signed_on, created_by').eq('id', publishDecision).single();
		expect(decision.data).toEqual({ year: Y90, kind: 'publish', number: '99/QĐ-MTTQ-BTT', signed_on: '2090-11-25', created_by: ids.admin });
		const round = await service.from('assessment_round').select('status, decision_id, published_at').eq('id', R90).single();
		expect(round.data).toMatchObject({ status: 'published', decision_id: publishDecision });
		expect((await as.admin.rpc('publish_round', { p_round: R90, p_number: '100/QĐ', p_signed_on: '2090-11-26', p_title: 'Công bố lần hai' })).error?.code).toBe('42501');

		const pub = await standings(anonClient(), R90, clusters.K90);
		expect(pub.map((x) => [unitName(x.unit_id as string), x.total, x.rank])).toEqual([
			['A', 35, 1],
			['C', 30, 2],
			['D', 30, 2],
			['B', 29, 4]
		]);
		expect(pub.every((x) => x.official === true && x.decision_number === '99/QĐ-MTTQ-BTT' && x.decision_signed_on === '2090-11-25')).toBe(true);
		const payload = await standingsPayload(null, R90, clusters.K90);
		expect(payload.rows).toBe(4);
		expect(payload.gzip).toBeLessThanOrEqual(PAYLOAD_LIMIT);
	});

	it('published results are frozen for every role, the city admin included', async () => {
		const snapshot = async () => ({
			scores: (await service.from('score').select('*').eq('round_id', R90).order('unit_id').order('criterion_id').order('stage')).data,
			results: (await service.from('unit_result').select('*').eq('round_id', R90).order('unit_id')).data,
			evidence: (await service.from('evidence').select('*').eq('round_id', R90).order('id')).data,
			round: (await service.from('assessment_round').select('*').eq('id', R90).single()).data,
			decision: (await service.from('decision').select('*').eq('id', publishDecision).single()).data,
			history: (await service.from('score_history').select('id').eq('round_id', R90)).data?.length,
			files: (await db.query("select name from storage.objects where bucket_id = 'evidence' and name like $1", [`${units.A}/${R90}/%`])).rows
		});
		const before = await snapshot();
		const key = (unit: string, c: keyof typeof crit, stage: string) => ({ round_id: R90, unit_id: unit, criterion_id: crit[c], stage });
		const attempts: [string, PromiseLike<Result>][] = [
			['officer adds a self score', put(as.officerA, units.A, crit.c1, 'self', 1, undefined, R90)],
			['officer inserts a new self score', put(as.officerB, units.B, crit.bonus, 'self', 1, undefined, R90)],
			['officer changes his self score', as.officerA.from('score').update({ points: 10 }).match(key(units.A, 'c2', 'self')).select()],
			['officer withdraws his self score', as.officerA.from('score').delete().match(key(units.A, 'c2', 'self')).select()],
			['lead adds a cluster score', put(as.lead, units.C, crit.c1, 'cluster', 7, undefined, R90)],
			['lead changes a cluster score', as.lead.from('score').update({ points: 9, reason: 'Sửa sau công bố' }).match(key(units.A, 'c3', 'cluster')).select()],
			['lead withdraws a cluster score', as.lead.from('score').delete().match(key(units.C, 'bonus', 'cluster')).select()],
			['admin adds a city score', put(as.admin, units.D, crit.c1, 'city', 5, undefined, R90)],
			['admin changes a city score', as.admin.from('score').update({ points: 20, reason: 'Sửa sau công bố' }).match(key(units.A, 'c3', 'city')).select()],
			['admin withdraws a city score', as.admin.from('score').delete().match(key(units.A, 'c3', 'city')).select()],
			['officer adds evidence', as.officerA.from('evidence').insert({ round_id: R90, unit_id: units.A, criterion_id: crit.c1, kind: 'link', url: 'https://example.org/muon' }).select()],
			['officer recaptions evidence', as.officerA.from('evidence').update({ caption: 'Sửa sau công bố' }).eq('round_id', R90).select()],
			['officer removes evidence', as.officerA.from('evidence').delete().eq('round_id', R90).select()],
			['admin reopens the round', as.admin.from('assessment_round').update({ status: 'open' }).eq('id', R90).select()],
			['admin edits the round', as.admin.from('assessment_round').update({ period: 'mid_year' }).eq('id', R90).select()],
			['admin removes the round', as.admin.from('assessment_round').delete({ count: 'exact' }).eq('id', R90).select()],
			['admin edits a result', as.admin.from('unit_result').update({ total: 100, rank: 1 }).eq('round_id', R90).select()],
			['admin inserts a result', as.admin.from('unit_result').insert({ round_id: R90, unit_id: units.H, cluster_id: clusters.K90, total: 100 }).select()],
			['admin removes results', as.admin.from('unit_result').delete({ count: 'exact' }).eq('round_id', R90).select()],
			['admin edits the standings', as.admin.from('standings').update({ total: 100 }).eq('round_id', R90).select()],
			['admin edits the decision', as.admin.from('decision').update({ number: '1/QĐ' }).eq('id', publishDecision).select()],
			['admin removes the decision', as.admin.from('decision').delete({ count: 'exact' }).eq('id', publishDecision).select()]
		];
		for (const [what, p] of attempts) expectDenied(await p, what);
		for (const who of ['leader', 'council', 'reporterA'] as const) {
			expectDenied(await as[who].from('score').update({ points: 0 }).eq('round_id', R90).select(), `${who} changes scores`);
			expectDenied(await as[who].from('unit_result').delete().eq('round_id', R90).select(), `${who} removes results`);
		}
		// Evidence files stay too: neither a new one nor removing the old.
		const file = `${units.A}/${R90}/bien-ban.pdf`;
		expect((await as.officerA.storage.from('evidence').upload(`${units.A}/${R90}/muon.pdf`, new Blob(['%PDF-1.4\n']), { contentType: 'application/pdf' })).error).not.toBeNull();
		const removed = await as.officerA.storage.from('evidence').remove([file]);
		expect(removed.data ?? []).toEqual([]);
		expect((await as.lead.storage.from('evidence').download(file)).error).toBeNull();
		expect(await snapshot()).toEqual(before);
	});

	it('removing the cluster would take its official results with it (on delete cascade): refused', async () => {
		// The 2090 leads' memberships name the cluster (no cascade): without them only the results stand in the way.
		await must(service.from('membership').delete().eq('year', Y90).in('user_id', [ids.lead, ids.exLead]), 'drop 2090 leads');
		const before = (await service.from('unit_result').select('*').eq('round_id', R90).order('unit_id')).data;
		const r = await as.admin.from('cluster').delete({ count: 'exact' }).eq('id', clusters.K90).select();
		expect(r.error?.code).toBe('42501');
		expect((await service.from('cluster').select('id').eq('id', clusters.K90)).data).toHaveLength(1);
		expect((await service.from('unit_result').select('*').eq('round_id', R90).order('unit_id')).data).toEqual(before);
	});

	it('only a city admin corrects a published result, by a new decision with its reason, kept in the history', async () => {
		const args = (points: number, reason: string, number: string, c: keyof typeof crit = 'c2') => ({
			p_round: R90,
			p_unit: units.A,
			p_criterion: crit[c],
			p_points: points,
			p_number: number,
			p_signed_on: '2090-12-05',
			p_reason: reason
		});
		for (const who of ['officerA', 'lead', 'leader', 'council', 'reporterA'] as const) {
			expect((await as[who].rpc('correct_result', args(7, 'Không có quyền', `ĐC-${who}`))).error, who).not.toBeNull();
		}
		expect((await anonClient().rpc('correct_result', args(7, 'Không có quyền', 'ĐC-anon'))).error).not.toBeNull();
		// A reason is required; points above the maximum are refused; an open round is not corrected, it is scored.
		expect((await as.admin.rpc('correct_result', args(7, '  ', 'ĐC-0'))).error).not.toBeNull();
		expect((await as.admin.rpc('correct_result', args(11, 'Quá điểm tối đa', 'ĐC-0'))).error?.code).toBe('22023');
		expect((await as.admin.rpc('correct_result', { ...args(5, 'Đợt chưa công bố', 'ĐC-0'), p_round: SEED_YEAR_END })).error?.code).toBe('22023');
		expect((await service.from('decision').select('id').eq('year', Y90).eq('kind', 'correction')).data).toEqual([]);

		// A's c2 had only the unit's 9: the correction gives the city's 7.
		const first = await as.admin.rpc('correct_result', args(7, 'Phát hiện sai sót trong hồ sơ tiêu chí A2.', '12/QĐ-MTTQ-BTT'));
		expect(first.error).toBeNull();
		const decision = await service.from('decision').select('kind, number, reason, year').eq('id', first.data as string).single();
		expect(decision.data).toEqual({ kind: 'correction', number: '12/QĐ-MTTQ-BTT', reason: 'Phát hiện sai sót trong hồ sơ tiêu chí A2.', year: Y90 });
		const history = await service.from('score_history').select('stage, old_points, new_points, reason, changed_by, decision_id').match({ round_id: R90, unit_id: units.A, criterion_id: crit.c2 });
		expect(history.data).toEqual([
			{ stage: 'city', old_points: 9, new_points: 7, reason: 'Phát hiện sai sót trong hồ sơ tiêu chí A2. (Quyết định 12/QĐ-MTTQ-BTT)', changed_by: ids.admin, decision_id: first.data }
		]);
		let rows = byUnit(await standings(anonClient(), R90, clusters.K90));
		expect(rows[units.A]).toMatchObject({ total: 33, rank: 1 });

		// A's c3 city 16 → 12: A falls to 29, level with B (ranks 1, 1, 3, 3).
		const second = await as.admin.rpc('correct_result', args(12, 'Khu dân cư văn hóa chưa đủ điều kiện công nhận.', '13/QĐ-MTTQ-BTT', 'c3'));
		expect(second.error).toBeNull();
		const history3 = await service.from('score_history').select('stage, old_points, new_points, decision_id').match({ round_id: R90, unit_id: units.A, criterion_id: crit.c3 });
		expect(history3.data).toEqual([{ stage: 'city', old_points: 16, new_points: 12, decision_id: second.data }]);
		rows = byUnit(await standings(anonClient(), R90, clusters.K90));
		expect(rows[units.A]).toMatchObject({ total: 29, rank: 3, previous_rank: 1, rank_change: -2, gap_to_next: 1 });
		expect(rows[units.B]).toMatchObject({ total: 29, rank: 3 });
		expect(rows[units.C]).toMatchObject({ total: 30, rank: 1, gap_to_next: null });
		expect(rows[units.D]).toMatchObject({ total: 30, rank: 1, official: true, decision_number: '99/QĐ-MTTQ-BTT' });
		// The officer sees the correction in his unit's history.
		expect((await as.officerA.from('score_history').select('decision_id').eq('round_id', R90)).data).toHaveLength(2);
		// The correction opened nothing: still frozen for direct writes.
		expect((await as.admin.from('score').update({ points: 16, reason: 'Không qua quyết định' }).match({ round_id: R90, unit_id: units.A, criterion_id: crit.c3, stage: 'city' })).error?.code).toBe('42501');
		expect((await service.from('score').select('points').match({ round_id: R90, unit_id: units.A, criterion_id: crit.c3, stage: 'city' }).single()).data).toEqual({ points: 12 });
	});
});
