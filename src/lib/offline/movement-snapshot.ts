// This person's last-seen list of one year's movements, kept as a snapshot (snapshots.ts) under one name that the
// movements page, the story form and the sync run share, so any of them warms the list the others read offline.
// A cache only: nothing here is ever pushed.
import type { Movement } from '$lib/domain/movement';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshots';

export function movementsSnapshotName(year: number): string {
	return `movements:${year}`;
}

export function readMovementsSnapshot(userId: string, year: number): Promise<Snapshot<Movement[]> | null> {
	return readSnapshot<Movement[]>(userId, movementsSnapshotName(year));
}

export function writeMovementsSnapshot(o: { userId: string; year: number; movements: Movement[]; fetchedAt?: string }): Promise<void> {
	return writeSnapshot(o.userId, movementsSnapshotName(o.year), o.movements, o.fetchedAt);
}
