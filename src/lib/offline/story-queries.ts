// Reads of the device database for the UI: the live list of my stories with their sync state, one story with its
// photo bytes, and the pending count. Read-only: every write goes through story-store.ts or sync/.
import type { StoryKind } from '$lib/domain/story';
import { liveQuery, type Observable } from 'dexie';
import {
	db,
	type LocalPhoto,
	type LocalStory,
	type LocalSyncState,
	type OutboxEntry,
	type ServerConflict,
	type SyncErrorKind
} from './db';

export interface LocalStoryView {
	id: string;
	title: string;
	kind: StoryKind;
	occurredOn: string;
	/** The movement the story is tagged with, or null. */
	movementId: string | null;
	status: LocalStory['status'];
	syncState: LocalSyncState;
	reviewNote: string | null;
	failure: { kind: SyncErrorKind; messageKey: string } | null;
	/** The server's side of a conflict with the local edit, shown beside it. */
	conflict: ServerConflict | null;
	photoCount: number;
	updatedAt: string;
}

/** Newest first. Pass `authorId` to hide other accounts' stories kept on a shared phone. */
export function liveMyStories(opts: { authorId?: string } = {}): Observable<LocalStoryView[]> {
	return liveQuery(() => listMyStories(opts));
}

export async function listMyStories(opts: { authorId?: string } = {}): Promise<LocalStoryView[]> {
	return db.transaction('r', db.stories, db.photos, db.outbox, async () => {
		const stories = await db.stories.orderBy('updatedAt').reverse().toArray();
		// Keys only: counting photos must not load their blobs.
		const photoStoryIds = await db.photos.orderBy('storyId').keys();
		const entries = await db.outbox.toArray();
		const counts = countBy(photoStoryIds.map(String));
		const byStory = new Map(entries.map((e) => [e.entityId, e]));
		return stories
			.filter((s) => !opts.authorId || s.authorId === null || s.authorId === opts.authorId)
			.map((s) => toView(s, counts.get(s.id) ?? 0, byStory.get(s.id)));
	});
}

export async function getLocalStory(id: string): Promise<{ story: LocalStory; photos: LocalPhoto[] } | undefined> {
	return db.transaction('r', db.stories, db.photos, async () => {
		const story = await db.stories.get(id);
		if (!story) return undefined;
		const photos = await db.photos.where('storyId').equals(id).sortBy('position');
		return { story, photos };
	});
}

export async function countPending(): Promise<number> {
	return db.outbox.count();
}

export function liveCountPending(): Observable<number> {
	return liveQuery(() => db.outbox.count());
}

function toView(s: LocalStory, photoCount: number, entry: OutboxEntry | undefined): LocalStoryView {
	const error = entry?.lastError;
	return {
		id: s.id,
		title: s.content.title,
		kind: s.content.kind,
		occurredOn: s.content.occurredOn,
		movementId: s.content.movementId ?? null,
		status: s.status,
		syncState: s.syncState,
		reviewNote: s.reviewNote,
		failure: error ? { kind: error.kind, messageKey: error.messageKey } : null,
		conflict: s.conflict ?? null,
		photoCount,
		updatedAt: s.updatedAt
	};
}

function countBy(keys: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}
