// One device pushing its batch the way the app does (sync/push-steps: uploads a few at a time, one batched row upsert,
// photo rows inserted and read back; sync/resolve-refusals for a refused row), with the app's retry rule: a retryable
// failure (transient, offline, conflict) waits the app's backoff with jitter (sync/backoff), never less than the
// server's Retry-After (remote/retry-after), and tries again until the deadline; a refusal (rejected, unauthorized) ends that story.
// A story counts as arrived only when the server answered with its row and every photo row exists.
import type { PushItem } from '$lib/offline/outbox';
import { computeNextAttemptAt } from '$lib/sync/backoff';
import { classifyError } from '$lib/sync/classify-error';
import type { PushRemote } from '$lib/sync/push-outbox';
import { confirmPhotoRows, hashContent, sendStoryRows, uploadBatchFiles } from '$lib/sync/push-steps';
import { resolveRefusals } from '$lib/sync/resolve-refusals';

export interface DeviceOutcome {
	stories: number;
	arrived: number;
	/** Push rounds after the first. */
	retries: number;
	/** Failures that were retried, by kind (transient, offline, conflict): a story failing twice counts twice. */
	retried: Record<string, number>;
	/** Stories that did not arrive, with why (a refusal, a conflict with someone else's change, or the deadline). */
	lost: { storyId: string; kind: string; detail: string }[];
	seconds: number;
}

const RETRYABLE = new Set(['transient', 'offline', 'conflict']);

interface Round {
	arrived: Set<string>;
	failed: Map<string, unknown>;
	/** Changed on the server by someone else since the push's base: the app keeps these for the user, never retries. */
	conflicts: Set<string>;
}

/** One round over the pending stories: which arrived, and the failure of each that did not. */
async function pushRound(items: PushItem[], remote: PushRemote): Promise<Round> {
	const failed = new Map<string, unknown>();
	const conflicts = new Set<string>();
	await uploadBatchFiles({
		items,
		remote,
		onFailure: async (item, error) => void failed.set(item.story.id, error),
		shouldStop: () => false
	});
	const uploaded = items.filter((item) => !failed.has(item.story.id));
	const arrived = new Set<string>();
	if (uploaded.length === 0) return { arrived, failed, conflicts };
	const hashes = new Map(await Promise.all(uploaded.map(async (i) => [i.story.id, await hashContent(i.story.content)] as const)));
	const answers = await sendStoryRows(uploaded, remote, hashes);
	const acked: PushItem[] = [];
	const refused: { item: PushItem; error: unknown }[] = [];
	for (const item of uploaded) {
		const answer = answers.get(item.story.id);
		if (answer && 'status' in answer) acked.push(item);
		else refused.push({ item, error: answer?.error });
	}
	const resolutions = await resolveRefusals({ refused, hashes, remote });
	for (const { item, error } of refused) {
		const r = resolutions.get(item.story.id) ?? { kind: 'failed', error };
		if (r.kind === 'delivered') acked.push(item);
		else if (r.kind === 'ownWrite') {
			// The device's own earlier write whose answer was lost: push again on that version, as the app does.
			item.story.baseVersion = r.version;
			failed.set(item.story.id, error);
		} else if (r.kind === 'conflict') conflicts.add(item.story.id);
		else failed.set(item.story.id, r.error);
	}
	if (acked.length === 0) return { arrived, failed, conflicts };
	const photoRows = await confirmPhotoRows(acked, remote).catch((error: unknown) => ({ error }));
	for (const item of acked) {
		if ('error' in photoRows) failed.set(item.story.id, photoRows.error);
		else if (photoRows.confirmed.has(item.story.id)) arrived.add(item.story.id);
		else failed.set(item.story.id, photoRows.missing);
	}
	return { arrived, failed, conflicts };
}

export async function pushDevice(o: {
	remote: PushRemote;
	items: PushItem[];
	/** Epoch ms after which no new round starts. */
	deadline: number;
	/** When the servers asked the device to wait until (its client's ServerWait), the floor of every retry. */
	retryNotBefore: () => number;
	random?: () => number;
}): Promise<DeviceOutcome> {
	const started = Date.now();
	const random = o.random ?? Math.random;
	const outcome: DeviceOutcome = { stories: o.items.length, arrived: 0, retries: 0, retried: {}, lost: [], seconds: 0 };
	let pending = o.items;
	for (let attempt = 0; pending.length > 0; attempt++) {
		const { arrived, failed, conflicts } = await pushRound(pending, o.remote);
		outcome.arrived += arrived.size;
		const next: PushItem[] = [];
		for (const item of pending) {
			if (arrived.has(item.story.id)) continue;
			if (conflicts.has(item.story.id)) {
				outcome.lost.push({ storyId: item.story.id, kind: 'conflict', detail: 'changed on the server by someone else' });
				continue;
			}
			const error = failed.get(item.story.id);
			const classified = classifyError(error);
			if (RETRYABLE.has(classified.kind)) {
				outcome.retried[classified.kind] = (outcome.retried[classified.kind] ?? 0) + 1;
				next.push(item);
			} else outcome.lost.push({ storyId: item.story.id, kind: classified.kind, detail: classified.detail });
		}
		pending = next;
		if (pending.length === 0) break;
		const now = Date.now();
		const wait = computeNextAttemptAt({ kind: 'transient', attempts: attempt, now, random, notBefore: o.retryNotBefore() }) - now;
		if (now + wait > o.deadline) {
			for (const item of pending) outcome.lost.push({ storyId: item.story.id, kind: 'deadline', detail: 'still failing at the deadline' });
			break;
		}
		outcome.retries++;
		await new Promise((r) => setTimeout(r, wait));
	}
	outcome.seconds = (Date.now() - started) / 1000;
	return outcome;
}
