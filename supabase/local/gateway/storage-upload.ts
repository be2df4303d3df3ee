// Uploads (POST create / upsert, PUT update), as Supabase Storage does them: enforce the bucket's size and type
// limits, write the bytes, then INSERT/UPDATE storage.objects as the caller so RLS decides. The file is moved into
// place inside the transaction and removed again if it does not commit; a replaced version is removed after commit.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GatewayContext } from './context';
import { PayloadTooLargeError, readBody, sendJson, type JsonObject } from './http';
import { callerClaims, findBucket, StorageError, withCallerTransaction, type Bucket } from './storage-caller';
import { objectFilePath } from './storage-files';

/** config.toml's [storage] file_size_limit: the ceiling for every bucket. */
const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

interface UploadedFile {
	bytes: Buffer;
	contentType: string;
	cacheControl: string;
	userMetadata: JsonObject | null;
}

function parseUserMetadata(text: string | null | undefined): JsonObject | null {
	if (!text) return null;
	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'object' && parsed !== null ? (parsed as JsonObject) : null;
	} catch {
		throw new StorageError('400', 'InvalidRequest', 'metadata is not valid JSON');
	}
}

/** Reads a raw body (type from Content-Type) or storage-js's multipart form (the file under the field name ""). */
async function readUpload(req: IncomingMessage, sizeLimit: number): Promise<UploadedFile> {
	const contentType = req.headers['content-type'] ?? '';
	const tooLarge = (): StorageError =>
		new StorageError('413', 'Payload too large', 'The object exceeded the maximum allowed size', 400);
	let body: Buffer;
	try {
		body = await readBody(req, contentType.startsWith('multipart/form-data') ? sizeLimit + 64 * 1024 : sizeLimit);
	} catch (error) {
		throw error instanceof PayloadTooLargeError ? tooLarge() : error;
	}
	if (!contentType.startsWith('multipart/form-data')) {
		const metadataHeader = req.headers['x-metadata'];
		return {
			bytes: body,
			contentType: contentType || 'application/octet-stream',
			cacheControl: req.headers['cache-control'] ?? 'no-cache',
			userMetadata: parseUserMetadata(
				typeof metadataHeader === 'string' ? Buffer.from(metadataHeader, 'base64').toString('utf8') : null
			)
		};
	}
	// undici's multipart parser (the one behind fetch) reads exactly what browsers and storage-js send.
	const form = await new Request('http://upload', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
	const file = form.get('') ?? [...form.values()].find((value) => typeof value !== 'string');
	if (!file || typeof file === 'string') throw new StorageError('400', 'InvalidRequest', 'No file in the form data');
	if (file.size > sizeLimit) throw tooLarge();
	const cacheTime = form.get('cacheControl');
	const metadata = form.get('metadata');
	return {
		bytes: Buffer.from(await file.arrayBuffer()),
		contentType: file.type || 'application/octet-stream',
		cacheControl: typeof cacheTime === 'string' && cacheTime ? `max-age=${cacheTime}` : 'no-cache',
		userMetadata: parseUserMetadata(typeof metadata === 'string' ? metadata : null)
	};
}

/** Allowed types may be exact (`image/webp`) or wildcards (`image/*`); only the declared type is checked. */
function assertTypeAllowed(bucket: Bucket, contentType: string): void {
	const allowed = bucket.allowed_mime_types;
	if (!allowed || allowed.length === 0) return;
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	const ok = allowed.some((pattern) =>
		pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1).toLowerCase()) : type === pattern.toLowerCase()
	);
	if (!ok) throw new StorageError('415', 'invalid_mime_type', `mime type ${type} is not supported`);
}

const UPSERT_COLUMNS = `version = excluded.version, metadata = excluded.metadata, user_metadata = excluded.user_metadata,
	owner = excluded.owner, owner_id = excluded.owner_id, last_accessed_at = now()`;

function objectWriteSql(mode: 'create' | 'upsert' | 'update'): string {
	const previous = `with previous as (select version from storage.objects where bucket_id = $1 and name = $2)`;
	if (mode === 'update') {
		return `${previous} update storage.objects set version = $3, metadata = $4, user_metadata = $5, owner = $6,
			owner_id = $7, last_accessed_at = now() where bucket_id = $1 and name = $2
			returning id, (select version from previous) as previous_version`;
	}
	const conflict = mode === 'upsert' ? `on conflict (bucket_id, name) do update set ${UPSERT_COLUMNS}` : '';
	return `${previous} insert into storage.objects (bucket_id, name, version, metadata, user_metadata, owner, owner_id)
		values ($1, $2, $3, $4, $5, $6, $7) ${conflict}
		returning id, (select version from previous) as previous_version`;
}

export async function uploadObject(
	req: IncomingMessage,
	res: ServerResponse,
	ctx: GatewayContext,
	target: { bucketId: string; name: string; mode: 'create' | 'update' }
): Promise<void> {
	const claims = await callerClaims(req, ctx);
	const bucket = await findBucket(ctx, target.bucketId);
	const sizeLimit = Math.min(Number(bucket.file_size_limit ?? GLOBAL_FILE_SIZE_LIMIT), GLOBAL_FILE_SIZE_LIMIT);
	const upload = await readUpload(req, sizeLimit);
	assertTypeAllowed(bucket, upload.contentType);

	const version = randomUUID();
	const metadata = {
		eTag: `"${createHash('md5').update(upload.bytes).digest('hex')}"`,
		size: upload.bytes.length,
		mimetype: upload.contentType,
		cacheControl: upload.cacheControl,
		lastModified: new Date().toUTCString(),
		contentLength: upload.bytes.length,
		httpStatusCode: 200
	};
	const tempFile = join(ctx.storageDir, '.tmp', randomUUID());
	await mkdir(dirname(tempFile), { recursive: true });
	await writeFile(tempFile, upload.bytes);
	const finalFile = objectFilePath(ctx.storageDir, target.bucketId, target.name, version);
	const mode = target.mode === 'update' ? 'update' : req.headers['x-upsert'] === 'true' ? 'upsert' : 'create';
	const sub = typeof claims.sub === 'string' && /^[0-9a-f-]{36}$/i.test(claims.sub) ? claims.sub : null;
	try {
		const written = await withCallerTransaction(ctx, claims, req, async (tx) => {
			const { rows } = await tx.client.query<{ id: string; previous_version: string | null }>(objectWriteSql(mode), [
				target.bucketId, target.name, version, metadata, upload.userMetadata, sub, claims.sub ?? null
			]);
			if (!rows[0]) throw new StorageError('404', 'not_found', 'Object not found');
			await mkdir(dirname(finalFile), { recursive: true });
			await rename(tempFile, finalFile);
			tx.onRollback(() => rm(finalFile, { force: true }));
			return rows[0];
		});
		if (written.previous_version && written.previous_version !== version) {
			await rm(objectFilePath(ctx.storageDir, target.bucketId, target.name, written.previous_version), { force: true });
		}
		sendJson(res, 200, { Id: written.id, Key: `${target.bucketId}/${target.name}` });
	} finally {
		await rm(tempFile, { force: true });
	}
}
