// The last known signed-in person and their roles, kept in localStorage so the app opens offline with the right
// navigation. Only names and role scopes live here; the session tokens stay where supabase-js keeps them.
import type { Membership, SignedInUser } from '$lib/remote/auth';

const KEY = 'thidua.identity.v1';

export interface CachedIdentity {
	user: SignedInUser;
	memberships: Membership[];
	savedAt: string;
}

export function readIdentity(): CachedIdentity | null {
	try {
		const raw = localStorage.getItem(KEY);
		if (!raw) return null;
		const parsed = JSON.parse(raw) as Partial<CachedIdentity>;
		if (!parsed.user?.id || !Array.isArray(parsed.memberships) || typeof parsed.savedAt !== 'string') return null;
		return parsed as CachedIdentity;
	} catch {
		return null;
	}
}

export function writeIdentity(identity: CachedIdentity): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(identity));
	} catch {
		// Storage full or disabled: the app still works online; offline it will ask to sign in again.
	}
}

export function clearIdentity(): void {
	try {
		localStorage.removeItem(KEY);
	} catch {
		// Nothing to clear.
	}
}
