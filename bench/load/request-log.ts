// Every request the simulated clients make passes through one fetch wrapper per client: it names the endpoint, keeps
// the time to the response headers and counts failures by kind (HTTP status, timeout, network). Knows nothing of
// what the requests mean.

export type Endpoint =
	| 'auth sign-in'
	| 'storage upload'
	| 'story upsert'
	| 'story read back'
	| 'photo rows insert'
	| 'photo rows read back'
	| 'standings'
	| 'standings catalog'
	| 'gallery'
	| 'gallery search'
	| 'other';

export interface EndpointFigures {
	endpoint: Endpoint;
	requests: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
}

export function endpointOf(url: string, method: string): Endpoint {
	const path = new URL(url).pathname;
	if (path.startsWith('/auth/v1/token')) return 'auth sign-in';
	if (path.startsWith('/storage/v1/object')) return 'storage upload';
	if (path === '/rest/v1/story_photo') return method === 'GET' ? 'photo rows read back' : 'photo rows insert';
	if (path === '/rest/v1/story') return method === 'GET' ? 'story read back' : 'story upsert';
	if (path === '/rest/v1/standings') return 'standings';
	if (/^\/rest\/v1\/(assessment_round|cluster|criterion_group)$/.test(path)) return 'standings catalog';
	return 'other';
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function figuresOf(endpoint: Endpoint, samples: number[]): EndpointFigures {
	const sorted = [...samples].sort((a, b) => a - b);
	const round = (ms: number) => Number(ms.toFixed(1));
	return {
		endpoint,
		requests: sorted.length,
		p50Ms: round(percentile(sorted, 50)),
		p95Ms: round(percentile(sorted, 95)),
		p99Ms: round(percentile(sorted, 99)),
		maxMs: round(sorted.at(-1) ?? 0)
	};
}

function kindOfThrow(error: unknown): string {
	const name = error instanceof Error ? error.name : '';
	if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
	return 'network';
}

export class RequestLog {
	readonly #samples = new Map<Endpoint, number[]>();
	readonly #errors = new Map<string, number>();
	#total = 0;

	get total(): number {
		return this.#total;
	}

	record(endpoint: Endpoint, ms: number, failure?: string): void {
		this.#total++;
		const list = this.#samples.get(endpoint) ?? [];
		list.push(ms);
		this.#samples.set(endpoint, list);
		if (failure) {
			const key = `${endpoint}: ${failure}`;
			this.#errors.set(key, (this.#errors.get(key) ?? 0) + 1);
		}
	}

	/** Every client's requests pass here. */
	readonly fetch: typeof fetch = async (input, init) => {
			const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
			const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		const endpoint = endpointOf(url, method);
		const started = performance.now();
		try {
			const response = await fetch(input, init);
			this.record(endpoint, performance.now() - started, response.status >= 400 ? `http ${response.status}` : undefined);
			return response;
		} catch (error) {
			this.record(endpoint, performance.now() - started, kindOfThrow(error));
			throw error;
		}
	};

	endpoints(): EndpointFigures[] {
		return [...this.#samples].map(([endpoint, samples]) => figuresOf(endpoint, samples));
	}

	/** "storage upload: http 503" → count; answers that are part of the protocol (a 409 replay) are here too. */
	errors(): Record<string, number> {
		return Object.fromEntries([...this.#errors].sort(([a], [b]) => a.localeCompare(b)));
	}
}
