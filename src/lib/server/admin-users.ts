// Account creation for city admins: the only server code that holds the service-role key. It proves the caller is a
// city admin by asking the database AS THE CALLER (my_membership, under RLS), creates the auth user with the admin
// API, then records the profile and first role again AS THE CALLER, so RLS is what grants the right to do it.
// If recording fails the new auth user is deleted again: no account without its role.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { Database } from '$lib/remote/story-rows';
import { normaliseGrant, type NewAccount } from '$lib/ui/admin/role-scope';

export interface AdminUsersConfig {
	url: string;
	anonKey: string;
	/** Undefined when the server was started without it: account creation then answers 503. */
	serviceRoleKey: string | undefined;
}

export type CreateAccountResult =
	| { ok: true; userId: string }
	| { ok: false; status: number; messageKey: string; detail?: string };

// On Node 20 createClient throws without a WebSocket implementation, even though nothing here subscribes.
const nodeOptions = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
};

/** A client that acts as the caller: every query carries their access token, so RLS sees them. */
function clientAsCaller(cfg: AdminUsersConfig, accessToken: string): SupabaseClient<Database> {
	return createClient<Database>(cfg.url, cfg.anonKey, {
		...nodeOptions,
		global: { headers: { Authorization: `Bearer ${accessToken}` } }
	});
}

export async function isCityAdmin(caller: SupabaseClient<Database>): Promise<boolean> {
	const { data, error } = await caller.from('my_membership').select('role').eq('role', 'city_admin').limit(1);
	return !error && (data?.length ?? 0) > 0;
}

export async function createAccount(cfg: AdminUsersConfig, accessToken: string, account: NewAccount): Promise<CreateAccountResult> {
	const caller = clientAsCaller(cfg, accessToken);
	if (!(await isCityAdmin(caller))) return { ok: false, status: 403, messageKey: 'admin.error.forbidden' };
	if (!cfg.serviceRoleKey) return { ok: false, status: 503, messageKey: 'admin.people.serverNotConfigured' };

	const admin = createClient<Database>(cfg.url, cfg.serviceRoleKey, nodeOptions).auth.admin;
	const created = await admin.createUser({
		email: account.email,
		password: account.password,
		email_confirm: true,
		user_metadata: { full_name: account.fullName }
	});
	if (created.error || !created.data.user) {
		const code = created.error?.code;
		if (code === 'email_exists' || created.error?.status === 422) return { ok: false, status: 409, messageKey: 'admin.people.emailTaken' };
		if (code === 'weak_password') return { ok: false, status: 400, messageKey: 'admin.people.weakPassword' };
		return { ok: false, status: 502, messageKey: 'error.unknown', detail: created.error?.message };
	}
	const userId = created.data.user.id;

	const grant = normaliseGrant(account.grant);
	const profile = await caller.from('profile').insert({ user_id: userId, full_name: account.fullName }).select('user_id');
	const membership = profile.error
		? null
		: await caller
				.from('membership')
				.insert({ user_id: userId, role: grant.role, unit_id: grant.unitId, cluster_id: grant.clusterId, year: grant.year })
				.select('id');
	if (profile.error || !profile.data?.length || !membership || membership.error || !membership.data?.length) {
		await admin.deleteUser(userId);
		const detail = profile.error?.message ?? membership?.error?.message;
		return { ok: false, status: 400, messageKey: 'admin.people.roleFailedAfterCreate', detail };
	}
	return { ok: true, userId };
}
