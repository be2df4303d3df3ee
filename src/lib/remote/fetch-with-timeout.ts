// Every request of the data path ends: a connection that stays open and never answers would otherwise hold the
// single sync run (and its cross-tab lock) forever, so "Gửi ngay" and every later trigger would queue behind it.
// The deadline grows with the body so a 5 MB photo on a slow 2G link is not cut off; the abort is classified as
// transient by sync/classify-error and retried with backoff.

/** Base deadline for any request, plus time per byte sent (≈ 16 KB/s, a poor mobile uplink). */
export const BASE_TIMEOUT_MS = 30_000;
const MS_PER_BYTE = 1 / 16;

export function timeoutFor(body: BodyInit | null | undefined): number {
	return BASE_TIMEOUT_MS + Math.ceil(byteLength(body) * MS_PER_BYTE);
}

function byteLength(body: BodyInit | null | undefined): number {
	if (!body) return 0;
	if (typeof body === 'string') return body.length;
	if (body instanceof Blob) return body.size;
	if (body instanceof ArrayBuffer) return body.byteLength;
	if (ArrayBuffer.isView(body)) return body.byteLength;
	if (body instanceof FormData) {
		let n = 0;
		for (const [, v] of body) n += typeof v === 'string' ? v.length : v.size;
		return n;
	}
	return 0;
}

/** A fetch that aborts with a TimeoutError when the deadline passes, keeping any signal the caller gave. */
export function createFetchWithTimeout(
	base: typeof fetch = (...args) => fetch(...args),
	timeoutOf: (body: BodyInit | null | undefined) => number = timeoutFor
): typeof fetch {
	return (input, init = {}) => {
		const deadline = AbortSignal.timeout(timeoutOf(init.body));
		const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
		return base(input, { ...init, signal });
	};
}
