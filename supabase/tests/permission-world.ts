// The people and places the permission grid is checked against, all created fresh for the run by the service role
// (the seeded demo data stays as the end-to-end tests need it): three units, U1 and U2 in cluster C1 and U3 in C2,
// for this year; one signed-in person per role (home unit U1; the cluster lead leads C1 from U1, the city leader
// supervises C1); other people in U1, U2 and U3; plans, milestones and a title catalogue for the yearly cycle.
// Nothing here decides an outcome; the database does. teardownWorld() removes what the run created.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, DEMO_PASSWORD, serviceClient } from './helpers';

export const roles = ['anon', 'reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export const scopes = ['self', 'unit', 'cluster', 'other'] as const;
export const operations = ['select', 'insert', 'update', 'delete'] as const;
export type Role = (typeof roles)[number];
export type Scope = (typeof scopes)[number];
export type Operation = (typeof operations)[number];

/** Plan years the grid owns (plans are unique per year): far from any real plan year, before last year. */
export const GRID_PLAN_YEARS = { published: 2001, draft: 2002, fixture: 2003, fresh: 2004 } as const;

export interface Persona {
	role: Role;
	userId: string | null;
	client: SupabaseClient;
}

export interface World {
	service: SupabaseClient;
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

	return {
		service,
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
	await run('stories', s.from('story').delete().in('unit_id', units));
	await run('registrations', s.from('registration').delete().in('unit_id', units));
	await run('reports', s.from('milestone_report').delete().in('unit_id', units));
	await run('covenants', s.from('covenant').delete().in('cluster_id', clusters));
	await run('memberships', s.from('membership').delete().in('user_id', world.people));
	await run('clusters', s.from('cluster').delete().in('id', clusters));
	await run('plans', s.from('plan').delete().in('id', [world.plans.published, world.plans.draft]));
	await run('titles', s.from('emulation_title').delete().eq('catalogue_version_id', world.catalogue));
	await run('catalogue', s.from('catalogue_version').delete().eq('id', world.catalogue));
	await run('lineage', s.from('unit_lineage').delete().in('to_unit_id', units));
	await run('units', s.from('unit').delete().in('id', units));
	for (let i = 0; i < world.throwawayUnits.length; i += 100) {
		await run('throwaway units', s.from('unit').delete().in('id', world.throwawayUnits.slice(i, i + 100)));
	}
	for (const id of world.people) await run(`user ${id}`, s.auth.admin.deleteUser(id));
	if (failures.length > 0) throw new Error(`teardown left rows behind:\n${failures.join('\n')}`);
}

/** Who owns a row in this scope: the acting person for `self` (anonymous has no self: it acts on `unit` rows). */
export function ownerOf(world: World, persona: Persona, scope: Scope): string {
	if (scope === 'self') return persona.userId ?? world.others.unit;
	return world.others[scope];
}
