// What one field device has waiting in its outbox on deadline day: a few stories with photos, shaped exactly as the
// app's offline store keeps them (LocalStory, LocalPhoto with photo and thumbnail bytes, an outbox entry each), so
// the app's push steps take them unchanged. Kept in memory: hundreds of devices share one process, and the app's
// Dexie database is one per process.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { storyContentSchema, storyPhotoSchema, type StoryContent } from '$lib/domain/story';
import type { LocalPhoto, LocalStory } from '$lib/offline/db';
import type { PushItem } from '$lib/offline/outbox';

export interface BatchShape {
	storiesPerDevice: number;
	/** Photo rows per device, spread over its stories (each is two objects: the photo and its thumbnail). */
	photosPerDevice: number;
	photoBytes: number;
	thumbBytes: number;
}

function content(n: number, reporter: string): StoryContent {
	const now = new Date().toISOString();
	return storyContentSchema.parse({
		kind: n % 4 === 0 ? 'exemplary_model' : 'good_deed',
		title: `Ngày chốt sổ: câu chuyện ${n} của ${reporter.slice(0, 40)}`,
		body: 'Bà con tổ dân phố cùng nhau sửa lại nhà cho một gia đình có hoàn cảnh khó khăn trước mùa mưa bão.',
		subjectName: 'Bà Nguyễn Thị Hoa',
		subjectKind: 'person',
		subjectIsMinor: false,
		occurredOn: now.slice(0, 10),
		address: 'Tổ dân phố 3',
		consentGivenBy: 'Bà Nguyễn Thị Hoa',
		consentMethod: 'written',
		consentRecordedAt: now
	});
}

function photo(storyId: string, position: number, shape: BatchShape): LocalPhoto {
	const bytes = randomBytes(shape.photoBytes);
	const meta = storyPhotoSchema.parse({
		id: randomUUID(),
		storyId,
		position,
		contentType: 'image/webp',
		width: 1600,
		height: 1200,
		byteSize: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		caption: null
	});
	return {
		...meta,
		blob: new Blob([bytes], { type: 'image/webp' }),
		thumbBlob: new Blob([randomBytes(shape.thumbBytes)], { type: 'image/webp' })
	};
}

/** Photos per story: as even as possible, the first stories taking the remainder (3 stories, 4 photos → 2, 1, 1). */
export function photosPerStory(shape: BatchShape): number[] {
	const base = Math.floor(shape.photosPerDevice / shape.storiesPerDevice);
	const extra = shape.photosPerDevice % shape.storiesPerDevice;
	return Array.from({ length: shape.storiesPerDevice }, (_, i) => base + (i < extra ? 1 : 0));
}

export function makeDeviceBatch(o: { authorId: string; unitId: string; label: string; shape: BatchShape }): PushItem[] {
	const now = new Date().toISOString();
	return photosPerStory(o.shape).map((photoCount, i) => {
		const id = randomUUID();
		const story: LocalStory = {
			id,
			unitId: o.unitId,
			content: content(i + 1, o.label),
			status: 'draft',
			reviewNote: null,
			revision: 0,
			createdAt: now,
			updatedAt: now,
			syncState: 'saved',
			authorId: o.authorId,
			serverUpdatedAt: null,
			baseVersion: 0,
			conflict: null
		};
		const entry = { id: i + 1, kind: 'story.upsert' as const, entityId: id, createdAt: now, attempts: 0, nextAttemptAt: 0, lastError: null, changeSeq: 0 };
		return { entry, story, photos: Array.from({ length: photoCount }, (_, p) => photo(id, p, o.shape)) };
	});
}
