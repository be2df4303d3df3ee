// The one apply path for what the server says about a story, used by push acknowledgements and by pulls.
// A local edit still waiting in the outbox always wins over a pull; it is never overwritten.
import { storyContentSchema, type StoryStatus } from '$lib/domain/story';
import { db, type LocalStory } from './db';
import type { QueuedEntry } from './outbox';

export interface ServerStoryState {
	id: string;
	status: StoryStatus;
	revision: number;
	reviewNote: string | null;
	updatedAt: string;
	/** Bumped by every update on the server; the base of the device's next push. */
	version: number;
}

export interface ServerStory extends ServerStoryState {
	unitId: string;
	authorId: string;
	createdAt: string;
	/** Unvalidated: checked against the domain schema before it is stored. */
	content: unknown;
}

/**
 * Delete the entry only if no edit arrived while it was being pushed; otherwise keep it due, so the newer content
 * is pushed next. Returns whether the entry was removed.
 */
export async function acknowledgePush(o: {
	entry: QueuedEntry;
	ack: ServerStoryState;
	/** The row was read back after a refusal, so it may carry reviewers' changes made after the pushed content. */
	readBack?: boolean;
}): Promise<boolean> {
	return db.transaction('rw', db.outbox, db.stories, async () => {
		const current = await db.outbox.get(o.entry.id);
		const isLatest = current !== undefined && current.changeSeq === o.entry.changeSeq;
		if (isLatest) await db.outbox.delete(o.entry.id);
		else if (current) await db.outbox.update(o.entry.id, { nextAttemptAt: 0, lastError: null, sentHashes: [] });
		const { baseVersion, ...state } = toStatePatch(o.ack);
		// An edit made during the push was made without seeing a read-back row's review: it keeps its base, so the
		// server answers it with a conflict rather than taking it over that review.
		const keepBase = !isLatest && o.readBack === true;
		await db.stories.update(o.ack.id, { ...state, ...(keepBase ? {} : { baseVersion }), syncState: isLatest ? 'sent' : 'saved' });
		return isLatest;
	});
}

export interface PullApplyResult {
	applied: number;
	created: number;
	skippedPending: number;
}

export async function applyPulledStories(items: ServerStory[]): Promise<PullApplyResult> {
	const result: PullApplyResult = { applied: 0, created: 0, skippedPending: 0 };
	await db.transaction('rw', db.outbox, db.stories, async () => {
		for (const item of items) {
			const pending = await db.outbox.where('entityId').equals(item.id).count();
			if (pending > 0) {
				result.skippedPending++;
				await refreshConflict(item);
				continue;
			}
			const local = await db.stories.get(item.id);
			if (local) result.applied += (await applyToExisting(local, item)) ? 1 : 0;
			else result.created += (await createFromServer(item)) ? 1 : 0;
		}
	});
	return result;
}

/** A story waiting in a conflict shows the server's latest side (e.g. verified after the return it conflicted with). */
async function refreshConflict(item: ServerStory): Promise<void> {
	const local = await db.stories.get(item.id);
	if (!local?.conflict || item.version <= local.conflict.version) return;
	const { status, reviewNote, version, updatedAt } = item;
	await db.stories.update(item.id, { conflict: { status, reviewNote, version, updatedAt } });
}

async function applyToExisting(local: LocalStory, item: ServerStory): Promise<boolean> {
	if (local.serverUpdatedAt && Date.parse(item.updatedAt) < Date.parse(local.serverUpdatedAt)) return false;
	const content = storyContentSchema.safeParse(item.content);
	await db.stories.update(local.id, {
		...toStatePatch(item),
		...(content.success ? { content: content.data } : {}),
		updatedAt: new Date(item.updatedAt).toISOString(),
		syncState: 'sent'
	});
	return true;
}

/** A story written on another device: kept without photo bytes (they stay on the server). */
async function createFromServer(item: ServerStory): Promise<boolean> {
	const content = storyContentSchema.safeParse(item.content);
	if (!content.success) return false;
	await db.stories.add({
		id: item.id,
		unitId: item.unitId,
		content: content.data,
		...toStatePatch(item),
		createdAt: new Date(item.createdAt).toISOString(),
		updatedAt: new Date(item.updatedAt).toISOString(),
		syncState: 'sent',
		authorId: item.authorId
	});
	return true;
}

/** The server's word on a story: its state, and the version the next local edit is based on (no conflict left). */
function toStatePatch(s: ServerStoryState) {
	return {
		status: s.status,
		revision: s.revision,
		reviewNote: s.reviewNote,
		serverUpdatedAt: s.updatedAt,
		baseVersion: s.version,
		conflict: null
	};
}
