// Small HTTP helpers shared by the gateway's routes: body reading with a size cap, JSON replies, CORS.
// Browsers call the gateway cross-origin (the app on :3000, Vite on :5173), as they call a hosted project.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class PayloadTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`payload larger than ${limit} bytes`);
	}
}

/** Reads the whole body; past `limit` bytes it keeps draining (so the client can read our answer) but stops storing. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
		});
		req.on('end', () => (size > limit ? reject(new PayloadTooLargeError(limit)) : resolve(Buffer.concat(chunks))));
		req.on('error', reject);
	});
}

export type JsonObject = Record<string, unknown>;

export async function readJson(req: IncomingMessage): Promise<JsonObject> {
	const body = await readBody(req, 1024 * 1024);
	if (body.length === 0) return {};
	const parsed: unknown = JSON.parse(body.toString('utf8'));
	return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : {};
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers
	});
	res.end(text);
}

const EXPOSED_HEADERS = [
	'content-range', 'content-length', 'content-type', 'content-disposition', 'etag', 'last-modified', 'cache-control',
	'accept-ranges', 'range-unit', 'location', 'preference-applied', 'content-profile', 'x-total-count', 'link',
	'x-supabase-api-version', 'retry-after'
].join(', ');

/** Allows any origin, as Supabase's API gateway does; credentials are bearer tokens, never cookies. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
	res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
	res.setHeader('vary', 'Origin');
	res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
	res.writeHead(204, {
		'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
		'access-control-allow-headers':
			req.headers['access-control-request-headers'] ??
			'authorization, apikey, content-type, x-client-info, x-upsert, x-supabase-api-version, prefer, range',
		'access-control-max-age': '86400',
		'content-length': '0'
	});
	res.end();
}

/** One query parameter of the request URL. */
export function queryParam(req: IncomingMessage, name: string): string | null {
	return new URL(req.url ?? '/', 'http://gateway').searchParams.get(name);
}
