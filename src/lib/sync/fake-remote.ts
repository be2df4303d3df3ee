// A scriptable in-memory server for push/pull unit tests: records what was sent, can fail any step.
import type { ServerStory, ServerStoryState } from '$lib/offline/server-state';
import type { PullRemote } from './pull-changes';
import type { PushRemote } from './push-outbox';

export class FakeRemote implements PushRemote, PullRemote {
	uploads: string[] = [];
	upsertCalls: string[][] = [];
	photoRows = new Set<string>();
	rows = new Map<string, ServerStoryState>();
	pulled: ServerStory[] = [];
	failUpload: ((path: string) => unknown) | null = null;
	failUpsert: ((ids: string[]) => unknown) | null = null;
	/** Ids the server silently filters out of the upsert answer (as RLS does). */
	hiddenIds = new Set<string>();

	async uploadObject(o: { path: string }): Promise<void> {
		const error = this.failUpload?.(o.path);
		if (error) throw error;
		this.uploads.push(o.path);
	}

	async upsertStories(items: { story: { id: string } }[]): Promise<ServerStoryState[]> {
		const ids = items.map((i) => i.story.id);
		this.upsertCalls.push(ids);
		const error = this.failUpsert?.(ids);
		if (error) throw error;
		for (const id of ids) {
			const revision = this.rows.get(id)?.revision ?? 1;
			this.rows.set(id, { id, status: 'submitted', revision, reviewNote: null, updatedAt: '2026-11-25T01:00:00.000+00:00' });
		}
		return ids.filter((id) => !this.hiddenIds.has(id)).map((id) => this.rows.get(id) as ServerStoryState);
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
