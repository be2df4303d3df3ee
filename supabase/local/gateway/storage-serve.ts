// Reading objects: authenticated download (SELECT as the caller, so RLS hides what the caller may not see), public
// download (public buckets only, no RLS), signed-URL download (the token is the permission) and object info.
// Bytes are streamed with the headers Supabase Storage sends: type, length, ETag, Cache-Control, ranges.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { queryParam, sendJson, type JsonObject } from './http';
import { verifyJwt } from './jwt';
import { callerClaims, findBucket, objectNotFound, StorageError, withCallerTransaction } from './storage-caller';
import { objectFilePath } from './storage-files';

export interface ObjectRow {
	id: string;
	bucket_id: string;
	name: string;
	version: string | null;
	metadata: JsonObject | null;
	user_metadata: JsonObject | null;
	created_at: Date;
	updated_at: Date;
}

const OBJECT_BY_NAME = `select id, bucket_id, name, version, metadata, user_metadata, created_at, updated_at
	from storage.objects where bucket_id = $1 and name = $2`;

/** The object as the caller sees it under RLS; hidden and missing are the same "not found". */
export async function selectObjectAsCaller(
	req: IncomingMessage,
	ctx: GatewayContext,
	bucketId: string,
	name: string
): Promise<ObjectRow> {
	const claims = await callerClaims(req, ctx);
	const row = await withCallerTransaction(ctx, claims, req, async ({ client }) => {
		const { rows } = await client.query<ObjectRow>(OBJECT_BY_NAME, [bucketId, name]);
		return rows[0];
	});
	if (!row) throw objectNotFound();
	return row;
}

async function selectObjectWithPrivileges(ctx: GatewayContext, bucketId: string, name: string): Promise<ObjectRow> {
	const { rows } = await ctx.storageAdminDb.query<ObjectRow>(OBJECT_BY_NAME, [bucketId, name]);
	if (!rows[0]) throw objectNotFound();
	return rows[0];
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
	if (!match) return undefined;
	const [, from = '', to = ''] = match;
	if (from === '' && to === '') return 'invalid';
	const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
	const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
	return start > end || start >= size ? 'invalid' : { start, end };
}

/** Streams an object's current version; a row whose file is missing is "not found" too. */
export async function sendObjectBytes(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, row: ObjectRow): Promise<void> {
	if (!row.version) throw objectNotFound();
	const file = objectFilePath(ctx.storageDir, row.bucket_id, row.name, row.version);
	const size = await stat(file).then((s) => s.size, () => undefined);
	if (size === undefined) throw objectNotFound();
	const metadata = row.metadata ?? {};
	const etag = typeof metadata.eTag === 'string' ? metadata.eTag : `"${row.version}"`;
	const headers: Record<string, string> = {
		'content-type': typeof metadata.mimetype === 'string' ? metadata.mimetype : 'application/octet-stream',
		'cache-control': typeof metadata.cacheControl === 'string' ? metadata.cacheControl : 'no-cache',
		etag,
		'last-modified': new Date(row.updated_at).toUTCString(),
		'accept-ranges': 'bytes'
	};
	const download = queryParam(req, 'download');
	if (download !== null) {
		const filename = download || row.name.split('/').pop() || 'download';
		headers['content-disposition'] = `attachment; filename="${encodeURIComponent(filename)}"`;
	}
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers);
		return void res.end();
	}
	const range = parseRange(req.headers.range, size);
	if (range === 'invalid') {
		res.writeHead(416, { 'content-range': `bytes */${size}` });
		return void res.end();
	}
	const { start, end } = range ?? { start: 0, end: size - 1 };
	if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
	headers['content-length'] = String(size === 0 ? 0 : end - start + 1);
	res.writeHead(range ? 206 : 200, headers);
	if (req.method === 'HEAD' || size === 0) return void res.end();
	createReadStream(file, { start, end }).pipe(res);
}

export async function downloadAsCaller(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	await sendObjectBytes(req, res, ctx, await selectObjectAsCaller(req, ctx, bucketId, name));
}

export async function downloadPublic(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	const bucket = await findBucket(ctx, bucketId);
	if (!bucket.public) throw new StorageError('404', 'Bucket not found', 'Bucket not found');
	await sendObjectBytes(req, res, ctx, await selectObjectWithPrivileges(ctx, bucketId, name));
}

/** The signed-URL token is a JWT over `{url: "<bucket>/<name>"}`; it replaces RLS for the one object it names. */
export async function downloadSigned(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	const token = queryParam(req, 'token');
	if (!token) throw new StorageError('400', 'InvalidJWT', 'Missing token');
	const verified = await verifyJwt(token, ctx.jwtSecret);
	if (!verified.ok) throw new StorageError('400', 'InvalidJWT', verified.reason);
	if (verified.claims.url !== `${bucketId}/${name}`) {
		throw new StorageError('400', 'InvalidSignature', 'The url do not match the signature');
	}
	await sendObjectBytes(req, res, ctx, await selectObjectWithPrivileges(ctx, bucketId, name));
}

export async function objectInfo(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	const row = await selectObjectAsCaller(req, ctx, bucketId, name);
	const metadata = row.metadata ?? {};
	sendJson(res, 200, {
		id: row.id,
		name: row.name,
		version: row.version,
		bucket_id: row.bucket_id,
		size: metadata.size,
		content_type: metadata.mimetype,
		cache_control: metadata.cacheControl,
		etag: metadata.eTag,
		metadata: row.user_metadata ?? {},
		last_modified: row.updated_at,
		created_at: row.created_at
	});
}
