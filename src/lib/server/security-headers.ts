// Security headers for every server response: no framing, no MIME sniffing, a strict referrer policy, and a
// Content-Security-Policy whose only allowed inline scripts are the ones SvelteKit itself wrote into the page
// (hashed here, so no nonce plumbing is needed and public pages, which have none, allow no inline script at all).
import { createHash } from 'node:crypto';

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

/** sha256 sources of every inline <script> (no src) in the page. */
export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
		const body = match[1] ?? '';
		if (body.trim() === '') continue;
		hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
	}
	return hashes;
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
