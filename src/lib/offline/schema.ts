// The shapes kept on the device and the history of the Dexie schema. Versions are only ever appended: an upgrade
// may add tables, indexes and default fields, but must never clear or rewrite `outbox` (unsent work lives there).
import type { Story, StoryPhotoMeta, StoryStatus } from '$lib/domain/story';
import type { Dexie, Transaction } from 'dexie';

export const syncErrorKinds = ['offline', 'unauthorized', 'rejected', 'conflict', 'transient'] as const;
export type SyncErrorKind = (typeof syncErrorKinds)[number];

/** What the user is told about a story's journey to the server. */
export type LocalSyncState = 'saved' | 'sending' | 'sent' | 'failed';

/** `status` is the server's last known status, or 'draft' while the server has never acknowledged the story. */
export interface LocalStory extends Story {
	syncState: LocalSyncState;
	/** Who wrote it on this device (null if saved before sign-in was known); pushes never send another user's work. */
	authorId: string | null;
	/** The server's `updated_at` as last seen, so an older pull never replaces a newer acknowledgement. */
	serverUpdatedAt: string | null;
	/**
	 * The server's `version` this device's content is based on (sent as `base_version`); undefined on stories saved
	 * before versions existed, which are pushed unchecked. A draft the server never acknowledged is based on 0.
	 */
	baseVersion?: number | null;
	/** Set while a push is refused because the server changed the story meanwhile (see sync/resolve-refusals.ts). */
	conflict?: ServerConflict | null;
}

/** What the server holds when a push conflicts: shown beside the local edit until the user resubmits it. */
export interface ServerConflict {
	status: StoryStatus;
	reviewNote: string | null;
	version: number;
	updatedAt: string;
}

export interface LocalPhoto extends StoryPhotoMeta {
	blob: Blob;
	thumbBlob: Blob;
}

export interface OutboxError {
	kind: SyncErrorKind;
	messageKey: string;
	detail: string;
}

export type OutboxKind = 'story.upsert';

export interface OutboxEntry {
	id?: number;
	kind: OutboxKind;
	/** The story id; the payload is read from `stories`/`photos` at push time, so edits merge into one entry. */
	entityId: string;
	createdAt: string;
	attempts: number;
	/** Epoch ms; 0 = due now. Rejected entries wait for the user (see REJECTED_WAIT). */
	nextAttemptAt: number;
	lastError: OutboxError | null;
	/** Bumped by every local edit: a push may delete the entry only if it pushed the latest change. */
	changeSeq: number;
	/** Content hashes pushed from this entry without an answer yet: a row holding one of them is this device's own write. */
	sentHashes?: string[];
}

export interface SyncStateEntry {
	key: string;
	value: unknown;
}

/** Rejected entries are kept but not retried automatically; "Gửi ngay" or an edit makes them due again. */
export const REJECTED_WAIT = Number.MAX_SAFE_INTEGER;

export const schemaV1 = {
	stories: 'id, updatedAt',
	photos: 'id, storyId',
	outbox: '++id, entityId, nextAttemptAt',
	syncState: 'key'
} as const;

export const schemaV2 = { ...schemaV1, stories: 'id, updatedAt, authorId' } as const;

/** v2: stories know their author (so a second account on the phone never pushes the first one's work). */
async function upgradeToV2(tx: Transaction): Promise<void> {
	await tx
		.table('stories')
		.toCollection()
		.modify((s: Record<string, unknown>) => {
			s.authorId ??= null;
			s.serverUpdatedAt ??= null;
		});
	// Only default a missing field: every queued item survives the upgrade.
	await tx
		.table('outbox')
		.toCollection()
		.modify((e: Record<string, unknown>) => {
			e.changeSeq ??= 0;
		});
}

/**
 * The last answer of each read-only list (plans, movements, registrations, covenants, deadlines), per person, so
 * those screens still show something offline. A cache, not a source of truth: nothing here is ever pushed.
 */
export interface SnapshotEntry {
	/** `${userId}:${what}` — one person's view never shows up for another account on the same phone. */
	key: string;
	userId: string;
	data: unknown;
	/** When the server gave this answer (ISO). */
	fetchedAt: string;
}

/** v3 adds `snapshots` only: no existing table changes, so no upgrade function is needed. */
export const schemaV3 = { ...schemaV2, snapshots: 'key, userId' } as const;

export function applySchema(db: Dexie): void {
	db.version(1).stores(schemaV1);
	db.version(2).stores(schemaV2).upgrade(upgradeToV2);
	db.version(3).stores(schemaV3);
}
