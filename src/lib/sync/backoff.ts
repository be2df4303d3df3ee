// When a failed entry is tried again: exponential backoff with full jitter for offline/transient/conflict (never
// sooner than a server's Retry-After), never automatically for rejected (the user must fix it), right after sign-in
// for unauthorized.
import { REJECTED_WAIT, type SyncErrorKind } from '$lib/offline/db';

const BASE_MS = 5_000;
const MAX_MS = 15 * 60_000;

export function computeNextAttemptAt(o: {
	kind: SyncErrorKind;
	attempts: number;
	now: number;
	random?: () => number;
	/** Epoch ms before which the server asked not to come back (Retry-After); 0 or absent when it did not. */
	notBefore?: number;
}): number {
	if (o.kind === 'rejected') return REJECTED_WAIT;
	// Unauthorized waits for a new session; a sync run triggered after sign-in retries it at once.
	if (o.kind === 'unauthorized') return o.now;
	const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(o.attempts, 20));
	// Half fixed, half random: many phones coming back online at 8am don't all retry on the same second.
	const random = o.random ?? Math.random;
	const at = o.now + Math.round(ceiling / 2 + random() * (ceiling / 2));
	const asked = (o.notBefore ?? 0) - o.now;
	if (asked <= 0 || o.now + asked <= at) return at;
	// Never sooner than asked, and up to half as long again later: phones told the same second spread out.
	return o.now + asked + Math.round(random() * (asked / 2));
}
