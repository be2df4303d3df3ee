// /auth/v1: the GoTrue endpoints supabase-js uses for email + password accounts (sign-in, refresh, user, sign-out,
// sign-up, settings); admin endpoints live in auth-admin.ts. Email confirmation is off, as in config.toml.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { queryParam, readJson, type JsonObject } from './http';
import { handleAdmin } from './auth-admin';
import {
	isUniqueViolation, MIN_PASSWORD_LENGTH, requireUser, sendAuthError, sendAuthJson, sendWeakPassword
} from './auth-errors';
import { endSessions, refreshSession, startSession } from './auth-sessions';
import { findUserById, findUserByPassword, insertUser, isCurrentPassword, isValidEmail, updateUser, userJson } from './auth-users';

const SETTINGS = {
	external: { email: true, phone: false, anonymous_users: false },
	disable_signup: false,
	mailer_autoconfirm: true,
	phone_autoconfirm: false,
	sms_provider: '',
	saml_enabled: false
};

function asObject(value: unknown): JsonObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

async function signInWithPassword(res: ServerResponse, ctx: GatewayContext, body: JsonObject): Promise<void> {
	const { email, password } = body;
	if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
		return sendAuthError(res, 400, 'validation_failed', 'missing email or phone');
	}
	const user = await findUserByPassword(ctx.authDb, email, password);
	if (!user) return sendAuthError(res, 400, 'invalid_credentials', 'Invalid login credentials');
	if (!user.email_confirmed_at) return sendAuthError(res, 400, 'email_not_confirmed', 'Email not confirmed');
	if (user.banned_until && user.banned_until > new Date()) return sendAuthError(res, 400, 'user_banned', 'User is banned');
	sendAuthJson(res, 200, await startSession(ctx, user.id));
}

async function token(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const grantType = queryParam(req, 'grant_type');
	const body = await readJson(req);
	if (grantType === 'password') return signInWithPassword(res, ctx, body);
	if (grantType === 'refresh_token') {
		if (typeof body.refresh_token !== 'string' || !body.refresh_token) {
			return sendAuthError(res, 400, 'validation_failed', 'refresh_token required');
		}
		const result = await refreshSession(ctx, body.refresh_token);
		return result.ok ? sendAuthJson(res, 200, result.session) : sendAuthError(res, 400, result.code, result.message);
	}
	sendAuthError(res, 400, 'unsupported_grant_type', `unsupported_grant_type: ${grantType ?? ''}`);
}

async function signUp(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const body = await readJson(req);
	if (!isValidEmail(body.email)) return sendAuthError(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
	if (typeof body.password !== 'string' || body.password.length < MIN_PASSWORD_LENGTH) return sendWeakPassword(res);
	try {
		const id = await insertUser(ctx.authDb, {
			email: body.email,
			password: body.password,
			emailConfirmed: true,
			userMetadata: asObject(body.data) ?? {},
			appMetadata: { provider: 'email', providers: ['email'] }
		});
		sendAuthJson(res, 200, await startSession(ctx, id));
	} catch (error) {
		if (isUniqueViolation(error)) return sendAuthError(res, 422, 'user_already_exists', 'User already registered');
		throw error;
	}
}

async function changeOwnUser(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const caller = await requireUser(req, res, ctx);
	if (!caller) return;
	const body = await readJson(req);
	if (body.email !== undefined && !isValidEmail(body.email)) {
		return sendAuthError(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
	}
	if (body.password !== undefined) {
		if (typeof body.password !== 'string' || body.password.length < MIN_PASSWORD_LENGTH) return sendWeakPassword(res);
		if (await isCurrentPassword(ctx.authDb, caller.user.id, body.password)) {
			return sendAuthError(res, 422, 'same_password', 'New password should be different from the old password.');
		}
	}
	try {
		await updateUser(ctx.authDb, caller.user.id, {
			email: typeof body.email === 'string' ? body.email : undefined,
			password: typeof body.password === 'string' ? body.password : undefined,
			userMetadata: asObject(body.data)
		});
	} catch (error) {
		if (isUniqueViolation(error)) {
			return sendAuthError(res, 422, 'email_exists', 'A user with this email address has already been registered');
		}
		throw error;
	}
	sendAuthJson(res, 200, userJson((await findUserById(ctx.authDb, caller.user.id))!));
}

async function logout(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	const caller = await requireUser(req, res, ctx);
	if (!caller) return;
	const scope = queryParam(req, 'scope') ?? 'global';
	if (!['global', 'local', 'others'].includes(scope)) {
		return sendAuthError(res, 400, 'validation_failed', `Unsupported logout scope "${scope}"`);
	}
	await endSessions(ctx, { userId: caller.user.id, sessionId: caller.claims.session_id, scope });
	res.writeHead(204, { 'x-supabase-api-version': '2024-01-01' });
	res.end();
}

export async function handleAuth(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, path: string): Promise<void> {
	try {
		await routeAuth(req, res, ctx, path);
	} catch (error) {
		// GoTrue's answer to a database failure (e.g. deleting a user whose rows still reference them); auth-js
		// treats 5xx as retryable and keeps the session.
		if (res.headersSent) throw error;
		const detail = error instanceof Error ? error.message : String(error);
		sendAuthError(res, 500, 'unexpected_failure', `Database error: ${detail}`);
	}
}

async function routeAuth(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext, path: string): Promise<void> {
	const method = req.method ?? 'GET';
	if (path.startsWith('/admin/')) return handleAdmin(req, res, ctx, path.slice('/admin'.length));
	if (method === 'POST' && path === '/token') return token(req, res, ctx);
	if (method === 'POST' && path === '/signup') return signUp(req, res, ctx);
	if (method === 'POST' && path === '/logout') return logout(req, res, ctx);
	if (method === 'GET' && path === '/settings') return sendAuthJson(res, 200, SETTINGS);
	if (method === 'GET' && path === '/health') return sendAuthJson(res, 200, { name: 'GoTrue (local dev gateway)' });
	if (path === '/user' && method === 'GET') {
		const caller = await requireUser(req, res, ctx);
		return caller ? sendAuthJson(res, 200, userJson(caller.user)) : undefined;
	}
	if (path === '/user' && method === 'PUT') return changeOwnUser(req, res, ctx);
	sendAuthError(res, 404, 'not_found', `${method} /auth/v1${path} is not provided by the local gateway`);
}
