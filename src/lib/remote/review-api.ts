// Review and publishing calls for unit officers and city admins, straight against the server (no outbox: a review
// is a decision taken online). Every write asks for the row back: RLS filters updates silently, so a write that
// returns no row is reported as a failure, never as success.
import { STORY_PHOTO_BUCKET, type StoryKind, type StoryStatus } from '$lib/domain/story';
import { getSupabase } from './client';

export interface ReviewPhoto {
	id: string;
	url: string | null;
}

export interface ReviewStory {
	id: string;
	unitId: string;
	unitName: string | null;
	kind: StoryKind;
	title: string;
	body: string;
	subjectName: string;
	subjectKind: 'person' | 'collective';
	subjectIsMinor: boolean;
	occurredOn: string;
	address: string | null;
	consentGivenBy: string | null;
	consentMethod: 'written' | 'verbal_recorded' | 'guardian_written' | null;
	status: StoryStatus;
	updatedAt: string;
	/** The movement the story is tagged with (null: untagged, or a draft movement the reviewer may not see). */
	movementName: string | null;
	photos: ReviewPhoto[];
}

/** What the person is told; `messageKey` is an i18n key. */
export class ReviewError extends Error {
	readonly messageKey: string;
	constructor(messageKey: string, detail: string) {
		super(detail);
		this.name = 'ReviewError';
		this.messageKey = messageKey;
	}
}

interface ReviewRow {
	id: string;
	unit_id: string;
	kind: StoryKind;
	title: string;
	body: string;
	subject_name: string;
	subject_kind: 'person' | 'collective';
	subject_is_minor: boolean;
	occurred_on: string;
	address: string | null;
	consent_given_by: string | null;
	consent_method: ReviewStory['consentMethod'];
	status: StoryStatus;
	updated_at: string;
	unit: { name: string } | null;
	movement: { name: string } | null;
	story_photo: { id: string; thumb_path: string | null; storage_path: string; position: number }[];
}

const REVIEW_COLUMNS =
	'id, unit_id, kind, title, body, subject_name, subject_kind, subject_is_minor, occurred_on, address, ' +
	'consent_given_by, consent_method, status, updated_at, unit:unit_id(name), movement:movement_id(name), ' +
	'story_photo(id, thumb_path, storage_path, position)';

/** Classifies a PostgREST / fetch failure once, into a sentence the reviewer can act on. */
export function toReviewError(error: { message: string; code?: string; details?: string | null }, status = 0): ReviewError {
	const text = `${error.message} ${error.details ?? ''}`;
	if (status === 0 || /fetch|network/i.test(error.message)) return new ReviewError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new ReviewError('error.unauthorized', text);
	if (error.code === '23514' && text.includes('story_published_needs_consent')) return new ReviewError('error.consentMissing', text);
	if (error.code === '23514' && text.includes('story_returned_needs_reason')) return new ReviewError('review.reasonRequired', text);
	if (error.code === '42501' || status === 403) return new ReviewError('error.forbidden', text);
	return new ReviewError('error.unknown', text);
}

async function listByStatus(status: StoryStatus, unitIds: string[] | null): Promise<ReviewStory[]> {
	let query = getSupabase().from('story').select(REVIEW_COLUMNS).eq('status', status).order('updated_at');
	if (unitIds) query = query.in('unit_id', unitIds);
	const { data, error, status: httpStatus } = await query;
	if (error) throw toReviewError(error, httpStatus);
	// The hand-written Database stand-in has no `unit` relation, so the embed is typed here by hand.
	const rows = (data ?? []) as unknown as ReviewRow[];
	const urls = await signPhotoUrls(rows.flatMap((r) => r.story_photo.map((p) => p.thumb_path ?? p.storage_path)));
	return rows.map((r) => ({
		id: r.id,
		unitId: r.unit_id,
		unitName: r.unit?.name ?? null,
		kind: r.kind,
		title: r.title,
		body: r.body,
		subjectName: r.subject_name,
		subjectKind: r.subject_kind,
		subjectIsMinor: r.subject_is_minor,
		occurredOn: r.occurred_on,
		address: r.address,
		consentGivenBy: r.consent_given_by,
		consentMethod: r.consent_method,
		status: r.status,
		updatedAt: r.updated_at,
		movementName: r.movement?.name ?? null,
		photos: [...r.story_photo]
			.sort((a, b) => a.position - b.position)
			.map((p) => ({ id: p.id, url: urls.get(p.thumb_path ?? p.storage_path) ?? null }))
	}));
}

/** Short-lived signed URLs: the bucket is private and RLS decides which photos this reviewer may see. */
async function signPhotoUrls(paths: string[]): Promise<Map<string, string>> {
	if (paths.length === 0) return new Map();
	const { data, error } = await getSupabase().storage.from(STORY_PHOTO_BUCKET).createSignedUrls(paths, 600);
	if (error || !data) return new Map();
	return new Map(data.flatMap((d) => (d.path && d.signedUrl && !d.error ? [[d.path, d.signedUrl] as const] : [])));
}

/** Submitted stories of the officer's units, oldest first. */
export function listStoriesToReview(unitIds: string[]): Promise<ReviewStory[]> {
	return listByStatus('submitted', unitIds);
}

/** Published stories of every unit, for the city admin to take down. */
export function listPublishedForAdmin(): Promise<ReviewStory[]> {
	return listByStatus('published', null);
}

/** Verified stories of every unit, for the city admin to publish. */
export function listStoriesToPublish(): Promise<ReviewStory[]> {
	return listByStatus('verified', null);
}

/** One legal step of the workflow; `from` guards against acting on a story someone else already moved on. */
async function moveStory(id: string, from: StoryStatus, to: StoryStatus, reviewNote?: string): Promise<void> {
	const patch = reviewNote === undefined ? { status: to } : { status: to, review_note: reviewNote };
	const { data, error, status } = await getSupabase()
		.from('story')
		.update(patch)
		.eq('id', id)
		.eq('status', from)
		.select('id, status');
	if (error) throw toReviewError(error, status);
	if (!data || data.length === 0 || data[0]?.status !== to) {
		throw new ReviewError('error.notApplied', `update of story ${id} ${from}→${to} returned no row`);
	}
}

export const verifyStory = (id: string): Promise<void> => moveStory(id, 'submitted', 'verified');
export const returnStory = (id: string, reason: string): Promise<void> => moveStory(id, 'submitted', 'returned', reason);
export const rejectStory = (id: string, reason: string): Promise<void> => moveStory(id, 'submitted', 'rejected', reason);
export const publishStory = (id: string): Promise<void> => moveStory(id, 'verified', 'published');
/** Takes a published story down from every public page (the public views read published stories only). */
export const unpublishStory = (id: string): Promise<void> => moveStory(id, 'published', 'withdrawn');
export const returnVerifiedStory = (id: string, reason: string): Promise<void> => moveStory(id, 'verified', 'returned', reason);
