// When a failed entry is tried again: exponential backoff with full jitter for offline/transient/conflict, never
// automatically for rejected (the user must fix it), right after sign-in for unauthorized.
import { REJECTED_WAIT, type SyncErrorKind } from '$lib/offline/db';

const BASE_MS = 5_000;
const MAX_MS = 15 * 60_000;

export function computeNextAttemptAt(o: {
	kind: SyncErrorKind;
	attempts: number;
	now: number;
	random?: () => number;
}): number {
	if (o.kind === 'rejected') return REJECTED_WAIT;
	// Unauthorized waits for a new session; a sync run triggered after sign-in retries it at once.
	if (o.kind === 'unauthorized') return o.now;
	const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(o.attempts, 20));
	// Half fixed, half random: many phones coming back online at 8am don't all retry on the same second.
	const delay = ceiling / 2 + (o.random ?? Math.random)() * (ceiling / 2);
	return o.now + Math.round(delay);
}
