// Who is signed in on this device and in which roles: restored from the identity cache at once (works offline),
// then confirmed with the server when it can be reached. Sign-out never touches the outbox (R3).
// The Supabase calls are imported on demand, so supabase-js is not part of the app's first paint.
import type { Membership, Role, SignInResult, SignedInUser } from '$lib/remote/auth';
import { afterFirstView } from './after-first-view';
import { clearIdentity, readIdentity, writeIdentity } from './identity-cache';

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

const loadAuth = () => import('$lib/remote/auth');

class Session {
	#status = $state<SessionStatus>('unknown');
	#user = $state<SignedInUser | null>(null);
	#memberships = $state<Membership[]>([]);
	/** True while the roles shown are the cached ones, not yet confirmed by the server. */
	#isFromCache = $state(false);
	#restoring: Promise<void> | null = null;

	get status(): SessionStatus {
		return this.#status;
	}
	get user(): SignedInUser | null {
		return this.#user;
	}
	get memberships(): Membership[] {
		return this.#memberships;
	}
	get isFromCache(): boolean {
		return this.#isFromCache;
	}

	hasRole(role: Role): boolean {
		return this.#memberships.some((m) => m.role === role);
	}

	/** Units where the person holds `role` this year, for pickers (e.g. the reporter's units on the capture form). */
	unitsFor(role: Role): { id: string; name: string }[] {
		return this.#memberships
			.filter((m) => m.role === role && m.unitId)
			.map((m) => ({ id: m.unitId as string, name: m.unitName ?? m.unitId ?? '' }));
	}

	/** Idempotent: the (app) layout and pages may all ask; one restore runs. */
	restore(): Promise<void> {
		this.#restoring ??= this.#restore();
		return this.#restoring;
	}

	async #restore(): Promise<void> {
		const cached = await readIdentity();
		if (cached) {
			this.#user = cached.user;
			this.#memberships = cached.memberships;
			this.#isFromCache = true;
			this.#status = 'signedIn';
			// Confirm in the background, once the first view is up; the cached identity already lets the person work.
			void afterFirstView().then(() => this.refresh());
			return;
		}
		await this.refresh();
	}

	/** Confirms the session with the server and reloads roles; keeps the cached identity when the server is unreachable. */
	async refresh(): Promise<void> {
		// Offline the answer is known without asking (and asking only fills the console with fetch errors).
		const check = navigator.onLine ? await (await loadAuth()).checkSession() : ({ state: 'unknown' } as const);
		if (check.state === 'valid') {
			await this.#adopt(check.user);
		} else if (check.state === 'invalid') {
			this.#forget();
		} else if (this.#status === 'unknown') {
			// Unreachable server and nothing cached: nobody to be offline as.
			this.#status = this.#user ? 'signedIn' : 'signedOut';
		}
	}

	async signIn(email: string, password: string): Promise<SignInResult> {
		const result = await (await loadAuth()).signInWithPassword(email, password);
		if (result.ok) await this.#adopt(result.user);
		return result;
	}

	/** Ends the session on this device. Unsent stories stay in IndexedDB and go out after the next sign-in. */
	async signOut(): Promise<void> {
		await (await loadAuth()).signOutOfSupabase();
		this.#forget();
		this.#restoring = null;
	}

	async #adopt(user: SignedInUser): Promise<void> {
		this.#user = user;
		this.#status = 'signedIn';
		try {
			this.#memberships = await (await loadAuth()).fetchMyMemberships();
			this.#isFromCache = false;
		} catch {
			// Roles unreachable right now: keep the ones we had, marked as cached.
			this.#isFromCache = true;
		}
		await writeIdentity({ user, memberships: this.#memberships, savedAt: new Date().toISOString() });
	}

	#forget(): void {
		void clearIdentity();
		this.#user = null;
		this.#memberships = [];
		this.#isFromCache = false;
		this.#status = 'signedOut';
	}
}

export const session = new Session();
