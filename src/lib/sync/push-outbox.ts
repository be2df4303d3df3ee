// Push phase: for each due outbox entry, oldest first, upload its photos, then upsert the story rows (several per
// request), then insert the photo rows and confirm them. An entry is removed only after the server answered with the
// row and every photo row exists; anything else is recorded as a classified failure and the entry stays.
import type { Story, StoryPhotoMeta } from '$lib/domain/story';
import {
	listDueEntries,
	loadPushItem,
	markSending,
	recordFailure,
	type DueMode,
	type PushItem
} from '$lib/offline/outbox';
import { rebaseOnOwnWrite, recordConflict, rememberSentHashes } from '$lib/offline/conflicts';
import { acknowledgePush, type ServerStoryState } from '$lib/offline/server-state';
import { computeNextAttemptAt } from './backoff';
import { classifyError, type ClassifiedError } from './classify-error';
import { uploadBatchFiles, sendStoryRows, confirmPhotoRows, hashContent } from './push-steps';
import { resolveRefusals } from './resolve-refusals';

/** What push needs from the server; `createStoryApi(client)` from remote/ provides it, tests pass fakes. */
export interface PushRemote {
	uploadObject(o: { path: string; blob: Blob; contentType: string }): Promise<void>;
	/** `baseVersion`: the server version the edit is based on (0 = no row yet, null = unchecked). */
	upsertStories(items: { story: Story; contentHash: string; baseVersion: number | null }[]): Promise<ServerStoryState[]>;
	/** The rows behind refused pushes, with the hash of the content they hold. */
	readStoryStates(ids: string[]): Promise<(ServerStoryState & { contentHash: string | null })[]>;
	insertPhotoRows(items: { photo: StoryPhotoMeta; unitId: string }[]): Promise<void>;
	listExistingPhotoIds(ids: string[]): Promise<string[]>;
	/** Epoch ms the server asked to wait until (Retry-After on a 429/503), if the remote keeps track. */
	retryNotBefore?(): number;
}

export interface PushOptions {
	remote: PushRemote;
	/** The signed-in user; entries saved by another account on this device are skipped. */
	authorId: string | null;
	/** Which entries to try (default 'due'); see DueMode. */
	mode?: DueMode;
	batchSize?: number;
	now?: () => number;
	isOnline?: () => boolean;
	random?: () => number;
}

export interface PushResult {
	sent: number;
	failed: number;
	/** Of `failed`: refused because the server changed the story since the edit's base; shown to the user. */
	conflicts: number;
	/** Set when the run stopped early because every further request would fail too (offline, signed out). */
	stoppedBy: ClassifiedError | null;
}

export async function pushOutbox(opts: PushOptions): Promise<PushResult> {
	const now = opts.now ?? Date.now;
	const entries = await listDueEntries({ now: now(), mode: opts.mode ?? 'due', authorId: opts.authorId });
	const result: PushResult = { sent: 0, failed: 0, conflicts: 0, stoppedBy: null };
	// 20 stories a batch: 3 row requests per batch instead of per 5 stories (TARGETS P5), while a batch's photo blobs
	// (loaded with it) stay a few MB on a cheap phone.
	const size = opts.batchSize ?? 20;
	for (let i = 0; i < entries.length && !result.stoppedBy; i += size) {
		const loaded = await Promise.all(entries.slice(i, i + size).map(loadPushItem));
		await pushBatch(loaded.filter((x): x is PushItem => x !== undefined), opts, result);
	}
	return result;
}

async function pushBatch(items: PushItem[], opts: PushOptions, result: PushResult): Promise<void> {
	await markSending(items.map((x) => x.story.id));
	const fail = (item: PushItem, error: unknown) => recordItemFailure({ item, error, opts, result });
	const failedUploads = await uploadBatchFiles({
		items,
		remote: opts.remote,
		onFailure: fail,
		shouldStop: () => result.stoppedBy !== null
	});
	const uploaded = items.filter((item) => !failedUploads.has(item.story.id));
	if (uploaded.length === 0) return;
	if (result.stoppedBy) {
		for (const item of uploaded) await fail(item, result.stoppedBy);
		return;
	}
	const acked = await sendRows({ items: uploaded, opts, result, fail });
	if (acked.length === 0) return;
	const photoRows = await confirmPhotoRows(acked.map((a) => a.item), opts.remote).catch((error: unknown) => ({ error }));
	for (const { item, ack, readBack } of acked) {
		if ('error' in photoRows) await fail(item, photoRows.error);
		else if (!photoRows.confirmed.has(item.story.id)) await fail(item, photoRows.missing);
		else if (await acknowledgePush({ entry: item.entry, ack, readBack })) result.sent++;
	}
}

/** Rows answered with the row are acked; refused ones are resolved against the server's row (resolve-refusals.ts). */
async function sendRows(o: {
	items: PushItem[];
	opts: PushOptions;
	result: PushResult;
	fail: (item: PushItem, error: unknown) => Promise<void>;
}): Promise<{ item: PushItem; ack: ServerStoryState; readBack: boolean }[]> {
	const { items, opts } = o;
	const hashes = new Map(await Promise.all(items.map(async (i) => [i.story.id, await hashContent(i.story.content)] as const)));
	await rememberSentHashes(items.map((item) => ({ entry: item.entry, hash: hashes.get(item.story.id) ?? '' })));
	const answers = await sendStoryRows(items, opts.remote, hashes);
	const acked: { item: PushItem; ack: ServerStoryState; readBack: boolean }[] = [];
	const refused: { item: PushItem; error: unknown }[] = [];
	for (const item of items) {
		const answer = answers.get(item.story.id);
		if (answer && 'status' in answer) acked.push({ item, ack: answer, readBack: false });
		else refused.push({ item, error: answer?.error });
	}
	const resolutions = await resolveRefusals({ refused, hashes, remote: opts.remote, isOnline: opts.isOnline?.() });
	for (const { item } of refused) {
		const r = resolutions.get(item.story.id) ?? { kind: 'failed', error: undefined };
		if (r.kind === 'delivered') acked.push({ item, ack: r.ack, readBack: true });
		else if (r.kind === 'ownWrite') await rebaseOnOwnWrite({ entry: item.entry, version: r.version });
		else if (r.kind === 'conflict') {
			await recordConflict({ entry: item.entry, server: r.server, error: r.error });
			o.result.failed++;
			o.result.conflicts++;
		} else await o.fail(item, r.error);
	}
	return acked;
}

async function recordItemFailure(o: {
	item: PushItem;
	error: unknown;
	opts: PushOptions;
	result: PushResult;
}): Promise<void> {
	const now = (o.opts.now ?? Date.now)();
	const classified = isClassified(o.error) ? o.error : classifyError(o.error, { isOnline: o.opts.isOnline?.() });
	await recordFailure({
		entry: o.item.entry,
		error: { kind: classified.kind, messageKey: classified.messageKey, detail: classified.detail },
		nextAttemptAt: computeNextAttemptAt({
			kind: classified.kind,
			attempts: o.item.entry.attempts,
			now,
			random: o.opts.random,
			notBefore: o.opts.remote.retryNotBefore?.()
		})
	});
	o.result.failed++;
	if (classified.kind === 'offline' || classified.kind === 'unauthorized') o.result.stoppedBy ??= classified;
}

function isClassified(e: unknown): e is ClassifiedError {
	return typeof e === 'object' && e !== null && 'kind' in e && 'messageKey' in e && 'detail' in e;
}
