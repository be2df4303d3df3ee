// The last server answer of a read-only list, kept per person so the cycle's screens (deadlines, plans, movements,
// registrations, covenants) open offline with what was last seen, and say how old it is.
import { db } from './db';

export interface Snapshot<T> {
	data: T;
	fetchedAt: string;
}

function snapshotKey(userId: string, what: string): string {
	return `${userId}:${what}`;
}

export async function readSnapshot<T>(userId: string, what: string): Promise<Snapshot<T> | null> {
	const row = await db.snapshots.get(snapshotKey(userId, what));
	return row ? { data: row.data as T, fetchedAt: row.fetchedAt } : null;
}

export async function writeSnapshot<T>(userId: string, what: string, data: T, fetchedAt = new Date().toISOString()): Promise<void> {
	await db.snapshots.put({ key: snapshotKey(userId, what), userId, data, fetchedAt });
}

/** On sign-out: another person may use this phone next; their lists must not show the previous person's. */
export async function clearSnapshots(userId?: string): Promise<void> {
	if (userId) await db.snapshots.where('userId').equals(userId).delete();
	else await db.snapshots.clear();
}
