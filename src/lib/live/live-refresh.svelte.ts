// Keeps a live view fresh: while the realtime channel is SUBSCRIBED, each change event reloads the view (bursts
// coalesced); while it is not (connecting, CHANNEL_ERROR, TIMED_OUT, CLOSED — the local stack has no realtime server),
// the view polls. It owns timers and the channel only; what to reload, and from where, is the caller's.
export type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';

export interface LiveChannel {
	close(): void;
}

/** Opens a channel; supabase-js, or a test double, calls `onChange` per change and `onStatus` per status. */
export type OpenChannel = (handlers: { onChange: () => void; onStatus: (status: ChannelStatus) => void }) => LiveChannel;

export type LiveMode = 'stopped' | 'polling' | 'live';

export const POLL_MS = 15_000;
const DEBOUNCE_MS = 400;

export interface LiveRefreshOptions {
	open: OpenChannel;
	reload: () => Promise<void>;
	/** Between polls while the channel is not subscribed; 15–20 s keeps the 60 s freshness target (P9). */
	pollMs?: number;
	/** A score write re-ranks the cluster: one event per unit. They are coalesced into one reload. */
	debounceMs?: number;
}

export class LiveRefresh {
	#mode = $state<LiveMode>('stopped');
	#status = $state<ChannelStatus | null>(null);
	readonly #open: OpenChannel;
	readonly #reload: () => Promise<void>;
	readonly #pollMs: number;
	readonly #debounceMs: number;
	#channel: LiveChannel | null = null;
	#poll: ReturnType<typeof setInterval> | null = null;
	#debounce: ReturnType<typeof setTimeout> | null = null;
	#inFlight: Promise<void> | null = null;
	#again = false;
	/** Bumped by stop(): callbacks of an old channel must not act on a new one. */
	#generation = 0;

	constructor(opts: LiveRefreshOptions) {
		this.#open = opts.open;
		this.#reload = opts.reload;
		this.#pollMs = opts.pollMs ?? POLL_MS;
		this.#debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
	}

	/** 'live' while subscribed, 'polling' otherwise, 'stopped' when hidden or gone. */
	get mode(): LiveMode {
		return this.#mode;
	}
	get status(): ChannelStatus | null {
		return this.#status;
	}
	get pollSeconds(): number {
		return Math.round(this.#pollMs / 1000);
	}

	/** Opens the channel and polls until it reports SUBSCRIBED. `refresh` reloads at once (e.g. back from hidden). */
	start(opts: { refresh?: boolean } = {}): void {
		if (this.#mode !== 'stopped') return;
		const generation = ++this.#generation;
		this.#mode = 'polling';
		this.#status = null;
		this.#startPolling();
		if (opts.refresh) this.#runReload();
		this.#channel = this.#open({
			onChange: () => {
				if (generation === this.#generation && this.#status === 'SUBSCRIBED') this.#scheduleReload();
			},
			onStatus: (status) => {
				if (generation === this.#generation) this.#onStatus(status);
			}
		});
	}

	stop(): void {
		this.#generation++;
		this.#stopPolling();
		if (this.#debounce) clearTimeout(this.#debounce);
		this.#debounce = null;
		this.#channel?.close();
		this.#channel = null;
		this.#mode = 'stopped';
		this.#status = null;
	}

	#onStatus(status: ChannelStatus): void {
		const wasSubscribed = this.#status === 'SUBSCRIBED';
		this.#status = status;
		if (status === 'SUBSCRIBED') {
			this.#mode = 'live';
			this.#stopPolling();
			// Changes made while the channel was down (or before it came up) were never announced.
			if (!wasSubscribed) this.#runReload();
		} else {
			this.#mode = 'polling';
			this.#startPolling();
		}
	}

	#startPolling(): void {
		this.#poll ??= setInterval(() => this.#runReload(), this.#pollMs);
	}

	#stopPolling(): void {
		if (this.#poll) clearInterval(this.#poll);
		this.#poll = null;
	}

	#scheduleReload(): void {
		if (this.#debounce) return;
		this.#debounce = setTimeout(() => {
			this.#debounce = null;
			this.#runReload();
		}, this.#debounceMs);
	}

	/** One reload at a time; a request during one runs once more after it (the newer change must be seen). */
	#runReload(): void {
		if (this.#inFlight) {
			this.#again = true;
			return;
		}
		this.#inFlight = this.#reload()
			.catch(() => undefined)
			.finally(() => {
				this.#inFlight = null;
				if (this.#again && this.#mode !== 'stopped') {
					this.#again = false;
					this.#runReload();
				}
			});
	}
}

/** Runs `live` while the page is visible: stops when hidden (no polling in a background tab), resumes with a reload. */
export function runWhileVisible(live: LiveRefresh, doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>): () => void {
	const onChange = () => {
		if (doc.visibilityState === 'hidden') live.stop();
		else live.start({ refresh: true });
	};
	if (doc.visibilityState !== 'hidden') live.start();
	doc.addEventListener('visibilitychange', onChange);
	return () => {
		doc.removeEventListener('visibilitychange', onChange);
		live.stop();
	};
}
