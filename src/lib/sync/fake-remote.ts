// A scriptable in-memory server for push/pull unit tests: records what was sent, can fail any step.
import type { ServerStory, ServerStoryState } from '$lib/offline/server-state';
import type { PullRemote } from './pull-changes';
import type { PushRemote } from './push-outbox';

export class FakeRemote implements PushRemote, PullRemote {
	uploads: string[] = [];
	upsertCalls: string[][] = [];
	photoRows = new Set<string>();
	rows = new Map<string, ServerStoryState & { contentHash: string | null }>();
	pulled: ServerStory[] = [];
	failUpload: ((path: string) => unknown) | null = null;
	failUpsert: ((ids: string[]) => unknown) | null = null;
	/** Ids the server silently filters out of the upsert answer (as RLS does). */
	hiddenIds = new Set<string>();
	/** What the client heard as Retry-After (epoch ms); unset = the remote does not keep track. */
	retryNotBefore?: () => number;

	async uploadObject(o: { path: string }): Promise<void> {
		const error = this.failUpload?.(o.path);
		if (error) throw error;
		this.uploads.push(o.path);
	}

	async upsertStories(items: { story: { id: string }; contentHash: string }[]): Promise<ServerStoryState[]> {
		const ids = items.map((i) => i.story.id);
		this.upsertCalls.push(ids);
		const error = this.failUpsert?.(ids);
		if (error) throw error;
		for (const { story, contentHash } of items) {
			const old = this.rows.get(story.id);
			const revision = old?.revision ?? 1;
			const version = (old?.version ?? 0) + 1;
			const updatedAt = '2026-11-25T01:00:00.000+00:00';
			this.rows.set(story.id, { id: story.id, status: 'submitted', revision, reviewNote: null, updatedAt, version, contentHash });
		}
		return ids.filter((id) => !this.hiddenIds.has(id)).map((id) => this.stateOf(id));
	}

	async readStoryStates(ids: string[]): Promise<(ServerStoryState & { contentHash: string | null })[]> {
		return ids.flatMap((id) => {
			const row = this.rows.get(id);
			return row && !this.hiddenIds.has(id) ? [row] : [];
		});
	}

	private stateOf(id: string): ServerStoryState {
		const { contentHash: _hash, ...state } = this.rows.get(id) as ServerStoryState & { contentHash: string | null };
		return state;
	}

	async insertPhotoRows(items: { photo: { id: string } }[]): Promise<void> {
		for (const i of items) this.photoRows.add(i.photo.id);
	}

	async listExistingPhotoIds(ids: string[]): Promise<string[]> {
		return ids.filter((id) => this.photoRows.has(id));
	}

	async listMyStoriesSince(): Promise<ServerStory[]> {
		const page = this.pulled;
		this.pulled = [];
		return page;
	}
}
