// An in-memory story server for the merge-rule property test: the rules of the stories and versions migrations
// (RLS on the author's update, the workflow steps, the version guard with base_version, content_hash), one statement
// per upsert (all rows or none), answers that can be lost after the write. It also watches for what must never
// happen: an author's write landing on a reviewer's change the device had not seen.
import type { StoryContent, StoryStatus } from '$lib/domain/story';
import type { PullCursor } from '$lib/offline/sync-bookkeeping';
import type { ServerStory, ServerStoryState } from '$lib/offline/server-state';
import { RemoteError } from '$lib/remote/remote-error';
import type { PullRemote } from './pull-changes';
import type { PushRemote } from './push-outbox';

interface Row extends ServerStoryState {
	unitId: string;
	authorId: string;
	createdAt: string;
	content: StoryContent;
	contentHash: string | null;
	/** base_version at rest: kept by an insert, cleared by every update (see 20261125000600_story_versions.sql). */
	baseAtRest: number | null;
	/** The version a reviewer's change produced last; an author write must be based on it or later. */
	reviewedVersion: number;
}

type UpsertItem = Parameters<PushRemote['upsertStories']>[0][number];

export class FakeStoryServer implements PushRemote, PullRemote {
	readonly rows = new Map<string, Row>();
	readonly inserts = new Map<string, number>();
	readonly silentOverwrites: string[] = [];
	/** The next upsert is applied but its answer never arrives (the phone lost the connection). */
	loseNextAnswer = false;
	/** The newest server version the user has been shown for a story (the test's record); default: the push's base. */
	seenByUser: ((id: string) => number) | null = null;
	/** Runs once at the start of the next request: the user editing on the phone while a push is on the wire. */
	duringNextRequest: (() => Promise<void>) | null = null;
	#clock = 0;

	constructor(private readonly authorId: string) {}

	async uploadObject(): Promise<void> {}
	async insertPhotoRows(): Promise<void> {}
	async listExistingPhotoIds(ids: string[]): Promise<string[]> {
		return ids;
	}

	async upsertStories(items: UpsertItem[]): Promise<ServerStoryState[]> {
		await this.#runDuringRequest();
		const next = new Map<string, Row>();
		for (const item of items) next.set(item.story.id, this.#write(item)); // throws before anything is applied
		for (const [id, row] of next) {
			if (!this.rows.has(id)) this.inserts.set(id, (this.inserts.get(id) ?? 0) + 1);
			this.rows.set(id, row);
		}
		if (this.loseNextAnswer) {
			this.loseNextAnswer = false;
			throw new TypeError('fetch failed');
		}
		return [...next.values()].map(toState);
	}

	async readStoryStates(ids: string[]): Promise<(ServerStoryState & { contentHash: string | null })[]> {
		await this.#runDuringRequest();
		return ids.flatMap((id) => {
			const row = this.rows.get(id);
			return row ? [{ ...toState(row), contentHash: row.contentHash }] : [];
		});
	}

	async listMyStoriesSince(o: { cursor: PullCursor | null; limit: number }): Promise<ServerStory[]> {
		const after = (r: Row) =>
			!o.cursor || r.updatedAt > o.cursor.updatedAt || (r.updatedAt === o.cursor.updatedAt && r.id > o.cursor.id);
		return [...this.rows.values()]
			.filter(after)
			.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))
			.slice(0, o.limit)
			.map((r) => ({ ...toState(r), unitId: r.unitId, authorId: r.authorId, createdAt: r.createdAt, content: r.content }));
	}

	/** A unit officer's (or city admin's) step; false when the workflow does not allow it from the current status. */
	review(id: string, to: 'returned' | 'verified', note: string): boolean {
		const row = this.rows.get(id);
		const allowed = to === 'verified' ? ['submitted'] : ['submitted', 'verified'];
		if (!row || !allowed.includes(row.status)) return false;
		const version = row.version + 1;
		const reviewNote = to === 'returned' ? note : row.reviewNote;
		this.rows.set(id, { ...row, status: to, reviewNote, version, baseAtRest: null, reviewedVersion: version, updatedAt: this.#tick() });
		return true;
	}

	#write(item: UpsertItem): Row {
		const { story, contentHash, baseVersion } = item;
		const old = this.rows.get(story.id);
		if (!old) {
			const now = this.#tick();
			return {
				id: story.id, unitId: story.unitId, authorId: this.authorId, createdAt: now, updatedAt: now,
				content: story.content, contentHash, status: 'submitted', reviewNote: null, revision: 1, version: 1,
				baseAtRest: baseVersion, reviewedVersion: 0
			};
		}
		if (old.status !== 'submitted' && old.status !== 'returned') {
			throw rest(403, '42501', 'new row violates row-level security policy (USING expression) for table "story"');
		}
		if (baseVersion !== null && baseVersion !== old.baseAtRest && baseVersion !== old.version) {
			throw rest(409, 'PT409', `version=${old.version} base_version=${baseVersion}`);
		}
		// Independent of the guard above: the user must have been shown the last review before their edit replaces it.
		const seen = this.seenByUser?.(story.id) ?? baseVersion ?? -1;
		if (old.reviewedVersion > 0 && seen < old.reviewedVersion) this.silentOverwrites.push(story.id);
		const changed = contentHash !== old.contentHash;
		return {
			...old, content: story.content, contentHash, status: 'submitted' as StoryStatus,
			revision: changed ? old.revision + 1 : old.revision, version: old.version + 1, baseAtRest: null,
			updatedAt: this.#tick()
		};
	}

	async #runDuringRequest(): Promise<void> {
		const during = this.duringNextRequest;
		this.duringNextRequest = null;
		await during?.();
	}

	#tick(): string {
		this.#clock++;
		return new Date(Date.UTC(2026, 10, 25, 3, 0, this.#clock)).toISOString();
	}
}

function toState(r: Row): ServerStoryState {
	return { id: r.id, status: r.status, revision: r.revision, reviewNote: r.reviewNote, updatedAt: r.updatedAt, version: r.version };
}

function rest(status: number, code: string, message: string): RemoteError {
	return new RemoteError({ source: 'rest', status, code, message });
}
