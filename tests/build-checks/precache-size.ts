// TARGETS P7: what the service worker downloads at install (its precache manifest); the target is 300 KiB, enforced.
// Only the field journey is precached (src/pwa/precache-core.ts); the check also makes sure every file of that journey
// is in the worker's list, so capture keeps opening offline on the first day. adapter-node
// serves the build precompressed (brotli/gzip beside each file), so the bytes on the wire are the compressed ones;
// the raw figure (what the Cache API then holds) is reported beside it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { coreClientFiles } from '../../src/pwa/precache-core';

export const PRECACHE_MAX_KIB = 300;

export interface PrecacheSize {
	entries: number;
	rawKiB: number;
	gzipKiB: number;
	/** Entries not found in the build (fetched from the live server, e.g. the runtime env module). */
	external: string[];
	/** Files of the field journey the worker does not precache (must be none). */
	missingCore: string[];
	ok: boolean;
}

/** `root` is the project root (for `.svelte-kit/`), `buildDir` the adapter's output. */
export function measurePrecache(root: string, buildDir: string): PrecacheSize {
	const sw = readFileSync(join(buildDir, 'client', 'sw.js'), 'utf8');
	const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g), ...sw.matchAll(/\{revision:[^,]+,url:"([^"]+)"\}/g)].map((m) => m[1]!);
	let raw = 0;
	let gzip = 0;
	const external: string[] = [];
	for (const url of new Set(urls)) {
		const path = url.replace(/^\//, '');
		const candidates = [join(buildDir, 'client', path), join(buildDir, 'prerendered', `${path}.html`), join(buildDir, 'prerendered', path)];
		const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
		if (!file) {
			external.push(url);
			continue;
		}
		const bytes = readFileSync(file);
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	const gzipKiB = Number((gzip / 1024).toFixed(1));
	const listed = new Set(urls.map((u) => u.replace(/^\//, '')));
	const core = coreClientFiles(join(root, '.svelte-kit', 'output'), join(root, '.svelte-kit', 'generated'));
	const missingCore = [...core.missing, ...[...core.files].filter((f) => !listed.has(f))];
	return {
		entries: new Set(urls).size,
		rawKiB: Number((raw / 1024).toFixed(1)),
		gzipKiB,
		external,
		missingCore,
		ok: gzipKiB <= PRECACHE_MAX_KIB && missingCore.length === 0
	};
}

export function describePrecache(p: PrecacheSize): string {
	const missing = p.missingCore.length ? `; field journey files NOT precached: ${p.missingCore.join(', ')}` : '';
	return `${p.entries} entries, ${p.gzipKiB} KiB compressed (${p.rawKiB} KiB raw); target ≤ ${PRECACHE_MAX_KIB} KiB ${p.gzipKiB <= PRECACHE_MAX_KIB ? 'met' : 'MISSED'}${missing}`;
}
