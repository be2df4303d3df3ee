// Typed calls for the story data path (photos to Storage, story and photo rows to PostgREST, pulls since a cursor).
// Speaks domain types on its surface and rows on the wire; never touches IndexedDB and never retries (sync/ does).
import { STORY_PHOTO_BUCKET, type Story, type StoryPhotoMeta } from '$lib/domain/story';
import type { AppSupabaseClient } from './create-client';
import { RemoteError, toRestError, toStorageError } from './remote-error';
import {
	fromRemoteStoryRow,
	fromStoryAckRow,
	fromStoryStateRow,
	remoteStoryColumns,
	storyAckColumns,
	storyStateColumns,
	toStoryPhotoInsertRow,
	toStoryUpsertRow,
	type RemoteStory,
	type StoryAck,
	type StoryServerState
} from './story-mapper';

export interface PullCursor {
	updatedAt: string;
	id: string;
}

export type StoryApi = ReturnType<typeof createStoryApi>;

export function createStoryApi(client: AppSupabaseClient) {
	return {
		/** The signed-in user from the stored session (no network), or null. */
		async getSignedInUserId(): Promise<string | null> {
			const { data } = await client.auth.getSession();
			return data.session?.user.id ?? null;
		},

		/** `upsert: true` makes a replayed upload of the same bytes to the same path a no-op. */
		async uploadObject(o: { path: string; blob: Blob; contentType: string }): Promise<void> {
			const { error } = await client.storage
				.from(STORY_PHOTO_BUCKET)
				.upload(o.path, o.blob, { upsert: true, contentType: o.contentType, cacheControl: '31536000' });
			if (error) throw toStorageError(error);
		},

		/** One request for several stories; returns the rows the server let us see back (RLS may drop some silently). */
		async upsertStories(items: { story: Story; contentHash: string; baseVersion: number | null }[]): Promise<StoryAck[]> {
			const rows = items.map((i) => toStoryUpsertRow(i.story, i.contentHash, i.baseVersion));
			const { data, error, status } = await client
				.from('story')
				.upsert(rows, { onConflict: 'id' })
				.select(storyAckColumns);
			if (error) throw toRestError(error, status);
			return data.map(fromStoryAckRow);
		},

		/** The rows behind refused pushes, to tell "already delivered" from "changed on the server" (RLS may hide some). */
		async readStoryStates(ids: string[]): Promise<StoryServerState[]> {
			if (ids.length === 0) return [];
			const { data, error, status } = await client.from('story').select(storyStateColumns).in('id', ids);
			if (error) throw toRestError(error, status);
			return data.map(fromStoryStateRow);
		},

		/** Photo rows are immutable: an existing id is left alone (`on conflict do nothing`). */
		async insertPhotoRows(items: { photo: StoryPhotoMeta; unitId: string }[]): Promise<void> {
			if (items.length === 0) return;
			const rows = items.map((i) => toStoryPhotoInsertRow(i.photo, i.unitId));
			const { error, status } = await client
				.from('story_photo')
				.upsert(rows, { onConflict: 'id', ignoreDuplicates: true });
			if (error) throw toRestError(error, status);
		},

		async listExistingPhotoIds(ids: string[]): Promise<string[]> {
			if (ids.length === 0) return [];
			const { data, error, status } = await client.from('story_photo').select('id').in('id', ids);
			if (error) throw toRestError(error, status);
			return data.map((r) => r.id);
		},

		/** Stories of `authorId` changed after the cursor, oldest first; keyset on (updated_at, id) so ties page safely. */
		async listMyStoriesSince(o: { authorId: string; cursor: PullCursor | null; limit: number }): Promise<RemoteStory[]> {
			let query = client.from('story').select(remoteStoryColumns).eq('author_id', o.authorId);
			if (o.cursor) {
				const { updatedAt, id } = o.cursor;
				// Quoted: timestamps carry '.', ':' and '+', which PostgREST's logic-tree syntax would misread.
				query = query.or(`updated_at.gt."${updatedAt}",and(updated_at.eq."${updatedAt}",id.gt.${id})`);
			}
			const { data, error, status } = await query
				.order('updated_at', { ascending: true })
				.order('id', { ascending: true })
				.limit(o.limit);
			if (error) throw toRestError(error, status);
			return data.map(fromRemoteStoryRow);
		}
	};
}

export { RemoteError };
