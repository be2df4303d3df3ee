// The city admin's calls: units and lineage, clusters with members and assigned leaders, people and roles, straight
// against the server (no outbox: organisation changes are taken online). Every write asks for its rows back: RLS
// filters writes silently, so a write that returns no row is a failure shown to the user, never a success.
import { getSupabase } from './client';
import type { Grant, NewAccount } from '$lib/ui/admin/role-scope';

export const UNIT_KINDS = ['phuong', 'xa', 'ban_thanh_pho', 'quan', 'huyen', 'thi_xa'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type LineageChange = 'merge' | 'split' | 'rename' | 'reorganise';

export interface UnitRow {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	validFrom: string;
	validTo: string | null;
}
export interface LineageEdge {
	fromUnitId: string;
	toUnitId: string;
	change: LineageChange;
	effectiveOn: string;
}
export interface ClusterRow {
	id: string;
	year: number;
	name: string;
	headUnitId: string | null;
	deputyUnitId: string | null;
	memberIds: string[];
	leaderIds: string[];
}
export interface PersonRole {
	id: string;
	role: Grant['role'];
	unitId: string | null;
	clusterId: string | null;
	year: number;
}
export interface Person {
	userId: string;
	fullName: string;
	roles: PersonRole[];
}

/** What the admin is told; `messageKey` is an i18n key, `params` fill it. */
export class AdminError extends Error {
	readonly messageKey: string;
	readonly params: Record<string, string>;
	constructor(messageKey: string, detail: string, params: Record<string, string> = {}) {
		super(detail);
		this.name = 'AdminError';
		this.messageKey = messageKey;
		this.params = params;
	}
}

/** Classifies a PostgREST / fetch failure once, into a sentence the admin can act on. */
export function toAdminError(error: { message: string; code?: string; details?: string | null }, status = 0): AdminError {
	const text = `${error.message} ${error.details ?? ''}`;
	if (status === 0 || /fetch|network/i.test(error.message)) return new AdminError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new AdminError('error.unauthorized', text);
	if (error.code === '42501' || status === 403) return new AdminError('admin.error.forbidden', text);
	if (error.code === '23505') return new AdminError('admin.error.duplicate', text);
	// Our RPCs raise 22023 with a Vietnamese sentence; check constraints name the rule broken.
	if (error.code === '22023' || error.code === '23514' || error.code === '23502' || error.code === '22P02') {
		return new AdminError('admin.error.invalid', text, { detail: error.message });
	}
	return new AdminError('error.unknown', text);
}

type Result<T> = { data: T | null; error: { message: string; code?: string; details?: string | null } | null; status: number };

/** A write's answer: an error, or no row back (RLS said no, or the row is gone), both throw. */
function rowsOrThrow<T>(r: Result<T[]>, what: string): T[] {
	if (r.error) throw toAdminError(r.error, r.status);
	if (!r.data || r.data.length === 0) throw new AdminError('admin.error.notApplied', `${what} returned no row`);
	return r.data;
}

function dataOrThrow<T>(r: Result<T>): T {
	if (r.error) throw toAdminError(r.error, r.status);
	if (r.data === null) throw new AdminError('admin.error.load', 'no data');
	return r.data;
}

// ----- units -------------------------------------------------------------------------------------------------------

export async function listUnits(): Promise<UnitRow[]> {
	const rows = dataOrThrow(await getSupabase().from('unit').select('id, code, name, kind, valid_from, valid_to').order('name'));
	return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind as UnitKind, validFrom: r.valid_from, validTo: r.valid_to }));
}

export async function listLineage(): Promise<LineageEdge[]> {
	const rows = dataOrThrow(await getSupabase().from('unit_lineage').select('from_unit_id, to_unit_id, change, effective_on'));
	return rows.map((r) => ({
		fromUnitId: r.from_unit_id,
		toUnitId: r.to_unit_id,
		change: r.change as LineageChange,
		effectiveOn: r.effective_on
	}));
}

export async function createUnit(u: { code: string; name: string; kind: UnitKind; validFrom: string }): Promise<string> {
	const r = await getSupabase().from('unit').insert({ code: u.code, name: u.name, kind: u.kind, valid_from: u.validFrom }).select('id');
	return rowsOrThrow(r, 'insert unit')[0]!.id;
}

export async function renameUnit(id: string, name: string): Promise<void> {
	rowsOrThrow(await getSupabase().from('unit').update({ name }).eq('id', id).select('id'), `rename unit ${id}`);
}

export async function mergeUnits(m: { fromIds: string[]; code: string; name: string; kind: UnitKind; effectiveOn: string }): Promise<string> {
	const r = await getSupabase().rpc('merge_units', {
		p_from: m.fromIds,
		p_code: m.code,
		p_name: m.name,
		p_kind: m.kind,
		p_effective_on: m.effectiveOn
	});
	if (r.error) throw toAdminError(r.error, r.status);
	if (!r.data) throw new AdminError('admin.error.notApplied', 'merge_units returned no id');
	return r.data;
}

export async function splitUnit(s: {
	fromId: string;
	into: { code: string; name: string; kind: UnitKind }[];
	effectiveOn: string;
}): Promise<string[]> {
	const r = await getSupabase().rpc('split_unit', { p_from: s.fromId, p_into: s.into, p_effective_on: s.effectiveOn });
	if (r.error) throw toAdminError(r.error, r.status);
	const ids = (r.data ?? []) as unknown as string[];
	if (ids.length < 2) throw new AdminError('admin.error.notApplied', 'split_unit returned fewer than two ids');
	return ids;
}

