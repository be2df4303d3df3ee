// GoTrue's reply conventions: every answer carries X-Supabase-Api-Version, errors are `{code, message}` (auth-js
// reads `code` only when that header says 2024-01-01 or later), and who the caller is comes from the bearer token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { sendJson } from './http';
import { bearerToken, verifyJwt, type Claims } from './jwt';
import { findUserById, type UserRow } from './auth-users';
import { sessionExists } from './auth-sessions';

export const API_VERSION_HEADER = { 'x-supabase-api-version': '2024-01-01' };

export function sendAuthJson(res: ServerResponse, status: number, body: unknown): void {
	sendJson(res, status, body, API_VERSION_HEADER);
}

export function sendAuthError(res: ServerResponse, status: number, code: string, message: string): void {
	sendAuthJson(res, status, { code, message });
}

type Caller = { claims: Claims } | { failed: true };

/** The verified claims of the bearer token, or an error already sent. */
export async function verifyCaller(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<Caller> {
	const token = bearerToken(req);
	if (!token) {
		sendAuthError(res, 401, 'no_authorization', 'This endpoint requires a valid Bearer token');
		return { failed: true };
	}
	const verified = await verifyJwt(token, ctx.jwtSecret);
	if (!verified.ok) {
		const detail = verified.reason === 'jwt expired' ? 'token has invalid claims: token is expired' : verified.reason;
		sendAuthError(res, 403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`);
		return { failed: true };
	}
	return { claims: verified.claims };
}

/** The signed-in user behind the bearer token, checking (like GoTrue) that the token's session still exists. */
export async function requireUser(
	req: IncomingMessage,
	res: ServerResponse,
	ctx: GatewayContext
): Promise<{ user: UserRow; claims: Claims } | undefined> {
	const caller = await verifyCaller(req, res, ctx);
	if ('failed' in caller) return undefined;
	const { claims } = caller;
	if (!claims.sub) {
		sendAuthError(res, 403, 'bad_jwt', 'invalid claim: missing sub claim');
		return undefined;
	}
	if (claims.session_id && !(await sessionExists(ctx, claims.session_id))) {
		sendAuthError(res, 403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		return undefined;
	}
	const user = await findUserById(ctx.authDb, claims.sub);
	if (!user) {
		sendAuthError(res, 403, 'user_not_found', 'User from sub claim in JWT does not exist');
		return undefined;
	}
	return { user, claims };
}

/** Admin endpoints accept only tokens whose role is an admin role (GoTrue's JWT_ADMIN_ROLES default). */
export async function requireAdmin(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<boolean> {
	const caller = await verifyCaller(req, res, ctx);
	if ('failed' in caller) return false;
	if (caller.claims.role !== 'service_role' && caller.claims.role !== 'supabase_admin') {
		sendAuthError(res, 403, 'not_admin', 'User not allowed');
		return false;
	}
	return true;
}

export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: string }).code === '23505';
}

export const MIN_PASSWORD_LENGTH = 6;

export function sendWeakPassword(res: ServerResponse): void {
	sendAuthJson(res, 422, {
		code: 'weak_password',
		message: `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
		weak_password: { reasons: ['length'] }
	});
}
