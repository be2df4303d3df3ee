// The one camelCase ⇄ snake_case mapper for public.story and public.story_photo. Each direction is checked with
// `satisfies` against the generated row types, so a renamed column fails the type check here and nowhere else.
import {
	photoStoragePath,
	storyStatuses,
	thumbStoragePath,
	type Story,
	type StoryContent,
	type StoryPhotoMeta,
	type StoryStatus
} from '$lib/domain/story';
import type { StoryInsertRow, StoryPhotoInsertRow, StoryRow } from './story-rows';

/**
 * The columns a device may send in an upsert (exactly the insert/update grants of the stories migrations).
 * `baseVersion` is the server version the content was edited on (0 before the first answer); null pushes unchecked
 * (stories saved before versions existed).
 */
export function toStoryUpsertRow(story: Story, contentHash: string, baseVersion: number | null) {
	const c = story.content;
	return {
		id: story.id,
		unit_id: story.unitId,
		kind: c.kind,
		title: c.title,
		body: c.body,
		subject_name: c.subjectName,
		subject_kind: c.subjectKind,
		subject_is_minor: c.subjectIsMinor,
		occurred_on: c.occurredOn,
		address: c.address,
		consent_given_by: c.consentGivenBy,
		consent_method: c.consentMethod,
		consent_recorded_at: c.consentRecordedAt,
		// Always sent (null when untagged): in a batch upsert every row must carry the same columns, and an untagged
		// story saved before tagging existed is null on the server too, so this changes nothing for it.
		movement_id: c.movementId ?? null,
		content_hash: contentHash,
		base_version: baseVersion,
		client_created_at: story.createdAt,
		// The trigger decides the real status; 'submitted' is the only step an author may ask for.
		status: 'submitted'
	} satisfies StoryInsertRow;
}

export function toStoryPhotoInsertRow(photo: StoryPhotoMeta, unitId: string) {
	const where = { unitId, storyId: photo.storyId, photoId: photo.id, contentType: photo.contentType };
	return {
		id: photo.id,
		story_id: photo.storyId,
		position: photo.position,
		storage_path: photoStoragePath(where),
		thumb_path: thumbStoragePath(where),
		content_type: photo.contentType,
		width: photo.width,
		height: photo.height,
		byte_size: photo.byteSize,
		sha256: photo.sha256,
		caption: photo.caption
	} satisfies StoryPhotoInsertRow;
}

/** What the server acknowledges after a write, and what a pull applies. */
export interface StoryAck {
	id: string;
	status: StoryStatus;
	revision: number;
	reviewNote: string | null;
	updatedAt: string;
	version: number;
}

export const storyAckColumns = 'id, status, revision, review_note, updated_at, version';
type StoryAckRow = Pick<StoryRow, 'id' | 'status' | 'revision' | 'review_note' | 'updated_at' | 'version'>;

/** The server's side when a push is refused: its state plus the hash of the content it holds. */
export interface StoryServerState extends StoryAck {
	contentHash: string | null;
}
export const storyStateColumns = 'id, status, revision, review_note, updated_at, version, content_hash';
type StoryStateRow = StoryAckRow & Pick<StoryRow, 'content_hash'>;

export function fromStoryStateRow(row: StoryStateRow): StoryServerState {
	return { ...fromStoryAckRow(row), contentHash: row.content_hash } satisfies StoryServerState;
}

export function toStatus(value: string): StoryStatus {
	const status = storyStatuses.find((s) => s === value);
	if (!status) throw new Error(`unknown story status from server: ${value}`);
	return status;
}

export function fromStoryAckRow(row: StoryAckRow): StoryAck {
	return {
		id: row.id,
		status: toStatus(row.status),
		revision: row.revision,
		reviewNote: row.review_note,
		updatedAt: row.updated_at,
		version: row.version
	} satisfies StoryAck;
}

/** A story as a pull sees it: its acknowledgement plus identity and content (for stories new to this device). */
export interface RemoteStory extends StoryAck {
	unitId: string;
	authorId: string;
	createdAt: string;
	content: StoryContent;
}

// One literal (not a concatenation) so supabase-js can infer the selected row type from it.
export const remoteStoryColumns =
	'id, unit_id, author_id, kind, title, body, subject_name, subject_kind, subject_is_minor, occurred_on, address, consent_given_by, consent_method, consent_recorded_at, movement_id, status, review_note, revision, created_at, updated_at, version';
type RemoteStoryRow = Omit<
	StoryRow,
	| 'consent_withdrawn_at'
	| 'reviewed_by'
	| 'reviewed_at'
	| 'published_by'
	| 'published_at'
	| 'content_hash'
	| 'client_created_at'
	| 'base_version'
>;

/** Content is passed through unvalidated; the pull validates it with the domain schema before storing. */
export function fromRemoteStoryRow(row: RemoteStoryRow): RemoteStory {
	return {
		...fromStoryAckRow(row),
		unitId: row.unit_id,
		authorId: row.author_id,
		createdAt: row.created_at,
		content: {
			kind: row.kind as StoryContent['kind'],
			title: row.title,
			body: row.body,
			subjectName: row.subject_name,
			subjectKind: row.subject_kind as StoryContent['subjectKind'],
			subjectIsMinor: row.subject_is_minor,
			occurredOn: row.occurred_on,
			address: row.address,
			consentGivenBy: row.consent_given_by ?? '',
			consentMethod: (row.consent_method ?? 'written') as StoryContent['consentMethod'],
			consentRecordedAt: row.consent_recorded_at ?? row.created_at,
			movementId: row.movement_id
		}
	} satisfies RemoteStory;
}
