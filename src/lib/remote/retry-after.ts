// An overloaded server says how long to wait: Retry-After on a 429 or 503 (seconds, or an HTTP date). supabase-js
// keeps no response headers in its errors, so the client's fetch notes the wait here, and sync/ never tries again
// sooner (backoff.ts `notBefore`). Only remembers; deciding what to retry stays in sync/.

/** A longer wait is not believed (a misconfigured proxy must not park the outbox for a day). */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Milliseconds to wait, or null when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
	if (!value) return null;
	const trimmed = value.trim();
	// Seconds, or an HTTP date (which names its weekday and month); anything else ('-5', 'soon') is not a wait.
	const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) - now : NaN;
	if (!Number.isFinite(ms)) return null;
	return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** The latest moment a server asked this client to wait until (epoch ms); 0 when none did. */
export class ServerWait {
	#until = 0;

	get until(): number {
		return this.#until;
	}

	note(waitMs: number, now: number): void {
		this.#until = Math.max(this.#until, now + waitMs);
	}
}

/** A fetch that notes the Retry-After of 429 and 503 answers in `wait`, and otherwise passes everything through. */
export function createRetryAfterFetch(base: typeof fetch, wait: ServerWait, now: () => number = Date.now): typeof fetch {
	return async (input, init) => {
		const response = await base(input, init);
		if (response.status === 429 || response.status === 503) {
			const ms = parseRetryAfter(response.headers.get('retry-after'), now());
			if (ms !== null) wait.note(ms, now());
		}
		return response;
	};
}
