// Conflicts between a local edit and a server change (TARGETS R2): recorded beside the story, never resolved by
// overwriting. The outbox entry is kept; only the user's "Gửi lại bản của tôi" rebases the edit on the server version.
import { db, REJECTED_WAIT, type OutboxError, type ServerConflict } from './db';
import type { QueuedEntry } from './outbox';
import { notifyOutboxGrew } from './outbox-signal';

/** How many unanswered pushes of one entry are remembered; more lost answers in a row are shown as a conflict. */
const MAX_SENT_HASHES = 8;

/** Before a push: remember what is being sent, so a later refusal can recognise the row as this device's own write. */
export async function rememberSentHashes(sent: { entry: QueuedEntry; hash: string }[]): Promise<void> {
	await db.transaction('rw', db.outbox, async () => {
		for (const { entry, hash } of sent) {
			const current = await db.outbox.get(entry.id);
			if (!current) continue;
			const hashes = (current.sentHashes ?? []).filter((h) => h !== hash);
			await db.outbox.update(entry.id, { sentHashes: [...hashes, hash].slice(-MAX_SENT_HASHES) });
		}
	});
}

/** The server changed the story since the edit's base: keep the entry (not retried by itself) and show both sides. */
export async function recordConflict(o: { entry: QueuedEntry; server: ServerConflict; error: OutboxError }): Promise<void> {
	await db.transaction('rw', db.outbox, db.stories, async () => {
		const current = await db.outbox.get(o.entry.id);
		if (!current) return;
		await db.outbox.update(o.entry.id, {
			attempts: current.attempts + 1,
			lastError: o.error,
			nextAttemptAt: REJECTED_WAIT
		});
		await db.stories.update(o.entry.entityId, { syncState: 'failed', conflict: o.server });
	});
}

/**
 * The server row holds this device's own earlier push (its answer was lost): nobody else changed it, so the edit
 * moves onto that version and goes out in the next run.
 */
export async function rebaseOnOwnWrite(o: { entry: QueuedEntry; version: number }): Promise<void> {
	await db.transaction('rw', db.outbox, db.stories, async () => {
		if (!(await db.outbox.get(o.entry.id))) return;
		await db.outbox.update(o.entry.id, { nextAttemptAt: 0, lastError: null });
		await db.stories.update(o.entry.entityId, { baseVersion: o.version, syncState: 'saved' });
	});
}

/**
 * "Gửi lại bản của tôi": the user has seen the server's status and note and sends their edit on top of that
 * version. Returns false if there is no conflict to resolve.
 */
export async function resubmitMyEdit(storyId: string): Promise<boolean> {
	const done = await db.transaction('rw', db.outbox, db.stories, async () => {
		const story = await db.stories.get(storyId);
		const entry = await db.outbox.where('entityId').equals(storyId).first();
		if (!story?.conflict || entry?.id === undefined) return false;
		await db.stories.update(storyId, {
			baseVersion: story.conflict.version,
			status: story.conflict.status,
			reviewNote: story.conflict.reviewNote,
			conflict: null,
			syncState: 'saved'
		});
		await db.outbox.update(entry.id, { nextAttemptAt: 0, lastError: null, attempts: 0 });
		return true;
	});
	if (done) notifyOutboxGrew();
	return done;
}
