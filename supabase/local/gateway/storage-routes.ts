// /storage/v1: maps Supabase Storage's object routes to the upload, serve and manage handlers, and turns their
// StorageErrors into the storage error shape. Buckets are created by migrations, so only reading them is offered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { sendJson } from './http';
import { assertValidObjectName, callerClaims, sendStorageError, StorageError, withCallerTransaction } from './storage-caller';
import { listObjects, removeObject, removeObjects, signObject, signObjects } from './storage-manage';
import { downloadAsCaller, downloadPublic, downloadSigned, objectInfo } from './storage-serve';
import { uploadObject } from './storage-upload';
import { UPLOAD_RETRY_AFTER_SECONDS } from './upload-admission';

type ObjectHandler = (req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string) => Promise<void>;
type BucketHandler = (req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string) => Promise<void>;

/**
 * Over the bound of uploads in flight, answer 503 at once and close the connection instead of reading the body: a
 * refused upload then costs a few hundred bytes, not the photo, so refusing stays cheap in a wave (fetch reads the
 * early answer; measured with undici). Otherwise the slot frees as the answer goes out.
 */
const upload = (mode: 'create' | 'update'): ObjectHandler => async (req, res, ctx, bucketId, name) => {
	const release = ctx.uploads.tryEnter();
	if (!release) {
		const refusal = new StorageError('503', 'SlowDown', 'Too many uploads in flight; retry later', 503, UPLOAD_RETRY_AFTER_SECONDS);
		res.setHeader('connection', 'close');
		res.once('finish', () => req.socket.destroySoon());
		return sendStorageError(res, refusal);
	}
	// Cleanup after the answer must not hold the slot.
	res.once('finish', release);
	try {
		await uploadObject(req, res, ctx, { bucketId, name, mode });
	} finally {
		release();
	}
};

/** Routes under /object/<kind>/<bucket>/<name…>; `kind` '' means the plain /object/<bucket>/<name…> routes. */
const OBJECT_ROUTES: Record<string, Partial<Record<string, ObjectHandler>>> = {
	'': { POST: upload('create'), PUT: upload('update'), GET: downloadAsCaller, HEAD: downloadAsCaller, DELETE: removeObject },
	authenticated: { GET: downloadAsCaller, HEAD: downloadAsCaller },
	public: { GET: downloadPublic, HEAD: downloadPublic },
	sign: { GET: downloadSigned, HEAD: downloadSigned, POST: signObject },
	info: { GET: objectInfo, HEAD: objectInfo }
};
const BUCKET_ROUTES: Record<string, Partial<Record<string, BucketHandler>>> = {
	'': { DELETE: removeObjects },
	list: { POST: listObjects },
	sign: { POST: signObjects }
};

async function readBuckets(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string | undefined): Promise<void> {
	const claims = await callerClaims(req, ctx);
	const rows = await withCallerTransaction(ctx, claims, req, async ({ client }) => {
		const result = await client.query(
			`select id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at
			 from storage.buckets where $1::text is null or id = $1 order by name`,
			[bucketId ?? null]
		);
		return result.rows;
	});
	if (bucketId === undefined) return sendJson(res, 200, rows);
	if (!rows[0]) throw new StorageError('404', 'Bucket not found', 'Bucket not found');
	sendJson(res, 200, rows[0]);
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, path: string): Promise<void> {
	const method = req.method ?? 'GET';
	const segments = path.split('?')[0]!.split('/').slice(1).map((segment) => decodeURIComponent(segment));
	if (segments[0] === 'bucket' && method === 'GET' && segments.length <= 2) {
		return readBuckets(req, res, ctx, segments[1] || undefined);
	}
	if (segments[0] !== 'object') throw new StorageError('404', 'not_found', `Route ${method}:${path} not found`);
	let rest = segments.slice(1);
	// /object/info/authenticated/… and /object/info/public/… are aliases of /object/info/…
	if (rest[0] === 'info' && (rest[1] === 'authenticated' || rest[1] === 'public')) rest = ['info', ...rest.slice(2)];
	const kind = rest[0] && rest.length >= 2 && (rest[0] in OBJECT_ROUTES || rest[0] in BUCKET_ROUTES) ? rest[0] : '';
	const [bucketId, ...nameParts] = kind ? rest.slice(1) : rest;
	if (!bucketId) throw new StorageError('400', 'InvalidRequest', 'bucket name is required');
	if (nameParts.length === 0 || (nameParts.length === 1 && nameParts[0] === '')) {
		const handler = BUCKET_ROUTES[kind]?.[method];
		if (!handler) throw new StorageError('404', 'not_found', `Route ${method}:${path} not found`);
		return handler(req, res, ctx, bucketId);
	}
	const name = nameParts.join('/');
	assertValidObjectName(name);
	const handler = OBJECT_ROUTES[kind]?.[method];
	if (!handler) throw new StorageError('404', 'not_found', `Route ${method}:${path} not found`);
	return handler(req, res, ctx, bucketId, name);
}

export async function handleStorage(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, path: string): Promise<void> {
	try {
		await route(req, res, ctx, path);
	} catch (error) {
		if (!(error instanceof StorageError)) throw error;
		// Drain what the client is still sending, so it can read the answer.
		req.resume();
		sendStorageError(res, error);
	}
}
