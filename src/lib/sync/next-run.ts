// When the sync engine looks again by itself, beyond its triggers (start, online, tab visible, outbox grew, the
// minute tick). Two cases need it:
// - A run stopped by "offline" although navigator.onLine said online. The flag is only a hint: lie-fi and captive
//   portals report online, and Chromium reports online in a page loaded while the network is down, so no 'online'
//   event ever follows. The engine probes again on a growing interval (2 s, 4 s … 30 s, with jitter), cheap because
//   an unreachable network fails on the device, and at most 30 s late when the network is back.
// - Entries waiting out a backoff (a 503, a timeout): tried when the earliest backoff ends, not at the next tick.
import type { DueMode } from '$lib/offline/outbox';

const FIRST_PROBE_MS = 2_000;
const MAX_PROBE_MS = 30_000;
/** Never sooner: a backoff that has just ended would otherwise spin the engine. */
const MIN_WAIT_MS = 1_000;

export interface NextRun {
	delayMs: number;
	mode: DueMode;
}

export function planNextRun(o: {
	/** The last run could not reach the server. */
	stoppedByOffline: boolean;
	/** How many runs in a row were stopped by offline, this one included. */
	offlineStreak: number;
	/** Epoch ms of the earliest entry waiting out a backoff (not a refused one), or null. */
	nextRetryAt: number | null;
	now: number;
	/** The minute tick: nothing later than this is planned, the tick serves it. */
	periodMs: number;
	random?: () => number;
}): NextRun | null {
	if (o.stoppedByOffline) {
		const ceiling = Math.min(MAX_PROBE_MS, FIRST_PROBE_MS * 2 ** Math.max(0, o.offlineStreak - 1));
		const delayMs = Math.round(ceiling * (0.75 + 0.25 * (o.random ?? Math.random)()));
		return { delayMs, mode: 'waiting' };
	}
	if (o.nextRetryAt === null) return null;
	const delayMs = Math.max(MIN_WAIT_MS, o.nextRetryAt - o.now);
	return delayMs < o.periodMs ? { delayMs, mode: 'due' } : null;
}
