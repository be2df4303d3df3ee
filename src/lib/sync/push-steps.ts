// The three server steps of a push (photos, story rows, photo rows), each answering per story, so one refused story
// never blocks the others in its batch. Knows nothing of the outbox: push-outbox.ts decides what an answer means.
import { hashableContent, photoStoragePath, thumbStoragePath, type StoryContent } from '$lib/domain/story';
import type { PushItem } from '$lib/offline/outbox';
import type { ServerStoryState } from '$lib/offline/server-state';
import { RemoteError } from '$lib/remote/remote-error';
import type { PushRemote } from './push-outbox';

/** Every object a story's push uploads: each photo and its thumbnail, at the paths the bucket policies expect. */
function filesOf(item: PushItem): { path: string; blob: Blob; contentType: string }[] {
	return item.photos.flatMap((photo) => {
		const where = { unitId: item.story.unitId, storyId: item.story.id, photoId: photo.id, contentType: photo.contentType };
		return [
			{ path: photoStoragePath(where), blob: photo.blob, contentType: photo.contentType },
			{ path: thumbStoragePath(where), blob: photo.thumbBlob, contentType: photo.contentType }
		];
	});
}

/** Uploads in flight at once: one at a time leaves a slow link idle for a round trip per file (TARGETS P6). */
export const UPLOAD_CONCURRENCY = 4;

/**
 * Uploads every file of a batch, a few at a time across stories. A story's first failure is reported once through
 * `onFailure` and its remaining files are skipped; nothing new starts once `shouldStop()` (offline, signed out).
 */
export async function uploadBatchFiles(o: {
	items: PushItem[];
	remote: PushRemote;
	onFailure: (item: PushItem, error: unknown) => Promise<void>;
	shouldStop: () => boolean;
	concurrency?: number;
}): Promise<Set<string>> {
	const failed = new Set<string>();
	const tasks = o.items.flatMap((item) => filesOf(item).map((file) => ({ item, file })));
	let next = 0;
	async function worker(): Promise<void> {
		while (next < tasks.length && !o.shouldStop()) {
			const { item, file } = tasks[next++]!;
			if (failed.has(item.story.id)) continue;
			try {
				await o.remote.uploadObject(file);
			} catch (error) {
				if (failed.has(item.story.id)) continue;
				failed.add(item.story.id);
				await o.onFailure(item, error);
			}
		}
	}
	const workers = Math.min(o.concurrency ?? UPLOAD_CONCURRENCY, tasks.length);
	await Promise.all(Array.from({ length: workers }, worker));
	return failed;
}

export type RowAnswer = ServerStoryState | { error: unknown };

/**
 * One upsert for the batch. If the batch is refused as a whole, retry story by story to find the one at fault.
 * A story whose row does not come back was filtered by RLS: that is a failure, not a success.
 */
export async function sendStoryRows(
	items: PushItem[],
	remote: PushRemote,
	hashes: Map<string, string>
): Promise<Map<string, RowAnswer>> {
	const answers = new Map<string, RowAnswer>();
	try {
		const acks = await remote.upsertStories(items.map((item) => toUpsertItem(item, hashes)));
		const byId = new Map(acks.map((a) => [a.id, a]));
		for (const item of items) answers.set(item.story.id, byId.get(item.story.id) ?? { error: rowNotReturned(item) });
	} catch (error) {
		if (items.length === 1 || isWholeRunFailure(error)) {
			for (const item of items) answers.set(item.story.id, { error });
		} else {
			for (const item of items) {
				const single = await sendStoryRows([item], remote, hashes);
				answers.set(item.story.id, single.get(item.story.id) ?? { error });
			}
		}
	}
	return answers;
}

/**
 * Insert (ignoring rows that already exist), then read back which stories have every photo row on the server. An
 * insert refused as a whole (a story verified meanwhile no longer takes photo rows) still confirms the stories whose
 * rows an earlier push already wrote; the others carry the refusal.
 */
export async function confirmPhotoRows(
	items: PushItem[],
	remote: PushRemote
): Promise<{ confirmed: Set<string>; missing: unknown }> {
	const photos = items.flatMap((item) => item.photos.map((photo) => ({ photo: stripBlobs(photo), unitId: item.story.unitId })));
	const refused = await remote.insertPhotoRows(photos).then(
		() => null,
		(error: unknown) => ({ error })
	);
	const existing = new Set(await remote.listExistingPhotoIds(photos.map((p) => p.photo.id)));
	const confirmed = new Set<string>();
	for (const item of items) if (item.photos.every((p) => existing.has(p.id))) confirmed.add(item.story.id);
	const notVisible = new RemoteError({ source: 'ack', status: 200, code: 'PHOTO_ROW_NOT_VISIBLE', message: 'photo rows missing' });
	return { confirmed, missing: refused ? refused.error : notVisible };
}

function rowNotReturned(item: PushItem): RemoteError {
	return new RemoteError({ source: 'ack', status: 200, code: 'ROW_NOT_RETURNED', message: `story ${item.story.id} not returned` });
}

/** Offline or signed out: splitting the batch would only repeat the same failure. */
function isWholeRunFailure(error: unknown): boolean {
	if (error instanceof TypeError) return true;
	return error instanceof RemoteError && (error.status === 0 || error.status === 401 || error.status >= 500);
}

function toUpsertItem(item: PushItem, hashes: Map<string, string>) {
	const contentHash = hashes.get(item.story.id);
	if (contentHash === undefined) throw new Error(`no content hash for story ${item.story.id}`);
	return { story: item.story, contentHash, baseVersion: baseVersionToSend(item.story) };
}

/** Drafts never answered are based on "no row" (0); stories saved before versions existed go unchecked (null). */
export function baseVersionToSend(story: PushItem['story']): number | null {
	if (story.baseVersion !== undefined) return story.baseVersion;
	return story.status === 'draft' ? 0 : null;
}

/**
 * A stable hash of the content (sorted keys), stored with the row so a replay can be recognised. An untagged story
 * hashes as it did before movements existed (domain hashableContent), so its replays stay no-ops.
 */
export async function hashContent(content: StoryContent): Promise<string> {
	const sorted = Object.fromEntries(Object.entries(hashableContent(content)).sort(([a], [b]) => a.localeCompare(b)));
	const bytes = new TextEncoder().encode(JSON.stringify(sorted));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function stripBlobs(photo: PushItem['photos'][number]) {
	const { blob: _blob, thumbBlob: _thumb, ...meta } = photo;
	return meta;
}
