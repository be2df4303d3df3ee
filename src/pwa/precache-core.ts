// What the service worker precaches (TARGETS P7: ≤ 300 KiB): the field journey — sign in, home, capture, my stories,
// a story, and the tabs every role has (movements, deadlines, contest) — so a reporter who installed the app can capture offline from the first day, whatever they opened before.
// Every other screen (review, scoring, nominations, the document and spreadsheet writers, chart.js) is cached when
// first fetched (runtime CacheFirst on /_app/immutable/, see vite.config.ts) and fetched ahead in idle time for the
// screens of the signed-in person's role (src/lib/ui/warm-screens.ts), so a unit officer who goes offline still opens
// them. Precaching all of it was 527 KiB compressed on every install and every update, for screens most people never open.
//
// Read at build time from what Vite and SvelteKit wrote: the client manifest (.svelte-kit/output/client/.vite/
// manifest.json: every chunk with its static imports and CSS) and SvelteKit's generated client nodes (which route file
// each node is). Imported by vite.config.ts, so it is plain Node with no $lib imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Route files whose code the field journey needs offline (the layouts above them are found from the same nodes). */
export const CORE_ROUTES = [
	'src/routes/+layout.svelte',
	'src/routes/(app)/+layout.svelte',
	'src/routes/(app)/app/+page.svelte',
	'src/routes/(app)/app/capture/+page.svelte',
	'src/routes/(app)/app/stories/+page.svelte',
	'src/routes/(app)/app/stories/[id]/+page.svelte',
	// Tabs every role has, reporters included: the movements a story is tagged with, deadlines, the writing contest.
	'src/routes/(app)/app/movements/+page.svelte',
	'src/routes/(app)/app/movements/[id]/+page.svelte',
	'src/routes/(app)/app/deadlines/+page.svelte',
	'src/routes/(app)/app/contest/+page.svelte',
	'src/routes/(auth)/+layout.svelte',
	'src/routes/(auth)/login/+page.svelte',
	'src/routes/app-shell/+page.svelte'
] as const;

/** Modules the field journey imports on demand: the session check, the sync engine, English for those who chose it. */
export const ON_USE_MODULES = ['src/lib/remote/auth.ts', 'src/lib/sync/sync-engine.svelte.ts', 'src/lib/i18n/messages-en.ts'] as const;

interface ViteChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	css?: string[];
	assets?: string[];
}
type ViteManifest = Record<string, ViteChunk>;

/** Node entries of the Vite manifest keyed by the route files they wrap (`+page.svelte`, `+page.ts`, …). */
function nodeKeysByRouteFile(generatedNodesDir: string): Map<string, string> {
	const byFile = new Map<string, string>();
	if (!existsSync(generatedNodesDir)) return byFile;
	for (const name of readdirSync(generatedNodesDir)) {
		const text = readFileSync(join(generatedNodesDir, name), 'utf8');
		for (const match of text.matchAll(/["'](?:\.\.\/)+(src\/routes\/[^"']+)["']/g)) {
			byFile.set(match[1]!, `.svelte-kit/generated/client-optimized/nodes/${name}`);
		}
	}
	return byFile;
}

/** A chunk's file, its CSS and assets, and the same for everything it imports statically. */
function closure(manifest: ViteManifest, keys: string[]): Set<string> {
	const files = new Set<string>();
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		const chunk = manifest[key];
		if (!chunk) return;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
		for (const asset of chunk.assets ?? []) files.add(asset);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	keys.forEach(visit);
	return files;
}

export interface CoreFiles {
	/** Client files (relative to the client output, e.g. `_app/immutable/nodes/3.abc.js`) the field journey needs. */
	files: Set<string>;
	/** Core route files or on-use modules the manifest did not have: a renamed route must fail the build, not go quiet. */
	missing: string[];
}

/** `outputDir` is `.svelte-kit/output`; `generatedDir` is `.svelte-kit/generated`. */
export function coreClientFiles(outputDir: string, generatedDir: string): CoreFiles {
	const manifest = JSON.parse(readFileSync(join(outputDir, 'client', '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
	const nodes = nodeKeysByRouteFile(join(generatedDir, 'client-optimized', 'nodes'));
	const missing: string[] = [];
	const keys = Object.entries(manifest)
		.filter(([, chunk]) => chunk.isEntry && !chunk.src?.includes('/nodes/'))
		.map(([key]) => key);
	for (const route of CORE_ROUTES) {
		const key = nodes.get(route);
		if (key && manifest[key]) keys.push(key);
		else missing.push(route);
	}
	for (const module of ON_USE_MODULES) {
		if (manifest[module]) keys.push(module);
		else missing.push(module);
	}
	return { files: closure(manifest, keys), missing };
}

interface ManifestEntry {
	url: string;
	revision: string | null;
	size: number;
}

/**
 * Replaces @vite-pwa/sveltekit's manifest transform (workbox's `manifestTransforms` is ours once set): URLs relative to
 * the site root as it does, the web manifest left to the browser, and of the immutable app code only the field
 * journey's files and the workers (the photo worker is started by URL, not imported, so no manifest lists it).
 */
export function precacheTransform(outputDir: string, generatedDir: string) {
	return async (entries: ManifestEntry[]) => {
		const core = coreClientFiles(outputDir, generatedDir);
		if (core.missing.length > 0) {
			throw new Error(`precache: not in the build, rename them in src/pwa/precache-core.ts: ${core.missing.join(', ')}`);
		}
		const manifest = entries
			.map((e) => ({ ...e, url: e.url.replace(/^client\//, '') }))
			.filter((e) => e.url !== 'manifest.webmanifest')
			.filter((e) => !e.url.startsWith('_app/immutable/') || e.url.startsWith('_app/immutable/workers/') || core.files.has(e.url));
		return { manifest, warnings: [] as string[] };
	};
}
