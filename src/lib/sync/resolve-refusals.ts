// What a refused story push really means, decided from the server's row (TARGETS R2): the same content is already
// there (an earlier push whose answer was lost) → delivered; the row is this device's own unanswered write → rebase;
// someone else changed it since the edit's base (an officer returned or verified it) → a conflict for the user.
// Never decides to overwrite: a conflict keeps the entry until the user resubmits.
import type { ServerConflict } from '$lib/offline/db';
import type { PushItem } from '$lib/offline/outbox';
import type { ServerStoryState } from '$lib/offline/server-state';
import type { SyncMessageKey } from '$lib/i18n/messages/sync.vi';
import { classifyError, type ClassifiedError } from './classify-error';
import type { PushRemote } from './push-outbox';

export type Resolution =
	| { kind: 'delivered'; ack: ServerStoryState }
	| { kind: 'ownWrite'; version: number }
	| { kind: 'conflict'; server: ServerConflict; error: ClassifiedError }
	| { kind: 'failed'; error: unknown };

/** The states in which the author may still change a story (the update policy of the stories migration). */
const editableOnServer: ReadonlySet<string> = new Set(['submitted', 'returned']);

export async function resolveRefusals(o: {
	refused: { item: PushItem; error: unknown }[];
	hashes: Map<string, string>;
	remote: PushRemote;
	isOnline?: boolean;
}): Promise<Map<string, Resolution>> {
	const out = new Map<string, Resolution>();
	const worthReading = o.refused.filter(({ error }) => {
		const kind = classifyError(error, { isOnline: o.isOnline }).kind;
		return kind === 'conflict' || kind === 'rejected';
	});
	for (const { item, error } of o.refused) out.set(item.story.id, { kind: 'failed', error });
	if (worthReading.length === 0) return out;
	const rows = await o.remote.readStoryStates(worthReading.map(({ item }) => item.story.id)).catch(() => null);
	if (!rows) return out;
	const byId = new Map(rows.map((r) => [r.id, r]));
	for (const { item, error } of worthReading) {
		const server = byId.get(item.story.id);
		if (server) out.set(item.story.id, decide({ item, error, server, hash: o.hashes.get(item.story.id), isOnline: o.isOnline }));
	}
	return out;
}

function decide(o: {
	item: PushItem;
	error: unknown;
	server: ServerStoryState & { contentHash: string | null };
	hash: string | undefined;
	isOnline?: boolean;
}): Resolution {
	const { contentHash, ...ack } = o.server;
	if (contentHash !== null && contentHash === o.hash) return { kind: 'delivered', ack };
	const classified = classifyError(o.error, { isOnline: o.isOnline });
	const stale = classified.kind === 'conflict';
	const ownWrite = contentHash !== null && (o.item.entry.sentHashes ?? []).includes(contentHash);
	if (stale && ownWrite && ack.status === 'submitted') return { kind: 'ownWrite', version: ack.version };
	// A refusal of a story no longer editable on the server is the same conflict seen through RLS (e.g. verified).
	if (!stale && editableOnServer.has(ack.status)) return { kind: 'failed', error: o.error };
	const server: ServerConflict = {
		status: ack.status,
		reviewNote: ack.reviewNote,
		version: ack.version,
		updatedAt: ack.updatedAt
	};
	return { kind: 'conflict', server, error: { kind: 'conflict', messageKey: conflictMessage(ack.status), detail: classified.detail } };
}

/** The sentence for a conflict, by what the server did: changed it, returned it, or took it out of the author's hands. */
export function conflictMessage(status: ServerStoryState['status']): SyncMessageKey {
	if (status === 'submitted') return 'sync.conflict.changed';
	if (status === 'returned') return 'sync.conflict.reviewed';
	return 'sync.conflict.locked';
}
