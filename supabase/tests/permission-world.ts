// The people and places the permission grid is checked against: one signed-in person per role (home unit U1 =
// Phường Ba Đình in Cụm 1), other people in U1, U2 (same cluster) and U3 (Cụm 2), created fresh for the run with
// the admin API and memberships written by the service role. Nothing here decides an outcome; the database does.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, DEMO_PASSWORD, serviceClient } from './helpers';

export const roles = ['anon', 'reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export const scopes = ['self', 'unit', 'cluster', 'other'] as const;
export const operations = ['select', 'insert', 'update', 'delete'] as const;
export type Role = (typeof roles)[number];
export type Scope = (typeof scopes)[number];
export type Operation = (typeof operations)[number];

export const U1 = '11111111-1111-4111-8111-000000000001'; // Phường Ba Đình, Cụm 1
export const U2 = '11111111-1111-4111-8111-000000000002'; // Xã Đông Anh, Cụm 1
export const C1 = '22222222-2222-4222-8222-000000000001';
export const C2 = '22222222-2222-4222-8222-000000000002';

export interface Persona {
	role: Role;
	userId: string | null;
	client: SupabaseClient;
}

export interface World {
	service: SupabaseClient;
	year: number;
	U3: string; // Phường Hoàn Kiếm, Cụm 2
	personas: Map<Role, Persona>;
	/** Another person holding a reporter role in each scope's unit. */
	others: { unit: string; cluster: string; other: string };
	/** A person with no role, for rows about "somebody else" (leader assignments, new memberships). */
	spare: string;
	unitOf(scope: Scope): string;
	clusterOf(scope: Scope): string;
}

function hanoiYear(): number {
	return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
}

async function must<T>(p: PromiseLike<{ data: T; error: { message: string } | null }>, what: string): Promise<T> {
	const { data, error } = await p;
	if (error) throw new Error(`${what}: ${error.message}`);
	return data;
}

async function createPerson(service: SupabaseClient, label: string): Promise<string> {
	const email = `grid.${label}.${randomUUID().slice(0, 8)}@thidua.test`;
	const { data, error } = await service.auth.admin.createUser({ email, password: DEMO_PASSWORD, email_confirm: true });
	if (error || !data.user) throw new Error(`create ${label}: ${error?.message}`);
	await must(service.from('profile').insert({ user_id: data.user.id, full_name: `Người thử ${label}` }), `profile ${label}`);
	return data.user.id;
}

async function signIn(userId: string, service: SupabaseClient): Promise<SupabaseClient> {
	const { data } = await service.auth.admin.getUserById(userId);
	const client = anonClient();
	const { error } = await client.auth.signInWithPassword({ email: data.user!.email!, password: DEMO_PASSWORD });
	if (error) throw new Error(`sign in ${userId}: ${error.message}`);
	return client;
}

export async function buildWorld(): Promise<World> {
	const service = serviceClient();
	const year = hanoiYear();
	const u3 = await must(service.from('unit').select('id').eq('code', 'phuong-hoan-kiem').single(), 'find U3');
	const U3 = (u3 as { id: string }).id;

	const member = (user_id: string, role: string, scope: { unit_id?: string; cluster_id?: string } = {}) =>
		must(service.from('membership').insert({ user_id, role, year, ...scope }), `membership ${role}`);

	const others = {
		unit: await createPerson(service, 'other-u1'),
		cluster: await createPerson(service, 'other-u2'),
		other: await createPerson(service, 'other-u3')
	};
	await member(others.unit, 'reporter', { unit_id: U1 });
	await member(others.cluster, 'reporter', { unit_id: U2 });
	await member(others.other, 'reporter', { unit_id: U3 });
	const spare = await createPerson(service, 'spare');

	const personas = new Map<Role, Persona>([['anon', { role: 'anon', userId: null, client: anonClient() }]]);
	for (const role of roles.filter((r) => r !== 'anon')) {
		const userId = await createPerson(service, role);
		if (role === 'reporter' || role === 'unit_officer') await member(userId, role, { unit_id: U1 });
		else if (role === 'cluster_lead') await member(userId, role, { cluster_id: C1, unit_id: U1 });
		else await member(userId, role);
		if (role === 'city_leader') {
			await must(service.from('cluster_leader_assignment').insert({ cluster_id: C1, user_id: userId }), 'assign leader');
		}
		personas.set(role, { role, userId, client: await signIn(userId, service) });
	}

	return {
		service,
		year,
		U3,
		personas,
		others,
		spare,
		unitOf: (scope) => (scope === 'cluster' ? U2 : scope === 'other' ? U3 : U1),
		clusterOf: (scope) => (scope === 'other' ? C2 : C1)
	};
}

/** Who owns a row in this scope: the acting person for `self` (anonymous has no self: it acts on `unit` rows). */
export function ownerOf(world: World, persona: Persona, scope: Scope): string {
	if (scope === 'self') return persona.userId ?? world.others.unit;
	return world.others[scope];
}
