// /auth/v1/admin/users: GoTrue's admin API (create, list, read, change, delete users), for the service-role key only.
// Tests and seed helpers create their users here, exactly as they would against a hosted project.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { queryParam, readJson, type JsonObject } from './http';
import { isUniqueViolation, MIN_PASSWORD_LENGTH, requireAdmin, sendAuthError, sendAuthJson, sendWeakPassword } from './auth-errors';
import { findUserById, insertUser, isValidEmail, updateUser, userJson } from './auth-users';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asObject(value: unknown): JsonObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** GoTrue's ban_duration: "none" lifts a ban, otherwise a Go duration such as "24h" or "30m". */
function banUntil(duration: unknown): Date | null | undefined {
	if (typeof duration !== 'string') return undefined;
	if (duration === 'none') return null;
	const match = /^(\d+)(h|m|s)$/.exec(duration);
	if (!match) return undefined;
	const unitMs = { h: 3600000, m: 60000, s: 1000 }[match[2] as 'h' | 'm' | 's'];
	return new Date(Date.now() + Number(match[1]) * unitMs);
}

function sendEmailExists(res: ServerResponse): void {
	sendAuthError(res, 422, 'email_exists', 'A user with this email address has already been registered');
}

async function createUser(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const body = await readJson(req);
	if (!isValidEmail(body.email)) return sendAuthError(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
	if (body.password !== undefined && (typeof body.password !== 'string' || body.password.length < MIN_PASSWORD_LENGTH)) {
		return sendWeakPassword(res);
	}
	try {
		const id = await insertUser(ctx.authDb, {
			email: body.email,
			password: typeof body.password === 'string' ? body.password : undefined,
			emailConfirmed: body.email_confirm === true,
			userMetadata: asObject(body.user_metadata) ?? {},
			appMetadata: { provider: 'email', providers: ['email'], ...asObject(body.app_metadata) }
		});
		sendAuthJson(res, 200, userJson((await findUserById(ctx.authDb, id))!));
	} catch (error) {
		if (isUniqueViolation(error)) return sendEmailExists(res);
		throw error;
	}
}

async function listUsers(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const page = Math.max(1, Number(queryParam(req, 'page')) || 1);
	const perPage = Math.min(1000, Math.max(1, Number(queryParam(req, 'per_page')) || 50));
	const { rows } = await ctx.authDb.query<{ id: string; total: string }>(
		`select id, count(*) over () as total from auth.users where deleted_at is null
		 order by created_at, id limit $1 offset $2`,
		[perPage, (page - 1) * perPage]
	);
	const users = await Promise.all(rows.map(async (row) => userJson((await findUserById(ctx.authDb, row.id))!)));
	const total = rows[0]?.total ?? '0';
	const lastPage = Math.max(1, Math.ceil(Number(total) / perPage));
	const link = `</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`;
	res.setHeader('x-total-count', total);
	res.setHeader('link', link);
	sendAuthJson(res, 200, { users, aud: 'authenticated' });
}

async function changeUser(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, id: string): Promise<void> {
	const body = await readJson(req);
	if (body.email !== undefined && !isValidEmail(body.email)) {
		return sendAuthError(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
	}
	if (body.password !== undefined && (typeof body.password !== 'string' || body.password.length < MIN_PASSWORD_LENGTH)) {
		return sendWeakPassword(res);
	}
	try {
		await updateUser(ctx.authDb, id, {
			email: typeof body.email === 'string' ? body.email : undefined,
			password: typeof body.password === 'string' ? body.password : undefined,
			userMetadata: asObject(body.user_metadata),
			appMetadata: asObject(body.app_metadata),
			emailConfirmed: body.email_confirm === true,
			bannedUntil: banUntil(body.ban_duration)
		});
	} catch (error) {
		if (isUniqueViolation(error)) return sendEmailExists(res);
		throw error;
	}
	sendAuthJson(res, 200, userJson((await findUserById(ctx.authDb, id))!));
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, path: string): Promise<void> {
	if (!(await requireAdmin(req, res, ctx))) return;
	const method = req.method ?? 'GET';
	if (path === '/users' && method === 'POST') return createUser(req, res, ctx);
	if (path === '/users' && method === 'GET') return listUsers(req, res, ctx);
	const id = /^\/users\/([^/]+)$/.exec(path)?.[1];
	if (id === undefined) return sendAuthError(res, 404, 'not_found', `${method} /auth/v1/admin${path} is not provided`);
	const user = UUID.test(id) ? await findUserById(ctx.authDb, id) : undefined;
	if (!user) return sendAuthError(res, 404, 'user_not_found', 'User not found');
	if (method === 'GET') return sendAuthJson(res, 200, userJson(user));
	if (method === 'PUT') return changeUser(req, res, ctx, id);
	if (method === 'DELETE') {
		await ctx.authDb.query('delete from auth.users where id = $1', [id]);
		return sendAuthJson(res, 200, {});
	}
	sendAuthError(res, 405, 'method_not_allowed', `${method} not allowed`);
}
