// The last known signed-in person and their roles, kept on the device so the app opens offline with the right
// navigation. Only names and role scopes live here; the session tokens stay where supabase-js keeps them. Stored in
// IndexedDB (durable-storage.ts): a localStorage copy could be lost when the OS kills the browser soon after sign-in.
import type { Membership, SignedInUser } from '$lib/remote/auth';
import { durableStorage } from '$lib/remote/durable-storage';

const KEY = 'thidua.identity.v1';

export interface CachedIdentity {
	user: SignedInUser;
	memberships: Membership[];
	savedAt: string;
}

export async function readIdentity(): Promise<CachedIdentity | null> {
	try {
		const raw = await durableStorage.getItem(KEY);
		if (!raw) return null;
		const parsed = JSON.parse(raw) as Partial<CachedIdentity>;
		if (!parsed.user?.id || !Array.isArray(parsed.memberships) || typeof parsed.savedAt !== 'string') return null;
		return parsed as CachedIdentity;
	} catch {
		return null;
	}
}

export async function writeIdentity(identity: CachedIdentity): Promise<void> {
	try {
		await durableStorage.setItem(KEY, JSON.stringify(identity));
	} catch {
		// Storage full or disabled: the app still works online; offline it will ask to sign in again.
	}
}

export async function clearIdentity(): Promise<void> {
	try {
		await durableStorage.removeItem(KEY);
	} catch {
		// Nothing to clear.
	}
}