// ----- clusters ----------------------------------------------------------------------------------------------------

export async function listClusters(year: number): Promise<ClusterRow[]> {
	const rows = dataOrThrow(
		await getSupabase()
			.from('cluster')
			.select('id, year, name, head_unit_id, deputy_unit_id, cluster_member(unit_id), cluster_leader_assignment(user_id)')
			.eq('year', year)
			.order('name')
	);
	return rows.map((r) => ({
		id: r.id,
		year: r.year,
		name: r.name,
		headUnitId: r.head_unit_id,
		deputyUnitId: r.deputy_unit_id,
		memberIds: r.cluster_member.map((m) => m.unit_id),
		leaderIds: r.cluster_leader_assignment.map((a) => a.user_id)
	}));
}

export async function createCluster(year: number, name: string): Promise<string> {
	return rowsOrThrow(await getSupabase().from('cluster').insert({ year, name }).select('id'), 'insert cluster')[0]!.id;
}

export async function updateCluster(
	id: string,
	patch: { name?: string; headUnitId?: string | null; deputyUnitId?: string | null }
): Promise<void> {
	const row: { name?: string; head_unit_id?: string | null; deputy_unit_id?: string | null } = {};
	if (patch.name !== undefined) row.name = patch.name;
	if (patch.headUnitId !== undefined) row.head_unit_id = patch.headUnitId;
	if (patch.deputyUnitId !== undefined) row.deputy_unit_id = patch.deputyUnitId;
	rowsOrThrow(await getSupabase().from('cluster').update(row).eq('id', id).select('id'), `update cluster ${id}`);
}

export async function addClusterMember(clusterId: string, unitId: string): Promise<void> {
	rowsOrThrow(await getSupabase().from('cluster_member').insert({ cluster_id: clusterId, unit_id: unitId }).select('unit_id'), 'add member');
}

export async function removeClusterMember(clusterId: string, unitId: string): Promise<void> {
	const r = await getSupabase().from('cluster_member').delete().eq('cluster_id', clusterId).eq('unit_id', unitId).select('unit_id');
	rowsOrThrow(r, 'remove member');
}

export async function assignLeader(clusterId: string, userId: string): Promise<void> {
	const r = await getSupabase().from('cluster_leader_assignment').insert({ cluster_id: clusterId, user_id: userId }).select('user_id');
	rowsOrThrow(r, 'assign leader');
}

export async function unassignLeader(clusterId: string, userId: string): Promise<void> {
	const r = await getSupabase().from('cluster_leader_assignment').delete().eq('cluster_id', clusterId).eq('user_id', userId).select('user_id');
	rowsOrThrow(r, 'unassign leader');
}

// ----- people and roles --------------------------------------------------------------------------------------------

/** Everyone with a profile, with their roles of `year` (RLS: the city admin reads all profiles and memberships). */
export async function listPeople(year: number): Promise<Person[]> {
	const supabase = getSupabase();
	const [profiles, memberships] = await Promise.all([
		supabase.from('profile').select('user_id, full_name').order('full_name'),
		supabase.from('membership').select('id, user_id, role, unit_id, cluster_id, year').eq('year', year)
	]);
	const people = new Map(dataOrThrow(profiles).map((p) => [p.user_id, { userId: p.user_id, fullName: p.full_name, roles: [] as PersonRole[] }]));
	for (const m of dataOrThrow(memberships)) {
		const person = people.get(m.user_id);
		// A membership without a profile (an account made elsewhere) is still listed, under its id.
		const target = person ?? { userId: m.user_id, fullName: m.user_id, roles: [] };
		if (!person) people.set(m.user_id, target);
		target.roles.push({ id: m.id, role: m.role as Grant['role'], unitId: m.unit_id, clusterId: m.cluster_id, year: m.year });
	}
	return [...people.values()];
}

export async function grantRole(userId: string, g: Grant): Promise<void> {
	const r = await getSupabase()
		.from('membership')
		.insert({ user_id: userId, role: g.role, unit_id: g.unitId, cluster_id: g.clusterId, year: g.year })
		.select('id');
	rowsOrThrow(r, 'grant role');
}

export async function revokeRole(membershipId: string): Promise<void> {
	rowsOrThrow(await getSupabase().from('membership').delete().eq('id', membershipId).select('id'), 'revoke role');
}

/** Account creation needs the service key, so it goes through our server, which checks the caller is a city admin. */
export async function createAccount(account: NewAccount, fetchFn: typeof fetch = fetch): Promise<{ userId: string }> {
	const { data } = await getSupabase().auth.getSession();
	const token = data.session?.access_token;
	if (!token) throw new AdminError('error.unauthorized', 'no session');
	let res: Response;
	try {
		res = await fetchFn('/api/admin/users', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify(account)
		});
	} catch (error) {
		throw new AdminError('error.offline', String(error));
	}
	const body = (await res.json().catch(() => ({}))) as { userId?: string; messageKey?: string; detail?: string };
	if (res.ok && body.userId) return { userId: body.userId };
	throw new AdminError(body.messageKey ?? 'error.unknown', `POST /api/admin/users ${res.status}`, { detail: body.detail ?? '' });
}
