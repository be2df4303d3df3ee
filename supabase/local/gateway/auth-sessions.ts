// Sessions as GoTrue keeps them: a row in auth.sessions, a chain of rotating refresh tokens in auth.refresh_tokens,
// and short-lived HS256 access tokens carrying the session id. Reusing a rotated refresh token revokes the session.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { GatewayContext } from './context';
import type { JsonObject } from './http';
import { nowSeconds, signJwt } from './jwt';
import { findUserById, userJson, type UserRow } from './auth-users';

export type SessionResult = { ok: true; session: JsonObject } | { ok: false; code: string; message: string };

function newRefreshToken(): string {
	return randomBytes(16).toString('base64url');
}

async function accessToken(ctx: GatewayContext, user: UserRow, sessionId: string, signedInAt: number): Promise<string> {
	const iat = nowSeconds();
	return signJwt(
		{
			iss: `${ctx.apiUrl}/auth/v1`,
			sub: user.id,
			aud: user.aud || 'authenticated',
			exp: iat + ctx.accessTokenTtl,
			iat,
			email: user.email ?? '',
			phone: user.phone ?? '',
			app_metadata: user.raw_app_meta_data ?? {},
			user_metadata: user.raw_user_meta_data ?? {},
			role: user.role || 'authenticated',
			aal: 'aal1',
			amr: [{ method: 'password', timestamp: signedInAt }],
			session_id: sessionId,
			is_anonymous: user.is_anonymous
		},
		ctx.jwtSecret
	);
}

async function sessionJson(
	ctx: GatewayContext,
	user: UserRow,
	session: { id: string; signedInAt: number; refreshToken: string }
): Promise<JsonObject> {
	const token = await accessToken(ctx, user, session.id, session.signedInAt);
	return {
		access_token: token,
		token_type: 'bearer',
		expires_in: ctx.accessTokenTtl,
		expires_at: nowSeconds() + ctx.accessTokenTtl,
		refresh_token: session.refreshToken,
		user: userJson(user)
	};
}

/** Starts a new session for a user who just proved who they are. */
export async function startSession(ctx: GatewayContext, userId: string): Promise<JsonObject> {
	const db = ctx.authDb;
	const sessionId = randomUUID();
	const refreshToken = newRefreshToken();
	await db.query(
		`with s as (insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1'))
		 insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $3, $2, false, now(), now(), $1)`,
		[sessionId, userId, refreshToken]
	);
	await db.query(
		`with u as (update auth.users set last_sign_in_at = now() where id = $1)
		 update auth.identities set last_sign_in_at = now() where user_id = $1`,
		[userId]
	);
	const user = (await findUserById(db, userId))!;
	return sessionJson(ctx, user, { id: sessionId, signedInAt: nowSeconds(), refreshToken });
}

interface TokenRow {
	token: string;
	revoked: boolean;
	session_id: string;
	user_id: string;
	signed_in_at: number;
}

async function rotate(client: pg.PoolClient, ctx: GatewayContext, presented: string): Promise<SessionResult> {
	const { rows } = await client.query<TokenRow>(
		`select rt.token, rt.revoked, rt.session_id, rt.user_id, extract(epoch from s.created_at)::int as signed_in_at
		 from auth.refresh_tokens rt join auth.sessions s on s.id = rt.session_id
		 where rt.token = $1 for update of rt`,
		[presented]
	);
	const row = rows[0];
	if (!row) {
		return { ok: false, code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' };
	}
	if (row.revoked) {
		// Reuse of a rotated token means it leaked or two clients raced: end the whole session, as GoTrue does.
		await client.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1', [
			row.session_id
		]);
		return { ok: false, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' };
	}
	const user = await findUserById(client, row.user_id);
	if (!user) return { ok: false, code: 'user_not_found', message: 'User not found' };
	if (user.banned_until && user.banned_until > new Date()) {
		return { ok: false, code: 'user_banned', message: 'User is banned' };
	}
	const refreshToken = newRefreshToken();
	await client.query('update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1', [presented]);
	await client.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
		[refreshToken, row.user_id, presented, row.session_id]
	);
	await client.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [row.session_id]);
	return { ok: true, session: await sessionJson(ctx, user, { id: row.session_id, signedInAt: row.signed_in_at, refreshToken }) };
}

/** Exchanges a refresh token for a new session, revoking the token it replaces. */
export async function refreshSession(ctx: GatewayContext, presented: string): Promise<SessionResult> {
	const client = await ctx.authDb.connect();
	try {
		await client.query('begin');
		const result = await rotate(client, ctx, presented);
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback');
		throw error;
	} finally {
		client.release();
	}
}

/** Ends sessions like GoTrue's /logout: `local` this one, `others` all but this one, `global` all of the user's. */
export async function endSessions(
	ctx: GatewayContext,
	opts: { userId: string; sessionId: string | undefined; scope: string }
): Promise<void> {
	if (opts.scope === 'local') {
		await ctx.authDb.query('delete from auth.sessions where id = $1', [opts.sessionId ?? null]);
	} else if (opts.scope === 'others') {
		await ctx.authDb.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [
			opts.userId,
			opts.sessionId ?? null
		]);
	} else {
		await ctx.authDb.query('delete from auth.sessions where user_id = $1', [opts.userId]);
	}
}

export async function sessionExists(ctx: GatewayContext, sessionId: string): Promise<boolean> {
	const { rows } = await ctx.authDb.query('select 1 from auth.sessions where id = $1', [sessionId]);
	return rows.length > 0;
}
