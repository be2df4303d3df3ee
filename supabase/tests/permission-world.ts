// The people and places the permission grid is checked against, all created fresh for the run by the service role
// (the seeded demo data stays as the end-to-end tests need it): three units, U1 and U2 in cluster C1 and U3 in C2,
// for this year; one signed-in person per role (home unit U1; the cluster lead leads C1 from U1, the city leader
// supervises C1); other people in U1, U2 and U3; plans, milestones and a title catalogue for the yearly cycle; for
// scoring, a frozen and a draft criteria set of the grid's own years (the rows of this year's rounds are the world
// units' rows in the seeded open year-end round and the seeded published mid-year round: rounds are unique per year
// and period, and this year's are the seed's). Nothing here decides an outcome; the database does. teardownWorld()
// removes what the run created.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { anonClient, DEMO_PASSWORD, serviceClient } from './helpers';

export const roles = ['anon', 'reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export const scopes = ['self', 'unit', 'cluster', 'other'] as const;
export const operations = ['select', 'insert', 'update', 'delete'] as const;
export type Role = (typeof roles)[number];
export type Scope = (typeof scopes)[number];
export type Operation = (typeof operations)[number];

/** Plan years the grid owns (plans are unique per year): far from any real plan year, before last year. */
export const GRID_PLAN_YEARS = { published: 2001, draft: 2002, fixture: 2003, fresh: 2004 } as const;

/** Criteria-set years the grid owns (one set per year): the world's sets, and one year per fixture state. */
export const GRID_SCORING_YEARS = {
	frozen: 2011,
	draft: 2012,
	draftFixture: 2013,
	draftFresh: 2014,
	frozenFixture: 2015,
	frozenFresh: 2016
} as const;

export interface ScoringWorld {
	/** This year's rounds (the seed's): year-end open, mid-year published; and a base criterion of their set. */
	openRound: string;
	publishedRound: string;
	criterion: string;
	/** The grid's frozen set (with a round-less group and criterion) and draft set (with a group). */
	frozenSet: string;
	frozenGroup: string;
	draftSet: string;
	draftGroup: string;
}

export interface Persona {
	role: Role;
	userId: string | null;
	client: SupabaseClient;
}

export interface World {
	service: SupabaseClient;
	/** The database's superuser, for rows no client may write any more (frozen criteria, published rounds). */
	db: pg.Client;
	scoring: ScoringWorld;
	year: number;
	U1: string;
	U2: string;
	U3: string;
	C1: string;
	C2: string;
	personas: Map<Role, Persona>;
	/** Another person holding a reporter role in each scope's unit. */
	others: { unit: string; cluster: string; other: string };
	/** A person with no role, for rows about "somebody else" (leader assignments, new memberships). */
	spare: string;
	/** Published and draft plans of the grid's own years, and this year's published plan (the seeded one). */
	plans: { published: string; draft: string; current: string };
	/** A unit milestone completed by report, in the published grid plan. */
	reportMilestone: string;
	/** A catalogue version in force since 2000 with one collective title. */
	catalogue: string;
	title: string;
	unitOf(scope: Scope): string;
	clusterOf(scope: Scope): string;
	/** Users created for the run, and units fixtures made along the way (teardownWorld deletes both). */
	people: string[];
	throwawayUnits: string[];
}

export function hanoiYear(): number {
	return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
}

export async function must<T>(p: PromiseLike<{ data: T; error: { message: string } | null }>, what: string): Promise<T> {
	const { data, error } = await p;
	if (error) throw new Error(`${what}: ${error.message}`);
	return data;
}

export async function createPerson(service: SupabaseClient, label: string, fullName = `Người thử ${label}`): Promise<string> {
	const email = `grid.${label}.${randomUUID().slice(0, 8)}@thidua.test`;
	const { data, error } = await service.auth.admin.createUser({ email, password: DEMO_PASSWORD, email_confirm: true });
	if (error || !data.user) throw new Error(`create ${label}: ${error?.message}`);
	await must(service.from('profile').insert({ user_id: data.user.id, full_name: fullName }), `profile ${label}`);
	return data.user.id;
}

export async function signIn(userId: string, service: SupabaseClient): Promise<SupabaseClient> {
	const { data } = await service.auth.admin.getUserById(userId);
	const client = anonClient();
	const { error } = await client.auth.signInWithPassword({ email: data.user!.email!, password: DEMO_PASSWORD });
	if (error) throw new Error(`sign in ${userId}: ${error.message}`);
	return client;
}

export async function createUnit(service: SupabaseClient, label: string): Promise<string> {
	const tag = randomUUID().slice(0, 8);
	const row = await must(
		service.from('unit').insert({ code: `grid-${label}-${tag}`, name: `Phường thử ${label} ${tag}`, kind: 'phuong', valid_from: '2025-07-01' }).select('id').single(),
		`unit ${label}`
	);
	return (row as { id: string }).id;
}

export async function createCluster(service: SupabaseClient, year: number, name: string, units: string[]): Promise<string> {
	const row = await must(
		service.from('cluster').insert({ year, name, head_unit_id: units[0], deputy_unit_id: units[1] ?? null }).select('id').single(),
		`cluster ${name}`
	);
	const id = (row as { id: string }).id;
	await must(service.from('cluster_member').insert(units.map((unit_id) => ({ cluster_id: id, unit_id }))), `members of ${name}`);
	return id;
}

/**
 * Runs statements as the superuser with triggers and foreign-key actions off (session_replication_role = replica):
 * how fixtures put rows into a frozen criteria set or a published round, and take them out again, without touching
 * anything else. One transaction.
 */
export async function asSuperuser(db: pg.Client, statements: [string, unknown[]?][]): Promise<void> {
	await db.query('begin');
	try {
		await db.query('set local session_replication_role = replica');
		for (const [text, values] of statements) await db.query(text, values ?? []);
		await db.query('commit');
	} catch (error) {
		await db.query('rollback');
		throw error;
	}
}

/** Removes the scoring rows of the grid's criteria-set years, children first (also a previous run's leftovers). */
async function purgeGridScoringYears(db: pg.Client): Promise<void> {
	const years = Object.values(GRID_SCORING_YEARS);
	await asSuperuser(db, [
		['delete from public.score_history where round_id in (select id from public.assessment_round where year = any($1))', [years]],
		['delete from public.evidence where round_id in (select id from public.assessment_round where year = any($1))', [years]],
		['delete from public.score where round_id in (select id from public.assessment_round where year = any($1))', [years]],
		['delete from public.unit_result where round_id in (select id from public.assessment_round where year = any($1))', [years]],
		['delete from public.assessment_round where year = any($1)', [years]],
		['delete from public.decision where year = any($1)', [years]],
		['delete from public.criterion where criteria_set_id in (select id from public.criteria_set where year = any($1))', [years]],
		['delete from public.criterion_group where criteria_set_id in (select id from public.criteria_set where year = any($1))', [years]],
		['delete from public.criteria_set where year = any($1)', [years]]
	]);
}

async function buildScoring(service: SupabaseClient, db: pg.Client, year: number): Promise<ScoringWorld> {
	await purgeGridScoringYears(db);
	const rounds = (await must(
		service.from('assessment_round').select('id, period, status, criteria_set_id').eq('year', year),
		"this year's rounds (seed)"
	)) as { id: string; period: string; status: string; criteria_set_id: string }[];
	const open = rounds.find((r) => r.status === 'open');
	const published = rounds.find((r) => r.status === 'published');
	if (!open || !published) throw new Error("the seed should have this year's rounds: one open, one published");
	const criterion = (await must(
		service.from('criterion').select('id').eq('criteria_set_id', open.criteria_set_id).eq('kind', 'base').order('position').limit(1).single(),
		'a base criterion of this year (seed)'
	)) as { id: string };

	const set = async (y: number) =>
		((await must(service.from('criteria_set').insert({ year: y, title: `Bộ tiêu chí thử quyền ${y}` }).select('id').single(), `criteria set ${y}`)) as { id: string }).id;
	const group = async (setId: string) =>
		((await must(service.from('criterion_group').insert({ criteria_set_id: setId, code: 'G', name: 'Nhóm thử quyền' }).select('id').single(), 'group')) as { id: string }).id;
	const frozenSet = await set(GRID_SCORING_YEARS.frozen);
	const frozenGroup = await group(frozenSet);
	await must(
		service.from('criterion').insert({ criteria_set_id: frozenSet, group_id: frozenGroup, code: 'G1', name: 'Tiêu chí thử quyền', max_points: 10 }),
		'criterion'
	);
	await must(service.from('criteria_set').update({ status: 'frozen' }).eq('id', frozenSet), 'freeze');
	const draftSet = await set(GRID_SCORING_YEARS.draft);
	const draftGroup = await group(draftSet);
	return { openRound: open.id, publishedRound: published.id, criterion: criterion.id, frozenSet, frozenGroup, draftSet, draftGroup };
}

async function createPlan(service: SupabaseClient, year: number, status: 'draft' | 'published'): Promise<string> {
	// A previous run against the same long-lived stack may have left one behind.
	await service.from('plan').delete().eq('year', year).like('title', 'Kế hoạch thử quyền%');
	const row = await must(
		service
			.from('plan')
			.insert({ year, title: `Kế hoạch thử quyền năm ${year}`, status, published_at: status === 'published' ? new Date().toISOString() : null })
			.select('id')
			.single(),
		`plan ${year}`
	);
	return (row as { id: string }).id;
}

export async function buildWorld(): Promise<World> {
	const service = serviceClient();
	const year = hanoiYear();
	const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await db.connect();
	const people: string[] = [];
	const person = async (label: string) => {
		const id = await createPerson(service, label);
		people.push(id);
		return id;
	};
	const member = (user_id: string, role: string, scope: { unit_id?: string; cluster_id?: string } = {}) =>
		must(service.from('membership').insert({ user_id, role, year, ...scope }), `membership ${role}`);

	const [U1, U2, U3] = [await createUnit(service, 'u1'), await createUnit(service, 'u2'), await createUnit(service, 'u3')];
	const C1 = await createCluster(service, year, `Cụm thử quyền 1 ${randomUUID().slice(0, 6)}`, [U1, U2]);
	const C2 = await createCluster(service, year, `Cụm thử quyền 2 ${randomUUID().slice(0, 6)}`, [U3]);

	const others = { unit: await person('other-u1'), cluster: await person('other-u2'), other: await person('other-u3') };
	await member(others.unit, 'reporter', { unit_id: U1 });
	await member(others.cluster, 'reporter', { unit_id: U2 });
	await member(others.other, 'reporter', { unit_id: U3 });
	const spare = await person('spare');

	const personas = new Map<Role, Persona>([['anon', { role: 'anon', userId: null, client: anonClient() }]]);
	for (const role of roles.filter((r) => r !== 'anon')) {
		const userId = await person(role);
		if (role === 'reporter' || role === 'unit_officer') await member(userId, role, { unit_id: U1 });
		else if (role === 'cluster_lead') await member(userId, role, { cluster_id: C1, unit_id: U1 });
		else await member(userId, role);
		if (role === 'city_leader') {
			await must(service.from('cluster_leader_assignment').insert({ cluster_id: C1, user_id: userId }), 'assign leader');
		}
		personas.set(role, { role, userId, client: await signIn(userId, service) });
	}

	const plans = {
		published: await createPlan(service, GRID_PLAN_YEARS.published, 'published'),
		draft: await createPlan(service, GRID_PLAN_YEARS.draft, 'draft'),
		current: (
			(await must(service.from('plan').select('id').eq('year', year).eq('status', 'published').single(), "this year's plan (seed)")) as {
				id: string;
			}
		).id
	};
	const ms = await must(
		service
			.from('milestone')
			.insert({
				plan_id: plans.published,
				code: 'grid_report',
				title: 'Mốc thử quyền',
				deliverable: 'Báo cáo thử quyền',
				responsible: 'unit',
				completion: 'report',
				due_on: `${GRID_PLAN_YEARS.published}-03-24`
			})
			.select('id')
			.single(),
		'report milestone'
	);
	const catalogue = await must(
		service
			.from('catalogue_version')
			.insert({ code: `grid-${randomUUID().slice(0, 8)}`, name: 'Danh mục thử quyền', legal_basis: 'Căn cứ thử quyền', valid_from: '2000-01-01' })
			.select('id')
			.single(),
		'catalogue'
	);
	const title = await must(
		service
			.from('emulation_title')
			.insert({ catalogue_version_id: (catalogue as { id: string }).id, code: 'grid_tap_the', name: 'Danh hiệu thử quyền', applies_to: 'collective', conferred_by: 'Thành phố' })
			.select('id')
			.single(),
		'title'
	);

	const scoring = await buildScoring(service, db, year);

	return {
		service,
		db,
		scoring,
		year,
		U1,
		U2,
		U3,
		C1,
		C2,
		personas,
		others,
		spare,
		plans,
		reportMilestone: (ms as { id: string }).id,
		catalogue: (catalogue as { id: string }).id,
		title: (title as { id: string }).id,
		unitOf: (scope) => (scope === 'cluster' ? U2 : scope === 'other' ? U3 : U1),
		clusterOf: (scope) => (scope === 'other' ? C2 : C1),
		people,
		throwawayUnits: []
	};
}

/** Removes the world's rows, places and people, children first; fails with what it could not remove. */
export async function teardownWorld(world: World): Promise<void> {
	const s = world.service;
	const units = [world.U1, world.U2, world.U3];
	const clusters = [world.C1, world.C2];
	const failures: string[] = [];
	const run = async (what: string, p: PromiseLike<{ error: { message: string } | null }>) => {
		const { error } = await p;
		if (error) failures.push(`${what}: ${error.message}`);
	};
	// Scores, evidence, history and results of the world's units (the fixtures' leftovers in this year's rounds,
	// the published one included), then the grid's criteria-set years.
	const scored = [...units, ...world.throwawayUnits];
	try {
		await asSuperuser(world.db, [
			['delete from public.score_history where unit_id = any($1)', [scored]],
			['delete from public.evidence where unit_id = any($1)', [scored]],
			['delete from public.score where unit_id = any($1)', [scored]],
			['delete from public.unit_result where unit_id = any($1)', [scored]]
		]);
		await purgeGridScoringYears(world.db);
	} catch (error) {
		failures.push(`scoring rows: ${error instanceof Error ? error.message : String(error)}`);
	}
	// Nominations first (their files, appraisals, votes and events go with them): they hold on to units and people.
	await run('nominations', s.from('nomination').delete().in('unit_id', units));
	await run('council thresholds', s.from('council_setting').delete().in('year', [GRID_PLAN_YEARS.fixture, GRID_PLAN_YEARS.fresh]));
	await run('contest entries', s.from('contest_entry').delete().in('author_id', world.people));
	await run('stories', s.from('story').delete().in('unit_id', units));
	await run('registrations', s.from('registration').delete().in('unit_id', units));
	await run('reports', s.from('milestone_report').delete().in('unit_id', units));
	await run('covenants', s.from('covenant').delete().in('cluster_id', clusters));
	await run('memberships', s.from('membership').delete().in('user_id', world.people));
	await run('clusters', s.from('cluster').delete().in('id', clusters));
	await run('plans', s.from('plan').delete().in('id', [world.plans.published, world.plans.draft]));
	await run('titles', s.from('emulation_title').delete().eq('catalogue_version_id', world.catalogue));
	await run('award forms', s.from('award_form').delete().eq('catalogue_version_id', world.catalogue));
	await run('catalogue', s.from('catalogue_version').delete().eq('id', world.catalogue));
	await run('lineage', s.from('unit_lineage').delete().in('to_unit_id', units));
	await run('units', s.from('unit').delete().in('id', units));
	for (let i = 0; i < world.throwawayUnits.length; i += 100) {
		await run('throwaway units', s.from('unit').delete().in('id', world.throwawayUnits.slice(i, i + 100)));
	}
	for (const id of world.people) await run(`user ${id}`, s.auth.admin.deleteUser(id));
	await world.db.end();
	if (failures.length > 0) throw new Error(`teardown left rows behind:\n${failures.join('\n')}`);
}

/** Who owns a row in this scope: the acting person for `self` (anonymous has no self: it acts on `unit` rows). */
export function ownerOf(world: World, persona: Persona, scope: Scope): string {
	if (scope === 'self') return persona.userId ?? world.others.unit;
	return world.others[scope];
}
