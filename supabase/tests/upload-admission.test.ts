// The gateway's upload admission (supabase/local/gateway/upload-admission.ts): past its bound of uploads in flight it
// answers 503 with Retry-After at once, supabase-js reports that as a storage error the sync code retries
// (transient), and the slot is free again once the upload in flight ends. A second gateway with a bound of one runs
// against the test database, so the stack's own gateway keeps its default.
import { createClient } from '@supabase/supabase-js';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStorageError } from '$lib/remote/remote-error';
import { classifyError } from '$lib/sync/classify-error';
import { loadApiKeys } from '../local/keys';
import { findFreePort } from '../local/ports';
import { startGateway, type Gateway } from '../local/gateway/server';
import { createUploadAdmission, maxUploadsFromEnv, DEFAULT_MAX_UPLOADS } from '../local/gateway/upload-admission';

describe('upload admission', () => {
	it('admits up to its bound, turns the next one away and frees a slot on release (once)', () => {
		const admission = createUploadAdmission(2);
		const first = admission.tryEnter();
		const second = admission.tryEnter();
		expect(first).toBeTypeOf('function');
		expect(second).toBeTypeOf('function');
		expect(admission.tryEnter()).toBeNull();
		first?.();
		first?.();
		expect(admission.inFlight).toBe(1);
		expect(admission.tryEnter()).toBeTypeOf('function');
		expect(admission.tryEnter()).toBeNull();
	});

	it('reads GATEWAY_MAX_UPLOADS and refuses a bound that is not a positive whole number', () => {
		expect(maxUploadsFromEnv({})).toBe(DEFAULT_MAX_UPLOADS);
		expect(maxUploadsFromEnv({ GATEWAY_MAX_UPLOADS: '64' })).toBe(64);
		expect(() => maxUploadsFromEnv({ GATEWAY_MAX_UPLOADS: '0' })).toThrow(/GATEWAY_MAX_UPLOADS/);
		expect(() => createUploadAdmission(1.5)).toThrow();
	});
});

describe('a gateway with a bound of one upload in flight', () => {
	let gateway: Gateway;
	let base: string;
	let serviceRoleKey: string;
	let storageDir: string;
	const folder = `admission-${randomUUID()}`;

	beforeAll(async () => {
		const keys = await loadApiKeys();
		serviceRoleKey = keys.serviceRoleKey;
		const port = await findFreePort();
		base = `http://127.0.0.1:${port}`;
		storageDir = await mkdtemp(join(tmpdir(), 'upload-admission-'));
		gateway = await startGateway({
			apiUrl: base,
			port,
			dbPort: Number(new URL(process.env.SUPABASE_DB_URL ?? '').port),
			postgrestUrl: `${process.env.SUPABASE_URL ?? ''}/rest/v1`,
			storageDir,
			accessTokenTtl: 3600,
			maxUploads: 1,
			...keys
		});
	});
	afterAll(async () => {
		const admin = createClient(base, serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
		});
		const { data } = await admin.storage.from('story-photos').list(folder);
		if (data?.length) await admin.storage.from('story-photos').remove(data.map((o) => `${folder}/${o.name}`));
		await gateway.close();
		await rm(storageDir, { recursive: true, force: true });
	});

	/** An upload whose body is only half sent: it holds the one slot until `finish()`. */
	function slowUpload(path: string): { finish(): Promise<number> } {
		const body = Buffer.alloc(64, 1);
		const req = request(`${base}/storage/v1/object/story-photos/${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'image/webp', 'content-length': body.length }
		});
		const answered = new Promise<number>((resolve, reject) => {
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on('error', reject);
		});
		req.write(body.subarray(0, 32));
		return {
			finish: () => {
				req.end(body.subarray(32));
				return answered;
			}
		};
	}

	async function quickUpload(path: string): Promise<Response> {
		return fetch(`${base}/storage/v1/object/story-photos/${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'image/webp' },
			body: new Uint8Array([1, 2, 3])
		});
	}

	it('answers 503 with Retry-After while the slot is taken, which the sync code classifies as transient', async () => {
		const held = slowUpload(`${folder}/held.webp`);
		await new Promise((r) => setTimeout(r, 300));
		// The held request is admitted once its headers are parsed: poll until the gateway turns a second one away.
		let refused: Response | undefined;
		for (let i = 0; i < 40 && !refused; i++) {
			const response = await quickUpload(`${folder}/early-${i}.webp`);
			if (response.status === 503) refused = response;
			else await new Promise((r) => setTimeout(r, 50));
		}
		expect(refused?.status).toBe(503);
		expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await refused?.json()).toMatchObject({ statusCode: '503', error: 'SlowDown' });

		const store = createClient(base, serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
		}).storage.from('story-photos');
		const viaClient = await store.upload(`${folder}/client.webp`, new Blob([new Uint8Array([1])], { type: 'image/webp' }));
		expect(viaClient.error).not.toBeNull();
		const remote = toStorageError(viaClient.error);
		expect(remote.status).toBe(503);
		expect(classifyError(remote).kind).toBe('transient');

		expect(await held.finish()).toBe(200);
		const after = await quickUpload(`${folder}/after.webp`);
		expect({ status: after.status, body: await after.text() }).toMatchObject({ status: 200 });
	});
});
