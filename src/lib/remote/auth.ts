// Sign-in, sign-out and "who am I, in which roles" against Supabase Auth and the `my_membership` view. Speaks our own
// small types on its surface; failures come back as i18n message keys the login form can show.
import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { getSupabase } from './client';

export const roles = ['reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export type Role = (typeof roles)[number];

export interface SignedInUser {
	id: string;
	email: string;
	fullName: string | null;
}

export interface Membership {
	id: string;
	role: Role;
	unitId: string | null;
	unitName: string | null;
	clusterId: string | null;
	/** Absent in identities cached before cluster names were fetched. */
	clusterName?: string | null;
	year: number;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; messageKey: SignInErrorKey };
export type SignInErrorKey = 'login.error.invalid' | 'login.error.offline' | 'login.error.unknown';

function toUser(u: { id: string; email?: string; user_metadata?: Record<string, unknown> }): SignedInUser {
	const name = u.user_metadata?.['full_name'];
	return { id: u.id, email: u.email ?? '', fullName: typeof name === 'string' && name ? name : null };
}

function isNetworkFailure(error: unknown): boolean {
	return error instanceof AuthRetryableFetchError || error instanceof TypeError;
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
	try {
		const { data, error } = await getSupabase().auth.signInWithPassword({ email, password });
		if (error) {
			if (isNetworkFailure(error)) return { ok: false, messageKey: 'login.error.offline' };
			if (error instanceof AuthApiError && (error.status === 400 || error.code === 'invalid_credentials')) {
				return { ok: false, messageKey: 'login.error.invalid' };
			}
			return { ok: false, messageKey: 'login.error.unknown' };
		}
		return { ok: true, user: toUser(data.user) };
	} catch (error) {
		return { ok: false, messageKey: isNetworkFailure(error) ? 'login.error.offline' : 'login.error.unknown' };
	}
}

/**
 * Asks the server whether the stored session is still good. `unknown` when the server cannot be reached: offline the
 * app keeps working with the last known identity instead of signing the person out.
 */
export async function checkSession(): Promise<{ state: 'valid'; user: SignedInUser } | { state: 'invalid' | 'unknown' }> {
	const auth = getSupabase().auth;
	try {
		const { data: local } = await auth.getSession();
		if (!local.session) return { state: 'invalid' };
		const { data, error } = await auth.getUser();
		if (error) return { state: isNetworkFailure(error) || (error.status ?? 0) >= 500 ? 'unknown' : 'invalid' };
		return { state: 'valid', user: toUser(data.user) };
	} catch {
		return { state: 'unknown' };
	}
}

export async function fetchMyMemberships(): Promise<Membership[]> {
	const { data, error } = await getSupabase()
		.from('my_membership')
		.select('id, role, unit_id, unit_name, cluster_id, cluster_name, year')
		.order('role');
	if (error) throw new Error(`my_membership: ${error.message}`);
	return (data ?? []).flatMap((m) => {
		if (!m.id || !m.role || m.year === null || !(roles as readonly string[]).includes(m.role)) return [];
		return [
			{
				id: m.id,
				role: m.role as Role,
				unitId: m.unit_id,
				unitName: m.unit_name,
				clusterId: m.cluster_id,
				clusterName: m.cluster_name,
				year: m.year
			}
		];
	});
}

/** Local sign-out: drops this device's session even offline (the server's refresh token simply expires). */
export async function signOutOfSupabase(): Promise<void> {
	try {
		await getSupabase().auth.signOut({ scope: 'local' });
	} catch {
		// Already signed out or unreachable: the local session is removed either way.
	}
}
