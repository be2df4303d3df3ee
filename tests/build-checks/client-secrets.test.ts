// The R9 scan must find what it looks for: a planted secret, the service-role key, and a service-role JWT signed with
// some other secret; the public anon key is allowed (browsers need it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApiKeys } from '../../supabase/local/keys';
import { scanForSecrets } from './client-secrets';

const dir = mkdtempSync(join(tmpdir(), 'r9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plant(name: string, text: string): string {
	const sub = mkdtempSync(join(dir, 'build-'));
	mkdirSync(join(sub, '_app'), { recursive: true });
	writeFileSync(join(sub, '_app', name), text);
	return sub;
}

describe('client bundle secret scan (TARGETS R9)', async () => {
	const keys = await loadApiKeys({});
	const secrets = [
		{ name: 'the JWT secret', value: keys.jwtSecret },
		{ name: 'the service-role key', value: keys.serviceRoleKey }
	];

	it('allows the anon key', () => {
		expect(scanForSecrets([plant('a.js', `const k="${keys.anonKey}";`)], secrets, dir)).toEqual([]);
	});

	it('finds the service-role key and the JWT secret', () => {
		const found = scanForSecrets([plant('b.js', `x="${keys.serviceRoleKey}";y="${keys.jwtSecret}"`)], secrets, dir);
		expect(found.map((f) => f.what).sort()).toEqual(['a JWT with role service_role', 'the JWT secret', 'the service-role key']);
	});

	it('finds a service-role JWT signed with another secret', async () => {
		const other = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.sign(new TextEncoder().encode('another-secret-of-at-least-32-characters!!'));
		const found = scanForSecrets([plant('c.js', `fetch(u,{headers:{apikey:"${other}"}})`)], secrets, dir);
		expect(found).toEqual([{ file: expect.stringMatching(/c\.js$/), what: 'a JWT with role service_role' }]);
	});
});
