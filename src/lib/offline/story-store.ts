// Local writes of stories: a story, its photos and its outbox entry are written in ONE transaction, so there is no
// "saved but not queued" state. Must not talk to the network; sync/ pushes what this module queues.
import {
	MAX_PHOTOS_PER_STORY,
	storyContentSchema,
	storyPhotoSchema,
	type PreparedPhoto,
	type StoryContent
} from '$lib/domain/story';
import { db, type LocalPhoto, type LocalStory, type OutboxEntry } from './db';
import { isQuotaError, LocalSaveError } from './local-errors';
import { notifyOutboxGrew } from './outbox-signal';

/** The photo shape capture produces (defined in domain/, since offline must not import capture). */
export type NewPhoto = PreparedPhoto;

const editableStatuses: ReadonlySet<LocalStory['status']> = new Set(['draft', 'submitted', 'returned']);

export async function saveStoryWithPhotos(opts: {
	story: { id: string; unitId: string; content: StoryContent };
	photos: NewPhoto[];
	authorId?: string | null;
	now?: Date;
}): Promise<void> {
	const content = storyContentSchema.parse(opts.story.content);
	if (opts.photos.length > MAX_PHOTOS_PER_STORY) throw new LocalSaveError('capture.photo.tooMany');
	const now = (opts.now ?? new Date()).toISOString();
	const photos = opts.photos.map((p, position) => toLocalPhoto(p, opts.story.id, position));
	await runLocalWrite(async () => {
		const existing = await db.stories.get(opts.story.id);
		if (existing && existing.status !== 'draft') throw new LocalSaveError('capture.notEditable');
		await db.stories.put({
			id: opts.story.id,
			unitId: opts.story.unitId,
			content,
			status: 'draft',
			reviewNote: null,
			revision: 0,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			syncState: 'saved',
			authorId: opts.authorId ?? existing?.authorId ?? null,
			serverUpdatedAt: null,
			// 0: the server has no row yet; a re-saved draft keeps what an earlier (unanswered) push learnt.
			baseVersion: existing?.baseVersion ?? 0,
			conflict: existing?.conflict ?? null
		});
		// A re-saved draft replaces its photo set: the server has never seen these photos.
		await db.photos.where('storyId').equals(opts.story.id).delete();
		await db.photos.bulkPut(photos);
		await enqueueStoryPush(opts.story.id, now);
	});
}

/** Edit a story the server has (e.g. returned for changes): it goes back to the outbox and is resubmitted. */
export async function updateStoryContent(opts: {
	id: string;
	content: StoryContent;
	addPhotos?: NewPhoto[];
	now?: Date;
}): Promise<void> {
	const content = storyContentSchema.parse(opts.content);
	const now = (opts.now ?? new Date()).toISOString();
	await runLocalWrite(async () => {
		const existing = await db.stories.get(opts.id);
		if (!existing || !editableStatuses.has(existing.status)) throw new LocalSaveError('capture.notEditable');
		const count = await db.photos.where('storyId').equals(opts.id).count();
		const added = opts.addPhotos ?? [];
		if (count + added.length > MAX_PHOTOS_PER_STORY) throw new LocalSaveError('capture.photo.tooMany');
		await db.stories.update(opts.id, { content, updatedAt: now, syncState: 'saved' });
		await db.photos.bulkPut(added.map((p, i) => toLocalPhoto(p, opts.id, count + i)));
		await enqueueStoryPush(opts.id, now);
	});
}

/** One transaction over stories, photos and outbox; a full disk becomes a sentence the user can act on. */
async function runLocalWrite(write: () => Promise<void>): Promise<void> {
	try {
		await db.transaction('rw', db.stories, db.photos, db.outbox, write);
	} catch (error) {
		if (isQuotaError(error)) throw new LocalSaveError('capture.storageFull', String(error));
		throw error;
	}
	notifyOutboxGrew();
}

/** At most one entry per story: a later edit bumps `changeSeq` and makes the entry due again. */
async function enqueueStoryPush(storyId: string, now: string): Promise<void> {
	const existing = await db.outbox.where('entityId').equals(storyId).first();
	if (existing?.id !== undefined) {
		await db.outbox.update(existing.id, {
			changeSeq: existing.changeSeq + 1,
			nextAttemptAt: 0,
			attempts: 0,
			lastError: null
		});
		return;
	}
	const entry: OutboxEntry = {
		kind: 'story.upsert',
		entityId: storyId,
		createdAt: now,
		attempts: 0,
		nextAttemptAt: 0,
		lastError: null,
		changeSeq: 0
	};
	await db.outbox.add(entry);
}

function toLocalPhoto(p: NewPhoto, storyId: string, position: number): LocalPhoto {
	const meta = storyPhotoSchema.parse({
		id: p.id,
		storyId,
		position,
		contentType: p.contentType,
		width: p.width,
		height: p.height,
		byteSize: p.byteSize,
		sha256: p.sha256,
		caption: null
	});
	return { ...meta, blob: p.blob, thumbBlob: p.thumbBlob };
}
