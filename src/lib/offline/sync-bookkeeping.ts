// Key/value bookkeeping of sync: whose data this device last pulled, and the pull cursor.
import { db } from './db';

export interface PullCursor {
	updatedAt: string;
	id: string;
}

const CURSOR = 'pullCursor';
const USER = 'userId';

export async function getPullCursor(): Promise<PullCursor | null> {
	const row = await db.syncState.get(CURSOR);
	return (row?.value as PullCursor | undefined) ?? null;
}

export async function setPullCursor(cursor: PullCursor): Promise<void> {
	await db.syncState.put({ key: CURSOR, value: cursor });
}

/** A different account on this device starts its pull from the beginning. */
export async function rememberSyncUser(userId: string): Promise<void> {
	await db.transaction('rw', db.syncState, async () => {
		const row = await db.syncState.get(USER);
		if (row?.value === userId) return;
		await db.syncState.put({ key: USER, value: userId });
		await db.syncState.delete(CURSOR);
	});
}
