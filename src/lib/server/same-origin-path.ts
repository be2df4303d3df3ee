// Where /lang may send the reader back to: a path on this site, never another one. Checked on the address as a browser
// reads it (WHATWG URL parsing drops tabs and newlines and reads '\' as '/', so "/\t/evil.example" is
// "//evil.example"), and answered re-serialised, so the Location header carries no control character either.

export function sameOriginPath(next: string | null, origin: string): string {
	if (!next?.startsWith('/')) return '/';
	let target: URL;
	try {
		target = new URL(next, origin);
	} catch {
		return '/';
	}
	if (target.origin !== origin) return '/';
	// "/.//evil.example" resolves to the path "//evil.example", which a browser would read as another host.
	return `/${target.pathname.replace(/^\/+/, '')}${target.search}${target.hash}`;
}
