// The sync engine: decides WHEN to sync (app start, back online, tab visible, outbox grew, every minute, "Gửi ngay",
// and by itself after a run: see next-run.ts) and guarantees ONE run at a time (in this tab by a flag, across tabs by a Web Lock). What a run does is push-outbox
// then pull-changes; this class holds only the state the UI shows.
import { liveCountPending } from '$lib/offline/story-queries';
import { onOutboxGrew } from '$lib/offline/outbox-signal';
import { nextRetryAt, type DueMode } from '$lib/offline/outbox';
import { hanoiYear, type Movement } from '$lib/domain/movement';
import { getSupabase, serverWait } from '$lib/remote/client';
import { createMovementApi } from '$lib/remote/movement-api';
import { createStoryApi } from '$lib/remote/story-api';
import { classifyError, type ClassifiedError } from './classify-error';
import { pullChanges, type PullRemote } from './pull-changes';
import { pushOutbox, type PushRemote } from './push-outbox';
import { planNextRun } from './next-run';
import { refreshMovements } from './refresh-movements';

export interface SyncRemote extends PushRemote, PullRemote {
	getSignedInUserId(): Promise<string | null>;
	/** This year's movements, kept on the device for the capture form; optional so test remotes may leave it out. */
	listMovements?(year: number): Promise<Movement[]>;
}

function createAppRemote(): SyncRemote {
	const client = getSupabase();
	return {
		...createStoryApi(client),
		listMovements: createMovementApi(client).listMovements,
		retryNotBefore: () => serverWait.until
	};
}

const LOCK_NAME = 'thidua-sync';
const PERIOD_MS = 60_000;
const modeRank: Record<DueMode, number> = { due: 0, waiting: 1, all: 2 };

export class SyncEngine {
	#pendingCount = $state(0);
	#isSyncing = $state(false);
	#isOnline = $state(true);
	/** The last run could not reach the server although the browser said online (lie-fi): shown as offline. */
	#unreachable = $state(false);
	/** Epoch ms of the last completed run. */
	#lastRunAt = $state<number | null>(null);
	#lastError = $state<ClassifiedError | null>(null);
	#isStoragePersisted = $state<boolean | null>(null);
	#running = false;
	#queuedMode: DueMode | null = null;
	#stops: (() => void)[] = [];
	#wakeTimer: ReturnType<typeof setTimeout> | undefined;
	/** Runs in a row that could not reach the server although the browser said online. */
	#offlineStreak = 0;
	readonly #createRemote: () => SyncRemote;

	constructor(opts: { createRemote?: () => SyncRemote } = {}) {
		this.#createRemote = opts.createRemote ?? createAppRemote;
	}

