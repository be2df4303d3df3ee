// Pull phase: fetch the signed-in author's stories changed since the cursor and apply the server's status, review
// note and revision through offline/server-state.ts, which never overwrites an edit still waiting in the outbox.
import { getPullCursor, rememberSyncUser, setPullCursor, type PullCursor } from '$lib/offline/sync-bookkeeping';
import { applyPulledStories, type PullApplyResult, type ServerStory } from '$lib/offline/server-state';

export interface PullRemote {
	listMyStoriesSince(o: { authorId: string; cursor: PullCursor | null; limit: number }): Promise<ServerStory[]>;
}

export async function pullChanges(opts: {
	remote: PullRemote;
	authorId: string;
	pageSize?: number;
	maxPages?: number;
}): Promise<PullApplyResult> {
	const pageSize = opts.pageSize ?? 100;
	const total: PullApplyResult = { applied: 0, created: 0, skippedPending: 0 };
	await rememberSyncUser(opts.authorId);
	let cursor = await getPullCursor();
	for (let page = 0; page < (opts.maxPages ?? 20); page++) {
		const rows = await opts.remote.listMyStoriesSince({ authorId: opts.authorId, cursor, limit: pageSize });
		const applied = await applyPulledStories(rows);
		total.applied += applied.applied;
		total.created += applied.created;
		total.skippedPending += applied.skippedPending;
		const last = rows.at(-1);
		if (!last) break;
		// Skipped (pending) stories are safe to move past: their push answers with the server row anyway.
		cursor = { updatedAt: last.updatedAt, id: last.id };
		await setPullCursor(cursor);
		if (rows.length < pageSize) break;
	}
	return total;
}
