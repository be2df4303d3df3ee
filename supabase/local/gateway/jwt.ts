// HS256 JWTs signed with the project's secret: verifying the caller's token (API key or session) and signing
// access tokens and signed-URL tokens. Same algorithm and secret PostgREST uses, so both agree on every token.
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { IncomingMessage } from 'node:http';

export type Claims = JWTPayload & { role?: string; session_id?: string; email?: string };

export type VerifyResult = { ok: true; claims: Claims } | { ok: false; reason: string };

export function secretKey(secret: string): Uint8Array {
	return new TextEncoder().encode(secret);
}

export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
	try {
		const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ['HS256'] });
		return { ok: true, claims: payload as Claims };
	} catch (error) {
		const code = (error as { code?: string }).code;
		return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'jwt expired' : 'invalid signature' };
	}
}

export async function signJwt(claims: JWTPayload, secret: string): Promise<string> {
	return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
}

/** The bearer token of the request, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	const match = header ? /^bearer\s+(.+)$/i.exec(header) : null;
	return match?.[1]?.trim();
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}
