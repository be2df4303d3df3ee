// Listing, removing and signing objects: each a SELECT or DELETE on storage.objects as the caller, so RLS decides
// what is listed, what is removed and what may be signed. Removed files go only once the DELETE has committed.
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { readJson, sendJson } from './http';
import { nowSeconds, signJwt } from './jwt';
import { callerClaims, objectNotFound, StorageError, withCallerTransaction } from './storage-caller';
import { objectFilePath } from './storage-files';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at']);

/** storage.search: the files and folders one level below `prefix`, folders with null id and metadata. */
export async function listObjects(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string): Promise<void> {
	const claims = await callerClaims(req, ctx);
	const body = await readJson(req);
	const rawPrefix = typeof body.prefix === 'string' ? body.prefix.replace(/^\/+/, '') : '';
	const prefix = rawPrefix && !rawPrefix.endsWith('/') ? `${rawPrefix}/` : rawPrefix;
	const level = prefix.split('/').length;
	const search = typeof body.search === 'string' ? body.search : '';
	const sortBy = (body.sortBy ?? {}) as { column?: string; order?: string };
	const column = sortBy.column && SORT_COLUMNS.has(sortBy.column) ? sortBy.column : 'name';
	const order = sortBy.order?.toLowerCase() === 'desc' ? 'desc' : 'asc';
	const limit = Math.min(Math.max(Number(body.limit) || 100, 1), 1000);
	const offset = Math.max(Number(body.offset) || 0, 0);
	const rows = await withCallerTransaction(ctx, claims, req, async ({ client }) => {
		const result = await client.query(
			`with matched as (
				select path_tokens[$3] as item, array_length(path_tokens, 1) > $3 as is_folder,
					id, updated_at, created_at, last_accessed_at, metadata
				from storage.objects
				where bucket_id = $1 and name like $2 escape '\\' and path_tokens[$3] ilike $4 escape '\\'
			), items as (
				select distinct on (item, is_folder) * from matched order by item, is_folder
			)
			select item as name,
				case when is_folder then null else id end as id,
				case when is_folder then null else updated_at end as updated_at,
				case when is_folder then null else created_at end as created_at,
				case when is_folder then null else last_accessed_at end as last_accessed_at,
				case when is_folder then null else metadata end as metadata
			from items order by ${column === 'name' ? 'item' : column} ${order} nulls last, item
			limit $5 offset $6`,
			[bucketId, `${escapeLike(prefix)}%`, level, `${escapeLike(search)}%`, limit, offset]
		);
		return result.rows;
	});
	sendJson(res, 200, rows);
}

interface RemovedRow {
	bucket_id: string;
	name: string;
	version: string | null;
}

async function deleteAsCaller(req: IncomingMessage, ctx: GatewayContext, bucketId: string, names: string[]): Promise<RemovedRow[]> {
	const claims = await callerClaims(req, ctx);
	const removed = await withCallerTransaction(ctx, claims, req, async ({ client }) => {
		const { rows } = await client.query<RemovedRow>(
			`delete from storage.objects where bucket_id = $1 and name = any($2::text[])
			 returning id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at,
				last_accessed_at`,
			[bucketId, names]
		);
		return rows;
	});
	for (const row of removed) {
		if (row.version) await rm(objectFilePath(ctx.storageDir, row.bucket_id, row.name, row.version), { force: true });
	}
	return removed;
}

export async function removeObjects(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string): Promise<void> {
	const body = await readJson(req);
	const names = Array.isArray(body.prefixes) ? body.prefixes.filter((p): p is string => typeof p === 'string') : [];
	if (names.length === 0) throw new StorageError('400', 'InvalidRequest', 'prefixes must be a non-empty array');
	sendJson(res, 200, await deleteAsCaller(req, ctx, bucketId, names));
}

export async function removeObject(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	const removed = await deleteAsCaller(req, ctx, bucketId, [name]);
	if (removed.length === 0) throw objectNotFound();
	sendJson(res, 200, { message: 'Successfully deleted' });
}

async function visibleNames(req: IncomingMessage, ctx: GatewayContext, bucketId: string, names: string[]): Promise<Set<string>> {
	const claims = await callerClaims(req, ctx);
	return withCallerTransaction(ctx, claims, req, async ({ client }) => {
		const { rows } = await client.query<{ name: string }>(
			'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
			[bucketId, names]
		);
		return new Set(rows.map((row) => row.name));
	});
}

function expiresInOf(value: unknown): number {
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds < 1) throw new StorageError('400', 'InvalidRequest', 'expiresIn must be a positive number');
	return Math.floor(seconds);
}

async function signedPath(ctx: GatewayContext, bucketId: string, name: string, expiresIn: number): Promise<string> {
	const iat = nowSeconds();
	const token = await signJwt({ url: `${bucketId}/${name}`, iat, exp: iat + expiresIn }, ctx.jwtSecret);
	return `/object/sign/${bucketId}/${name}?token=${token}`;
}

export async function signObject(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string, name: string): Promise<void> {
	const expiresIn = expiresInOf((await readJson(req)).expiresIn);
	if (!(await visibleNames(req, ctx, bucketId, [name])).has(name)) throw objectNotFound();
	sendJson(res, 200, { signedURL: await signedPath(ctx, bucketId, name, expiresIn) });
}

export async function signObjects(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, bucketId: string): Promise<void> {
	const body = await readJson(req);
	const expiresIn = expiresInOf(body.expiresIn);
	const paths = Array.isArray(body.paths) ? body.paths.filter((p): p is string => typeof p === 'string') : [];
	const visible = await visibleNames(req, ctx, bucketId, paths);
	const signed = await Promise.all(
		paths.map(async (path) =>
			visible.has(path)
				? { error: null, path, signedURL: await signedPath(ctx, bucketId, path, expiresIn) }
				: { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null }
		)
	);
	sendJson(res, 200, signed);
}
