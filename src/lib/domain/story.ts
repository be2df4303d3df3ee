// What a story is: one zod schema validates the capture form, the Dexie row and the outbox payload; the TypeScript
// types are inferred from it. Pure. Mirrors public.story (supabase/migrations/*_stories.sql).
// zod/mini: the same validation as classic zod in a fraction of the bytes (the capture page's JS budget, TARGETS P2).
import * as z from 'zod/mini';
import { isCalendarDate } from './calendar-date';

export const storyKinds = ['good_deed', 'exemplary_model'] as const;
export const subjectKinds = ['person', 'collective'] as const;
export const consentMethods = ['written', 'verbal_recorded', 'guardian_written'] as const;
/** Server-side states. `draft` exists only on the device. */
export const storyStatuses = ['submitted', 'verified', 'returned', 'rejected', 'published', 'withdrawn'] as const;

export type StoryKind = (typeof storyKinds)[number];
export type StoryStatus = (typeof storyStatuses)[number];

/**
 * A real calendar date as yyyy-mm-dd (2025-02-30 and year 0 are refused, as Postgres's `date` refuses them). Empty is
 * the form's "not filled in" (form.required); anything else malformed is form.invalid.
 */
const isoDate = z
	.string('form.required')
	.check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'form.required', abort: true }), z.refine(isCalendarDate, 'form.invalid'));

/**
 * Text the database stores as typed: length in characters (code points), as Postgres's length() counts them (an
 * emoji is one character, not two), and neither U+0000 (Postgres refuses it in text) nor half of a surrogate pair
 * (not JSON that PostgREST reads). Otherwise such a story is saved on the device and refused by every push.
 */
const text = (o: { min?: number; max: number; tooShort?: string; tooLong?: string }) =>
	z
		.string('form.invalid')
		.check(
			z.trim(),
			z.refine((s) => !s.includes('\u0000') && !/\p{Cs}/u.test(s), { error: 'form.invalid', abort: true }),
			z.refine((s) => o.min === undefined || [...s].length >= o.min, o.tooShort ?? 'form.required'),
			z.refine((s) => [...s].length <= o.max, o.tooLong ?? 'form.invalid')
		);

/**
 * The fields a reporter writes. Messages are i18n keys, resolved by the UI: every issue, down to a wrong type, names
 * a sentence of the catalogue (storyContentSchema's fuzz test holds that for any input).
 */
export const storyContentSchema = z
	.object(
		{
			kind: z.enum(storyKinds, 'form.invalid'),
			title: text({ min: 3, max: 200, tooShort: 'story.title.tooShort', tooLong: 'story.title.tooLong' }),
			body: text({ min: 10, max: 20000, tooShort: 'story.body.tooShort', tooLong: 'story.body.tooLong' }),
			subjectName: text({ min: 1, max: 200, tooShort: 'story.subjectName.required' }),
			subjectKind: z.enum(subjectKinds, 'form.invalid'),
			subjectIsMinor: z.boolean('form.invalid'),
			occurredOn: isoDate,
			address: z.nullable(text({ max: 500 })),
			consentGivenBy: text({ min: 1, max: 200, tooShort: 'story.consent.required' }),
			consentMethod: z.enum(consentMethods, 'form.invalid'),
			consentRecordedAt: z.iso.datetime({ offset: true, error: 'form.invalid' }),
			/**
			 * The movement or campaign the story is tagged with (public.story.movement_id). Optional: stories saved
			 * before tagging existed have no such key; null = not tagged. Both mean the same (see hashableContent).
			 * Any Postgres uuid (z.guid, not RFC-strict z.uuid): ids made by the database or a seed need not be v4.
			 */
			movementId: z.optional(z.nullable(z.guid('form.invalid')))
		},
		'form.invalid'
	)
	.check(
		z.refine((s) => !s.subjectIsMinor || s.consentMethod === 'guardian_written', {
			message: 'story.consent.guardianRequired',
			path: ['consentMethod']
		})
	);
export type StoryContent = z.infer<typeof storyContentSchema>;

/**
 * The content as its hash sees it (TARGETS R2: same content replayed = no-op, different = conflict). "No movement"
 * is left out whether it is a missing key (saved before tagging existed) or null (pulled, or saved since), so a story
 * that is not tagged hashes exactly as it did before the field existed.
 */
export function hashableContent(content: StoryContent): Omit<StoryContent, 'movementId'> & { movementId?: string } {
	const { movementId, ...rest } = content;
	return movementId ? { ...rest, movementId } : rest;
}

/** A story as the device keeps it: content plus identity and sync-visible state. */
export const storySchema = z.object({
	id: z.uuid(),
	unitId: z.uuid(),
	content: storyContentSchema,
	/** `draft` = only on this device; other values mirror the server's status as last pulled. */
	status: z.enum(['draft', ...storyStatuses]),
	reviewNote: z.nullable(z.string()),
	revision: z.int().check(z.minimum(0)),
	createdAt: z.iso.datetime({ offset: true }),
	updatedAt: z.iso.datetime({ offset: true })
});
export type Story = z.infer<typeof storySchema>;

export const photoContentTypes = ['image/webp', 'image/jpeg'] as const;

/** A prepared (resized, re-encoded, metadata-free) photo of a story. */
export const storyPhotoSchema = z.object({
	id: z.uuid(),
	storyId: z.uuid(),
	position: z.int().check(z.minimum(0), z.maximum(19)),
	contentType: z.enum(photoContentTypes),
	width: z.int().check(z.minimum(1), z.maximum(1600)),
	height: z.int().check(z.minimum(1), z.maximum(1600)),
	byteSize: z.int().check(z.minimum(1), z.maximum(5 * 1024 * 1024)),
	sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
	caption: z.nullable(z.string().check(z.maxLength(500)))
});
export type StoryPhotoMeta = z.infer<typeof storyPhotoSchema>;

/** A photo ready to keep and send: resized, re-encoded without metadata, hashed. Capture makes it; offline stores it. */
export interface PreparedPhoto {
	id: string;
	contentType: (typeof photoContentTypes)[number];
	width: number;
	height: number;
	byteSize: number;
	sha256: string;
	blob: Blob;
	thumbBlob: Blob;
}

/** Storage layout shared by the app and the bucket policies: `{unit}/{story}/{photo}.webp`. */
export function photoStoragePath(p: { unitId: string; storyId: string; photoId: string; contentType: string }): string {
	const ext = p.contentType === 'image/jpeg' ? 'jpg' : 'webp';
	return `${p.unitId}/${p.storyId}/${p.photoId}.${ext}`;
}
export function thumbStoragePath(p: { unitId: string; storyId: string; photoId: string; contentType: string }): string {
	const ext = p.contentType === 'image/jpeg' ? 'jpg' : 'webp';
	return `${p.unitId}/${p.storyId}/${p.photoId}-thumb.${ext}`;
}

export const STORY_PHOTO_BUCKET = 'story-photos';
export const MAX_PHOTOS_PER_STORY = 10;
