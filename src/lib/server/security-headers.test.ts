import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, kitScriptHashes, permissionsPolicy } from './security-headers';

describe('content security policy', () => {
	it("keeps the script hashes of SvelteKit's policy, and only those of script-src", () => {
		const kit = "script-src 'self' 'sha256-AbC+/12=' ; style-src 'sha256-notAScript='";
		expect(kitScriptHashes(kit)).toEqual(["'sha256-AbC+/12='"]);
		expect(kitScriptHashes("script-src 'self'")).toEqual([]);
		expect(kitScriptHashes(null)).toEqual([]);
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
