import { resolve } from '$app/paths';
// Signing out: stop syncing, end the session on this device. The outbox is deliberately left alone (R3): queued
// stories stay in IndexedDB and are sent after the next sign-in.
import { goto } from '$app/navigation';
import { clearSnapshots } from '$lib/offline/snapshots';
import { countPending } from '$lib/offline/story-queries';
import { sync } from '$lib/ui/sync-status.svelte';
import { session } from '$lib/ui/session.svelte';

/** How many stories would wait on this device after signing out (0 = nothing to warn about). */
export async function pendingBeforeSignOut(): Promise<number> {
	try {
		return await countPending();
	} catch {
		return 0;
	}
}

export async function signOut(): Promise<void> {
	sync.stop();
	// Lists seen by this person (registrations, covenants…) must not show for the next person on this phone.
	await clearSnapshots().catch(() => undefined);
	await session.signOut();
	await goto(resolve('/login'), { replaceState: true });
}