	get pendingCount(): number { return this.#pendingCount; }
	get isSyncing(): boolean { return this.#isSyncing; }
	/** The browser says online and the last run did not find the server unreachable. */
	get isOnline(): boolean { return this.#isOnline && !this.#unreachable; }
	get lastRunAt(): number | null { return this.#lastRunAt; }
	get lastError(): ClassifiedError | null { return this.#lastError; }
	/** null until asked; false means the browser may evict the device database under storage pressure. */
	get isStoragePersisted(): boolean | null { return this.#isStoragePersisted; }

	/** Idempotent; call once from the signed-in layout (browser only). */
	start(): void {
		if (this.#stops.length > 0) return;
		this.#isOnline = navigator.onLine;
		this.#listen(window, 'online', () => {
			this.#isOnline = true;
			this.#unreachable = false;
			this.#offlineStreak = 0;
			this.#trigger('waiting');
		});
		this.#listen(window, 'offline', () => (this.#isOnline = false));
		this.#listen(document, 'visibilitychange', () => {
			if (document.visibilityState === 'visible') this.#trigger('due');
		});
		this.#stops.push(onOutboxGrew(() => this.#trigger('due')));
		const count = liveCountPending().subscribe({ next: (n) => (this.#pendingCount = n) });
		this.#stops.push(() => count.unsubscribe());
		const timer = setInterval(() => this.#trigger('due'), PERIOD_MS);
		this.#stops.push(() => clearInterval(timer));
		this.#stops.push(() => clearTimeout(this.#wakeTimer));
		void this.#requestPersistence();
		this.#trigger('waiting');
	}

	stop(): void {
		for (const stopOne of this.#stops.splice(0)) stopOne();
	}

	/** "Gửi ngay": try everything now, including entries the server refused before. */
	syncNow(): Promise<void> {
		return this.#run('all');
	}

	#trigger(mode: DueMode): void {
		void this.#run(mode);
	}

	#listen(target: EventTarget, type: string, handler: () => void): void {
		target.addEventListener(type, handler);
		this.#stops.push(() => target.removeEventListener(type, handler));
	}

	/** A trigger during a run is remembered (strongest mode wins) and served by one more run right after. */
	async #run(mode: DueMode): Promise<void> {
		if (this.#running) {
			this.#queuedMode = strongest(this.#queuedMode, mode);
			return;
		}
		this.#running = true;
		this.#isSyncing = true;
		let outcome: RunOutcome = 'skipped';
		try {
			let next: DueMode | null = mode;
			while (next) {
				this.#queuedMode = null;
				outcome = await this.#withLock(next);
				next = this.#queuedMode;
			}
		} finally {
			this.#running = false;
			this.#isSyncing = false;
		}
		await this.#planWake(outcome).catch(() => undefined);
	}

	/** After a run: probe again if it met no network, or wake when the earliest backoff ends (next-run.ts). */
	async #planWake(outcome: RunOutcome): Promise<void> {
		clearTimeout(this.#wakeTimer);
		if (outcome === 'offline') {
			this.#unreachable = true;
			this.#offlineStreak++;
		} else if (outcome === 'done') {
			this.#unreachable = false;
			this.#offlineStreak = 0;
		}
		if (this.#stops.length === 0 || outcome === 'signedOut' || (outcome === 'skipped' && !this.#unreachable)) return;
		const next = planNextRun({
			// Also after a skipped run while unreachable (another tab held the lock): keep probing until a run succeeds.
			stoppedByOffline: this.#unreachable,
			offlineStreak: this.#offlineStreak,
			nextRetryAt: this.#unreachable ? null : await nextRetryAt(await this.#createRemote().getSignedInUserId()),
			now: Date.now(),
			periodMs: PERIOD_MS
		});
		if (next && this.#stops.length > 0) this.#wakeTimer = setTimeout(() => this.#trigger(next.mode), next.delayMs);
	}

	/** Another tab holding the lock is already syncing the same database: skip, don't wait. */
	async #withLock(mode: DueMode): Promise<RunOutcome> {
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (!locks) return this.#runOnce(mode);
		return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? this.#runOnce(mode) : 'skipped'));
	}

	async #runOnce(mode: DueMode): Promise<RunOutcome> {
		// Offline for sure: the 'online' event will start the next run.
		if (typeof navigator !== 'undefined' && !navigator.onLine) return 'skipped';
		try {
			const remote = this.#createRemote();
			const authorId = await remote.getSignedInUserId();
			if (!authorId) return 'signedOut';
			const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
			const push = await pushOutbox({ remote, authorId, mode, isOnline });
			this.#lastError = push.stoppedBy;
			if (!push.stoppedBy) await pullChanges({ remote, authorId });
			this.#lastRunAt = Date.now();
			if (!push.stoppedBy && remote.listMovements) {
				// A cache for offline capture: its failure is not the sync's, so it is neither shown nor retried here.
				await refreshMovements({ listMovements: remote.listMovements, userId: authorId, year: hanoiYear() }).catch(() => undefined);
			}
			return outcomeOf(push.stoppedBy);
		} catch (error) {
			this.#lastError = classifyError(error);
			return outcomeOf(this.#lastError);
		}
	}

	async #requestPersistence(): Promise<void> {
		const storage = navigator.storage as StorageManager | undefined;
		if (!storage?.persist) return;
		this.#isStoragePersisted = (await storage.persisted()) || (await storage.persist());
	}
}

/** 'skipped': nothing was tried (offline for sure, or another tab syncs); the triggers start the next run. */
type RunOutcome = 'done' | 'offline' | 'signedOut' | 'skipped';

function outcomeOf(error: ClassifiedError | null): RunOutcome {
	if (error?.kind === 'offline') return 'offline';
	if (error?.kind === 'unauthorized') return 'signedOut';
	return 'done';
}

function strongest(a: DueMode | null, b: DueMode): DueMode {
	return a && modeRank[a] >= modeRank[b] ? a : b;
}

export const sync = new SyncEngine();
