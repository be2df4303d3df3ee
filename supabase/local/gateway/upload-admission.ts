// Back-pressure for uploads: beyond a bound of uploads in flight the gateway answers 503 with Retry-After at once,
// rather than holding every body in memory while they queue for the database pool. Clients (sync/) treat 503 as
// transient and come back after the wait with jitter, so a wave of phones spreads out instead of piling up.

/**
 * Uploads in flight before new ones are turned away. The load bench at N = 500 (2,000 uploads offered at once): with
 * 2,048 every upload was admitted, queued past the clients' 30 s deadline and was sent again (1,317 of 1,500 stories
 * still out at the cap); with 256 and cheap refusals all arrived (README, "Deadline day").
 */
export const DEFAULT_MAX_UPLOADS = 256;
/** What a turned-away upload is told to wait; clients add their own jitter on top. */
export const UPLOAD_RETRY_AFTER_SECONDS = 2;

export interface UploadAdmission {
	readonly limit: number;
	readonly inFlight: number;
	/** A release function (safe to call twice) when admitted; null when the bound is reached. */
	tryEnter(): (() => void) | null;
}

export function createUploadAdmission(limit: number): UploadAdmission {
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`upload limit must be a positive whole number, got ${limit}`);
	let inFlight = 0;
	return {
		limit,
		get inFlight() {
			return inFlight;
		},
		tryEnter() {
			if (inFlight >= limit) return null;
			inFlight++;
			let released = false;
			return () => {
				if (released) return;
				released = true;
				inFlight--;
			};
		}
	};
}

/** GATEWAY_MAX_UPLOADS, or the default when unset. */
export function maxUploadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const value = env.GATEWAY_MAX_UPLOADS;
	if (!value) return DEFAULT_MAX_UPLOADS;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`GATEWAY_MAX_UPLOADS=${value} is not a positive whole number`);
	return limit;
}
