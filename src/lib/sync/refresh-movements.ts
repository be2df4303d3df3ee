// After a sync run, keep this year's movement list on the device (offline/movement-snapshot.ts), so a reporter who
// goes offline before ever opening the capture page can still tag a story. At most once per `maxAgeMs`: the list
// changes a few times a year, and a run happens every minute.
import type { Movement } from '$lib/domain/movement';
import { readMovementsSnapshot, writeMovementsSnapshot } from '$lib/offline/movement-snapshot';

export const MOVEMENTS_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** Returns whether the server was asked. A failure is thrown to the caller, which ignores it (the list is a cache). */
export async function refreshMovements(o: {
	listMovements: (year: number) => Promise<Movement[]>;
	userId: string;
	year: number;
	now?: () => number;
	maxAgeMs?: number;
}): Promise<boolean> {
	const now = (o.now ?? Date.now)();
	const kept = await readMovementsSnapshot(o.userId, o.year);
	if (kept && now - Date.parse(kept.fetchedAt) < (o.maxAgeMs ?? MOVEMENTS_MAX_AGE_MS)) return false;
	const movements = await o.listMovements(o.year);
	await writeMovementsSnapshot({ userId: o.userId, year: o.year, movements, fetchedAt: new Date(now).toISOString() });
	return true;
}
