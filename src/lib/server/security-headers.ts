// Security headers for every server response: no framing, no MIME sniffing, a strict referrer policy, and a
// Content-Security-Policy whose only allowed inline script is the one SvelteKit itself wrote into the page, its boot
// script (hashed by SvelteKit, so no nonce plumbing is needed and public pages, which have none, allow no inline script).
const baseHeaders: Record<string, string> = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

/**
 * The camera only for the signed-in app, whose single-page document may navigate to the capture form at any time
 * (a Permissions-Policy binds to the document, not the client-side route); public pages and sign-in get none.
 */
export function permissionsPolicy(pathname: string): string {
	const camera = /^\/(app|app-shell)(\/|$)/.test(pathname) ? 'camera=(self)' : 'camera=()';
	return `${camera}, geolocation=(), microphone=(), payment=(), usb=()`;
}

/**
 * The script hashes of the policy SvelteKit set for the page (`kit.csp`, mode 'hash': the hash of the boot script it
 * wrote, computed from the script itself, not read back from the HTML). A page without client JavaScript has none.
 */
export function kitScriptHashes(kitPolicy: string | null): string[] {
	const scriptSrc = kitPolicy
		?.split(';')
		.map((d) => d.trim())
		.find((d) => d.startsWith('script-src '));
	return scriptSrc?.match(/'sha(?:256|384|512)-[A-Za-z0-9+/=]+'/g) ?? [];
}

/** The policy for an HTML page; `supabaseUrl` is where the signed-in app talks to (API, storage signed URLs). */
export function contentSecurityPolicy(opts: { scriptHashes: string[]; supabaseUrl: string | undefined }): string {
	const supabase = opts.supabaseUrl ? new URL(opts.supabaseUrl).origin : '';
	return [
		"default-src 'self'",
		`script-src 'self' ${opts.scriptHashes.join(' ')}`.trim(),
		"style-src 'self' 'unsafe-inline'",
		`img-src 'self' data: blob: ${supabase}`.trim(),
		// Realtime (live standings) opens a websocket to the same origin with ws(s):.
		`connect-src 'self' ${supabase} ${supabase.replace(/^http/, 'ws')}`.trim(),
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

export function applyBaseHeaders(headers: Headers, pathname: string): void {
	for (const [name, value] of Object.entries(baseHeaders)) if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('permissions-policy')) headers.set('permissions-policy', permissionsPolicy(pathname));
}
