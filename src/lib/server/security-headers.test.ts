import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, permissionsPolicy } from './security-headers';

describe('content security policy', () => {
	it('allows exactly the inline scripts the page carries, by hash', () => {
		const body = '\n\t{ __sveltekit_x = {}; }\n';
		const html = `<head><script src="/a.js"></script></head><body><script>${body}</script></body>`;
		const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
		expect(inlineScriptHashes(html)).toEqual([expected]);
	});

	it('gives a page without inline scripts no way to run one', () => {
		const csp = contentSecurityPolicy({ scriptHashes: [], supabaseUrl: 'http://127.0.0.1:54321/' });
		const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
		expect(scriptSrc).toBe("script-src 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain('connect-src \'self\' http://127.0.0.1:54321 ws://127.0.0.1:54321');
	});
});

describe('permissions policy', () => {
	it('allows the camera only in the signed-in app', () => {
		for (const path of ['/app', '/app/capture', '/app/stories/1', '/app-shell']) expect(permissionsPolicy(path)).toMatch(/^camera=\(self\),/);
		for (const path of ['/', '/gallery', '/gallery/x', '/login', '/apply', '/application']) expect(permissionsPolicy(path)).toMatch(/^camera=\(\),/);
		expect(permissionsPolicy('/app')).toContain('geolocation=()');
	});
});
