// How Supabase Storage decides what a caller may do: the caller's JWT picks a database role, and every object query
// runs in a transaction as that role with the JWT claims set, so the project's storage.objects policies decide.
// Bucket settings are read with storage-admin privileges, as the storage server does. Also: the storage error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { GatewayContext } from './context';
import { sendJson } from './http';
import { bearerToken, verifyJwt, type Claims } from './jwt';

/** Storage answers HTTP 400 and puts the meaningful status in the body, which storage-js exposes as `statusCode`. */
export class StorageError extends Error {
	constructor(
		readonly statusCode: '400' | '403' | '404' | '409' | '413' | '415' | '500' | '503',
		readonly error: string,
		message: string,
		readonly httpStatus = 400,
		/** Sent as Retry-After (seconds) with an overload answer. */
		readonly retryAfterSeconds?: number
	) {
		super(message);
	}
}

export const objectNotFound = (): StorageError => new StorageError('404', 'not_found', 'Object not found');

export function sendStorageError(res: ServerResponse, error: StorageError): void {
	const headers: Record<string, string> =
		error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) };
	sendJson(res, error.httpStatus, { statusCode: error.statusCode, error: error.error, message: error.message }, headers);
}

/** Maps what Postgres said while running as the caller to the error Supabase Storage gives for it. */
export function storageErrorFromDatabase(error: unknown): StorageError | undefined {
	const { code, message } = error as { code?: string; message?: string };
	if (code === '42501') return new StorageError('403', 'Unauthorized', message ?? 'permission denied');
	if (code === '23505') return new StorageError('409', 'Duplicate', 'The resource already exists');
	if (code === '23503') return new StorageError('404', 'Bucket not found', 'Bucket not found');
	// Anything else Postgres raised (a policy's own error, a timeout) is shown, not hidden behind a generic 500.
	if ((error as { severity?: string }).severity) return new StorageError('500', 'DatabaseError', message ?? 'database error', 500);
	return undefined;
}

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

/** The verified claims of the caller's bearer token (the anon key when signed out). */
export async function callerClaims(req: IncomingMessage, ctx: GatewayContext): Promise<Claims> {
	const token = bearerToken(req);
	if (!token) throw new StorageError('400', 'Error', "headers must have required property 'authorization'");
	const verified = await verifyJwt(token, ctx.jwtSecret);
	if (!verified.ok) throw new StorageError('403', 'InvalidJWT', verified.reason);
	if (!verified.claims.role || !API_ROLES.has(verified.claims.role)) {
		throw new StorageError('403', 'Unauthorized', `role "${verified.claims.role ?? ''}" may not use storage`);
	}
	return verified.claims;
}

export interface CallerTransaction {
	client: pg.PoolClient;
	/** Undo work outside the database (files put in place) if the transaction does not commit. */
	onRollback(undo: () => Promise<void>): void;
}

export async function withCallerTransaction<T>(
	ctx: GatewayContext,
	claims: Claims,
	req: IncomingMessage,
	work: (tx: CallerTransaction) => Promise<T>
): Promise<T> {
	const client = await ctx.storageDb.connect();
	const undos: Array<() => Promise<void>> = [];
	try {
		await client.query('begin');
		await client.query(
			`select set_config('role', $1, true), set_config('request.jwt.claim.role', $1, true),
				set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claims', $3, true),
				set_config('request.method', $4, true), set_config('request.path', $5, true)`,
			[claims.role, claims.sub ?? '', JSON.stringify(claims), req.method ?? '', req.url ?? '']
		);
		const result = await work({ client, onRollback: (undo) => undos.push(undo) });
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		for (const undo of undos) await undo().catch(() => undefined);
		throw storageErrorFromDatabase(error) ?? error;
	} finally {
		client.release();
	}
}

export interface Bucket {
	id: string;
	public: boolean;
	file_size_limit: string | null;
	allowed_mime_types: string[] | null;
}

export async function findBucket(ctx: GatewayContext, bucketId: string): Promise<Bucket> {
	const { rows } = await ctx.storageAdminDb.query<Bucket>(
		'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
		[bucketId]
	);
	if (!rows[0]) throw new StorageError('404', 'Bucket not found', 'Bucket not found');
	return rows[0];
}

/** Supabase Storage's key rule (isValidKey), plus no empty, `.` or `..` segments so a name stays inside its folder. */
export function assertValidObjectName(name: string): void {
	const segments = name.split('/');
	const safe = segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
	if (!safe || !/^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/.test(name)) {
		throw new StorageError('400', 'InvalidKey', `Invalid key: ${name}`);
	}
}
