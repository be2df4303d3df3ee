// The outbox as sync/ sees it: which entries are due, what to send for one, and how a failed attempt is recorded.
// Must not delete an entry except through server-state.ts `acknowledgePush` (after the server answered with the row).
import { db, REJECTED_WAIT, type LocalPhoto, type LocalStory, type OutboxEntry, type OutboxError } from './db';

export type QueuedEntry = OutboxEntry & { id: number };

export interface PushItem {
	entry: QueuedEntry;
	story: LocalStory;
	photos: LocalPhoto[];
}

/**
 * 'due': backoff elapsed. 'waiting': also those still in backoff (back online, app start), not rejected ones.
 * 'all': also rejected ones (the user pressed "Gửi ngay").
 */
export type DueMode = 'due' | 'waiting' | 'all';

/** Oldest first. Entries of another signed-in account are left for that account. */
export async function listDueEntries(o: { now: number; mode: DueMode; authorId: string | null }): Promise<QueuedEntry[]> {
	const isDue = (e: OutboxEntry) =>
		o.mode === 'all' || e.nextAttemptAt <= o.now || (o.mode === 'waiting' && e.nextAttemptAt !== REJECTED_WAIT);
	const entries = await db.outbox.orderBy('id').toArray();
	return ownedBy(entries.filter((e): e is QueuedEntry => e.id !== undefined && isDue(e)), o.authorId);
}

/** When the earliest entry of this author waiting out a backoff is due (epoch ms); refused ones wait for the user. */
export async function nextRetryAt(authorId: string | null): Promise<number | null> {
	const waiting = await db.outbox.where('nextAttemptAt').below(REJECTED_WAIT).sortBy('nextAttemptAt');
	const own = await ownedBy(waiting.filter((e): e is QueuedEntry => e.id !== undefined), authorId);
	return own[0]?.nextAttemptAt ?? null;
}

/** Entries whose story still exists and was saved by this author (or by nobody signed in). */
async function ownedBy(entries: QueuedEntry[], authorId: string | null): Promise<QueuedEntry[]> {
	const stories = await db.stories.bulkGet(entries.map((e) => e.entityId));
	return entries.filter((_, i) => {
		const owner = stories[i]?.authorId ?? null;
		return stories[i] !== undefined && (owner === null || authorId === null || owner === authorId);
	});
}

/** Photos are loaded per entry, not for the whole queue: a cheap phone cannot hold every blob at once. */
export async function loadPushItem(entry: QueuedEntry): Promise<PushItem | undefined> {
	return db.transaction('r', db.stories, db.photos, async () => {
		const story = await db.stories.get(entry.entityId);
		if (!story) return undefined;
		const photos = await db.photos.where('storyId').equals(story.id).sortBy('position');
		return { entry, story, photos };
	});
}

export async function markSending(storyIds: string[]): Promise<void> {
	await db.stories.where('id').anyOf(storyIds).modify({ syncState: 'sending' });
}

/** Offline is not a failure of the story: it stays 'saved' (waiting) with the reason shown beside it. */
export async function recordFailure(o: {
	entry: QueuedEntry;
	error: OutboxError;
	nextAttemptAt: number;
}): Promise<void> {
	await db.transaction('rw', db.outbox, db.stories, async () => {
		const current = await db.outbox.get(o.entry.id);
		if (!current) return;
		// An edit made during the attempt already made the entry due again; keep it due.
		const editedMeanwhile = current.changeSeq !== o.entry.changeSeq;
		await db.outbox.update(o.entry.id, {
			attempts: current.attempts + 1,
			lastError: o.error,
			nextAttemptAt: editedMeanwhile ? 0 : o.nextAttemptAt
		});
		await db.stories.update(o.entry.entityId, { syncState: o.error.kind === 'offline' ? 'saved' : 'failed' });
	});
}
