// Anonymous visitors on the production build's public gallery during the wave: autocannon at a fixed overall rate
// (an open page view is not a closed loop hammering the server), one instance on /gallery and one on searches, so
// each has its own latencies. Runs until stopped or its time cap.
import autocannon from 'autocannon';
import { figuresOf, type EndpointFigures } from './request-log';

export interface VisitorResult {
	endpoints: EndpointFigures[];
	requests: number;
	seconds: number;
	/** "gallery: http 503" → count, and connection errors / timeouts. */
	errors: Record<string, number>;
}

/** Searches a visitor types: with and without diacritics, a phrase, a prefix (see gallery-search.test.ts). */
const SEARCHES = ['trả lại ví', 'tra lai vi', 'người tốt', 'nguoi tot viec tot', 'hiến máu', 'nha dai doan ket', 'cứu'];

export function browseGallery(o: { baseURL: string; ratePerSecond: number; maxSeconds: number }): {
	stop(): void;
	done: Promise<VisitorResult>;
} {
	const samples = { gallery: [] as number[], 'gallery search': [] as number[] };
	const errors: Record<string, number> = {};
	const count = (key: string) => void (errors[key] = (errors[key] ?? 0) + 1);
	const started = performance.now();
	const run = (endpoint: keyof typeof samples, paths: string[], rate: number) => {
		let settle: { resolve: (r: autocannon.Result) => void; reject: (e: unknown) => void } | undefined;
		const done = new Promise<autocannon.Result>((resolve, reject) => void (settle = { resolve, reject }));
		const instance = autocannon(
			{
				url: o.baseURL,
				connections: Math.max(2, Math.ceil(rate / 5)),
				overallRate: Math.max(1, Math.round(rate)),
				duration: o.maxSeconds,
				timeout: 30,
				requests: paths.map((path) => ({ method: 'GET' as const, path }))
			},
			(error: unknown, result) => (error ? settle?.reject(error) : settle?.resolve(result))
		);
		instance.on('response', (_client, status, _bytes, ms) => {
			samples[endpoint].push(ms);
			if (status >= 400) count(`${endpoint}: http ${status}`);
		});
		return { instance, done };
	};
	const list = run('gallery', ['/gallery'], o.ratePerSecond / 2);
	const search = run('gallery search', SEARCHES.map((q) => `/gallery?q=${encodeURIComponent(q)}`), o.ratePerSecond / 2);
	const done = Promise.all([list.done, search.done]).then(([a, b]) => {
		for (const [endpoint, r] of [['gallery', a], ['gallery search', b]] as const) {
			if (r.errors > r.timeouts) errors[`${endpoint}: connection error`] = r.errors - r.timeouts;
			if (r.timeouts > 0) errors[`${endpoint}: timeout`] = r.timeouts;
		}
		return {
			endpoints: [figuresOf('gallery', samples.gallery), figuresOf('gallery search', samples['gallery search'])],
			requests: samples.gallery.length + samples['gallery search'].length,
			seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
			errors
		};
	});
	return {
		stop: () => {
			list.instance.stop();
			search.instance.stop();
		},
		done
	};
}
