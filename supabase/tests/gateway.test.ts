// The local dev gateway speaks GoTrue and Supabase Storage well enough for real supabase-js, and enforces
// storage.objects RLS and bucket limits like Supabase Storage. Each test makes its own users; the storage tests use
// their own bucket and policies (created as superuser), so nothing here depends on the app's schema or seed.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT, decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const url = process.env.SUPABASE_URL!;
const anonKey = process.env.SUPABASE_ANON_KEY!;
const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const jwtSecret = process.env.SUPABASE_JWT_SECRET || 'super-secret-jwt-token-with-at-least-32-characters-long';
const PASSWORD = 'correct-horse-1';

function client(key = anonKey): SupabaseClient {
	return createClient(url, key, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

const admin = client(serviceRoleKey);

async function newUser(): Promise<{ id: string; email: string }> {
	const email = `gw-${randomUUID()}@gateway.test`;
	const { data, error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
	if (error) throw error;
	return { id: data.user.id, email };
}

async function signedIn(email: string): Promise<SupabaseClient> {
	const c = client();
	const { error } = await c.auth.signInWithPassword({ email, password: PASSWORD });
	if (error) throw error;
	return c;
}

describe('auth', () => {
	it('signs in with the right password and refuses a wrong one with invalid_credentials', async () => {
		const { email, id } = await newUser();
		const c = client();
		const wrong = await c.auth.signInWithPassword({ email, password: 'wrong-password' });
		expect(wrong.error?.code).toBe('invalid_credentials');
		expect(wrong.error?.status).toBe(400);
		const ok = await c.auth.signInWithPassword({ email, password: PASSWORD });
		expect(ok.error).toBeNull();
		expect(ok.data.session?.token_type).toBe('bearer');
		const claims = decodeJwt(ok.data.session!.access_token);
		expect(claims).toMatchObject({ sub: id, role: 'authenticated', aud: 'authenticated', email, aal: 'aal1' });
		expect(claims.iss).toBe(`${url}/auth/v1`);
		expect(claims.session_id).toEqual(expect.any(String));
	});

	it('rotates refresh tokens, refuses a reused one and then ends that session', async () => {
		const { email } = await newUser();
		const c = await signedIn(email);
		const first = (await c.auth.getSession()).data.session!.refresh_token;
		const rotated = await c.auth.refreshSession({ refresh_token: first });
		expect(rotated.error).toBeNull();
		const second = rotated.data.session!.refresh_token;
		expect(second).not.toBe(first);
		const reuse = await client().auth.refreshSession({ refresh_token: first });
		expect(reuse.error?.code).toBe('refresh_token_already_used');
		// Reuse means the token leaked: the newer token of that session is revoked too.
		const afterTheft = await client().auth.refreshSession({ refresh_token: second });
		expect(afterTheft.error).not.toBeNull();
	});

	it('returns the signed-in user and applies updateUser changes', async () => {
		const { email, id } = await newUser();
		const c = await signedIn(email);
		const got = await c.auth.getUser();
		expect(got.data.user).toMatchObject({ id, email, aud: 'authenticated', role: 'authenticated' });
		const updated = await c.auth.updateUser({ data: { full_name: 'Nguyễn Văn A' }, password: 'new-password-2' });
		expect(updated.error).toBeNull();
		expect(updated.data.user?.user_metadata).toMatchObject({ full_name: 'Nguyễn Văn A' });
		const withNew = await client().auth.signInWithPassword({ email, password: 'new-password-2' });
		expect(withNew.error).toBeNull();
	});

	it('signs out: the session and its refresh token stop working', async () => {
		const { email } = await newUser();
		const c = await signedIn(email);
		const { access_token, refresh_token } = (await c.auth.getSession()).data.session!;
		expect((await c.auth.signOut()).error).toBeNull();
		// auth-js turns GoTrue's 403 session_not_found into AuthSessionMissingError ("signed out").
		const stale = await client().auth.getUser(access_token);
		expect(stale.error?.name).toBe('AuthSessionMissingError');
		const raw = await fetch(`${url}/auth/v1/user`, { headers: { apikey: anonKey, authorization: `Bearer ${access_token}` } });
		expect(raw.status).toBe(403);
		expect(await raw.json()).toMatchObject({ code: 'session_not_found' });
		expect((await client().auth.refreshSession({ refresh_token })).error).not.toBeNull();
	});

	it('signs up a new account with a session and refuses the same email twice', async () => {
		const email = `gw-${randomUUID()}@gateway.test`;
		const first = await client().auth.signUp({ email, password: PASSWORD, options: { data: { lang: 'vi' } } });
		expect(first.error).toBeNull();
		expect(first.data.session?.access_token).toEqual(expect.any(String));
		expect(first.data.user?.user_metadata).toMatchObject({ lang: 'vi' });
		const again = await client().auth.signUp({ email, password: PASSWORD });
		expect(again.error?.code).toBe('user_already_exists');
	});

	it('lets only the service-role key create and delete users', async () => {
		const email = `gw-${randomUUID()}@gateway.test`;
		const refused = await client().auth.admin.createUser({ email, password: PASSWORD });
		expect(refused.error?.status).toBe(403);
		const created = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
		expect(created.error).toBeNull();
		const id = created.data.user!.id;
		expect((await client().auth.admin.deleteUser(id)).error?.status).toBe(403);
		expect((await admin.auth.admin.deleteUser(id)).error).toBeNull();
		expect((await client().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe('invalid_credentials');
	});
});

describe('rest and CORS', () => {
	it('proxies /rest/v1 to PostgREST only with an API key', async () => {
		expect((await fetch(`${url}/rest/v1/`, { headers: { apikey: anonKey } })).status).toBe(200);
		expect((await fetch(`${url}/rest/v1/`)).status).toBe(401);
	});

	it('answers browser preflights from another origin', async () => {
		const response = await fetch(`${url}/storage/v1/object/x/y`, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://localhost:3000',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'authorization, x-upsert'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
		expect(response.headers.get('access-control-allow-headers')).toContain('x-upsert');
	});
});

describe('storage', () => {
	const bucket = `gw-${randomUUID().slice(0, 8)}`;
	const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	let owner: { id: string; email: string };
	let ownerClient: SupabaseClient;

	beforeAll(async () => {
		await db.connect();
		await db.query(
			`insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
			 values ($1, $1, false, 1024, array['text/plain', 'image/*'])`,
			[bucket]
		);
		// Each signed-in person may work only in the folder named after their user id.
		await db.query(`create policy "${bucket} own folder" on storage.objects for all to authenticated
			using (bucket_id = '${bucket}' and (storage.foldername(name))[1] = (select auth.uid())::text)
			with check (bucket_id = '${bucket}' and (storage.foldername(name))[1] = (select auth.uid())::text)`);
		owner = await newUser();
		ownerClient = await signedIn(owner.email);
	});

	afterAll(async () => {
		await db.query(`drop policy "${bucket} own folder" on storage.objects`);
		await db.query('delete from storage.objects where bucket_id = $1', [bucket]);
		await db.query('delete from storage.buckets where id = $1', [bucket]);
		await db.end();
	});

	it('uploads raw bytes, refuses a duplicate, upserts, and downloads what was stored', async () => {
		const store = ownerClient.storage.from(bucket);
		const path = `${owner.id}/note.txt`;
		expect((await store.upload(path, 'first', { contentType: 'text/plain' })).error).toBeNull();
		const duplicate = await store.upload(path, 'again', { contentType: 'text/plain' });
		expect(duplicate.error).toMatchObject({ statusCode: '409' });
		expect((await store.upload(path, 'second', { contentType: 'text/plain', upsert: true })).error).toBeNull();
		const downloaded = await store.download(path);
		expect(await downloaded.data?.text()).toBe('second');
		const rows = await db.query('select owner_id, version from storage.objects where bucket_id = $1 and name = $2', [bucket, path]);
		expect(rows.rows[0]).toMatchObject({ owner_id: owner.id });
	});

	it('accepts multipart uploads of a Blob and serves them with their type, cache-control, ETag and ranges', async () => {
		const store = ownerClient.storage.from(bucket);
		const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4, 5]);
		const path = `${owner.id}/photo.png`;
		const uploaded = await store.upload(path, new Blob([bytes], { type: 'image/png' }), { cacheControl: '60' });
		expect(uploaded.error).toBeNull();
		const downloaded = await store.download(path);
		expect(new Uint8Array(await downloaded.data!.arrayBuffer())).toEqual(bytes);
		const token = (await ownerClient.auth.getSession()).data.session!.access_token;
		const response = await fetch(`${url}/storage/v1/object/authenticated/${bucket}/${path}`, {
			headers: { authorization: `Bearer ${token}`, range: 'bytes=2-4' }
		});
		expect(response.status).toBe(206);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(response.headers.get('cache-control')).toBe('max-age=60');
		expect(response.headers.get('etag')).toMatch(/^".+"$/);
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(2, 5));
	});

	it('serves signed URLs and refuses expired, forged and re-targeted tokens', async () => {
		const store = ownerClient.storage.from(bucket);
		const path = `${owner.id}/signed.txt`;
		await store.upload(path, 'signed content', { contentType: 'text/plain' });
		const signed = await store.createSignedUrl(path, 60);
		expect(signed.error).toBeNull();
		const ok = await fetch(signed.data!.signedUrl);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toBe('signed content');

		const sign = (secret: string, claims: Record<string, unknown>): Promise<string> =>
			new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
		const signedUrl = (objectPath: string, token: string): string =>
			`${url}/storage/v1/object/sign/${bucket}/${objectPath}?token=${token}`;
		const now = Math.floor(Date.now() / 1000);
		const expired = await sign(jwtSecret, { url: `${bucket}/${path}`, iat: now - 120, exp: now - 60 });
		const forged = await sign('not-the-project-secret-but-32-characters', { url: `${bucket}/${path}`, exp: now + 60 });
		const otherObject = await sign(jwtSecret, { url: `${bucket}/${owner.id}/note.txt`, exp: now + 60 });
		for (const token of [expired, forged, otherObject]) {
			const refused = await fetch(signedUrl(path, token));
			expect(refused.status).toBe(400);
		}
	});

	it('lists a folder and removes objects', async () => {
		const store = ownerClient.storage.from(bucket);
		await store.upload(`${owner.id}/list/a.txt`, 'a', { contentType: 'text/plain' });
		await store.upload(`${owner.id}/list/b.txt`, 'b', { contentType: 'text/plain' });
		const listed = await store.list(`${owner.id}/list`);
		expect(listed.data?.map((o) => o.name)).toEqual(['a.txt', 'b.txt']);
		const removed = await store.remove([`${owner.id}/list/a.txt`, `${owner.id}/list/b.txt`]);
		expect(removed.data).toHaveLength(2);
		expect((await store.download(`${owner.id}/list/a.txt`)).error).toMatchObject({ statusCode: '404' });
	});

	it('enforces the policies: no anonymous upload, no upload outside one’s folder, no reading another’s files', async () => {
		const anonymous = await client().storage.from(bucket).upload(`${owner.id}/anon.txt`, 'x', { contentType: 'text/plain' });
		expect(anonymous.error).toMatchObject({ statusCode: '403' });
		const stranger = await newUser();
		const strangerStore = (await signedIn(stranger.email)).storage.from(bucket);
		const outside = await strangerStore.upload(`${owner.id}/intruder.txt`, 'x', { contentType: 'text/plain' });
		expect(outside.error).toMatchObject({ statusCode: '403' });
		await ownerClient.storage.from(bucket).upload(`${owner.id}/private.txt`, 'private', { contentType: 'text/plain' });
		expect((await strangerStore.download(`${owner.id}/private.txt`)).error).toMatchObject({ statusCode: '404' });
		expect((await strangerStore.createSignedUrl(`${owner.id}/private.txt`, 60)).error).toMatchObject({ statusCode: '404' });
		const removed = await strangerStore.remove([`${owner.id}/private.txt`]);
		expect(removed.data).toEqual([]);
	});

	it('enforces the bucket size limit and allowed types', async () => {
		const store = ownerClient.storage.from(bucket);
		const tooBig = await store.upload(`${owner.id}/big.txt`, 'x'.repeat(2048), { contentType: 'text/plain' });
		expect(tooBig.error).toMatchObject({ statusCode: '413' });
		const wrongType = await store.upload(`${owner.id}/doc.pdf`, 'x', { contentType: 'application/pdf' });
		expect(wrongType.error).toMatchObject({ statusCode: '415' });
	});
});
