// A read-only list that opens offline: ask the server; on success keep the answer as this person's snapshot; when
// the server cannot be reached, show the last snapshot and say how old it is. Writes never go through here.
import { readSnapshot, writeSnapshot } from '$lib/offline/snapshots';
import { session } from './session.svelte';

export type QueryOrigin = 'server' | 'snapshot' | 'none';

function isNetworkFailure(error: unknown): boolean {
	if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
	const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
	return /fetch|network|timeout|abort|offline/i.test(text);
}

export class CachedQuery<T> {
	#data = $state<T | null>(null);
	#fetchedAt = $state<string | null>(null);
	#origin = $state<QueryOrigin>('none');
	#loading = $state(false);
	#error = $state<unknown>(null);
	#offline = $state(false);
	readonly #what: () => string;
	readonly #fetcher: () => Promise<T>;
	// Which load() is the latest: a page that changes its parameters (the year, the round) while an earlier answer is
	// on its way must show the answer to the last question, whichever arrives first.
	#generation = 0;

	/** `what` names the list (with its parameters, e.g. `registrations:2026`); `fetcher` reads it from the server. */
	constructor(what: () => string, fetcher: () => Promise<T>) {
		this.#what = what;
		this.#fetcher = fetcher;
	}

	get data(): T | null {
		return this.#data;
	}
	/** When the server gave the data shown (ISO), or null before anything is known. */
	get fetchedAt(): string | null {
		return this.#fetchedAt;
	}
	get origin(): QueryOrigin {
		return this.#origin;
	}
	get loading(): boolean {
		return this.#loading;
	}
	/** The last failure that was not "offline" (a refusal, a bug): shown to the person, never swallowed. */
	get error(): unknown {
		return this.#error;
	}
	/** True when the last attempt could not reach the server: the data shown (if any) is the snapshot. */
	get offline(): boolean {
		return this.#offline;
	}

	async load(): Promise<void> {
		const generation = ++this.#generation;
		const stale = () => generation !== this.#generation;
		this.#loading = true;
		// A page may load before the layout has restored who is signed in: the snapshot is per person, so wait.
		await session.restore().catch(() => undefined);
		if (stale()) return;
		const userId = session.user?.id;
		const what = this.#what();
		try {
			if (typeof navigator !== 'undefined' && !navigator.onLine) throw new Error('offline');
			const data = await this.#fetcher();
			if (stale()) return;
			// A timestamp to store, not reactive state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const fetchedAt = new Date().toISOString();
			this.#data = data;
			this.#fetchedAt = fetchedAt;
			this.#origin = 'server';
			this.#error = null;
			this.#offline = false;
			if (userId) await writeSnapshot(userId, what, $state.snapshot(data) as T, fetchedAt).catch(() => undefined);
		} catch (error) {
			if (stale()) return;
			const offline = isNetworkFailure(error);
			this.#offline = offline;
			this.#error = offline ? null : error;
			const snapshot = userId ? await readSnapshot<T>(userId, what).catch(() => null) : null;
			if (stale()) return;
			if (snapshot && (this.#origin !== 'server' || offline)) {
				this.#data = snapshot.data;
				this.#fetchedAt = snapshot.fetchedAt;
				this.#origin = 'snapshot';
			}
		} finally {
			if (!stale()) this.#loading = false;
		}
	}
}
