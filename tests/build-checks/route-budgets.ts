// TARGETS P2: the JavaScript a route makes the browser fetch before it can run — SvelteKit's modulepreload set, which
// is the client entry (start + app) plus every layout and the page node with their static imports — summed gzip.
// Read from the server manifest the build wrote, so the figure is the one the HTML's <link rel=modulepreload> carries.
// Routes rendered without client JavaScript (`csr = false`) ship none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface RouteBudget {
	/** SvelteKit route id, e.g. `/(app)/app/capture`. */
	route: string;
	maxKiB: number;
	/** Where the limit comes from. */
	anchor: string;
}

const P2 = 'TARGETS P2';
/**
 * Screens TARGETS gives no figure for get a ceiling just above the largest today (the city's scoring desk, ~169 KiB):
 * it stops growth; lowering it is the next step (the cycle screens share a 50 KiB core the capture page avoids).
 */
export const DEFAULT_BUDGET_KIB = 175;

export const budgets: RouteBudget[] = [
	{ route: '/(public)', maxKiB: 50, anchor: P2 },
	{ route: '/(public)/gallery', maxKiB: 50, anchor: P2 },
	{ route: '/(public)/gallery/[id]', maxKiB: 50, anchor: `${P2} (as the gallery)` },
	{ route: '/(public)/contests', maxKiB: 50, anchor: `${P2} (as the gallery)` },
	{ route: '/(public)/contests/[id]', maxKiB: 50, anchor: `${P2} (as the gallery)` },
	{ route: '/(app)/app/capture', maxKiB: 120, anchor: P2 },
	{ route: '/(app)/app/standings', maxKiB: 130, anchor: `${P2} (chart.js loaded only there)` },
	{ route: '/(public)/standings', maxKiB: 130, anchor: `${P2} (chart.js loaded only there)` }
];

export interface RouteSize {
	route: string;
	csr: boolean;
	files: string[];
	gzipKiB: number;
	maxKiB: number;
	anchor: string;
	ok: boolean;
}

interface ServerNode {
	imports?: string[];
	universal?: { csr?: boolean };
	server?: { csr?: boolean };
}
interface ServerManifest {
	_: {
		client: { imports: string[] };
		nodes: (() => Promise<ServerNode>)[];
		routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
	};
}

/** `outputDir` is `.svelte-kit/output` after `vite build`. */
export async function measureRoutes(outputDir: string): Promise<RouteSize[]> {
	const manifestUrl = pathToFileURL(join(outputDir, 'server', 'manifest.js')).href;
	const { manifest } = (await import(manifestUrl)) as { manifest: ServerManifest };
	const gzipCache = new Map<string, number>();
	const gzipBytes = (file: string) => {
		let size = gzipCache.get(file);
		if (size === undefined) {
			size = gzipSync(readFileSync(join(outputDir, 'client', file)), { level: 9 }).length;
			gzipCache.set(file, size);
		}
		return size;
	};
	const sizes: RouteSize[] = [];
	for (const route of manifest._.routes) {
		if (!route.page) continue;
		const ids = [...route.page.layouts, route.page.leaf].filter((i): i is number => i !== undefined);
		const nodes = await Promise.all(ids.map((i) => manifest._.nodes[i]!()));
		// The innermost node that says wins, as in SvelteKit's own option resolution.
		const csr = nodes.reduce<boolean>((acc, n) => n.server?.csr ?? n.universal?.csr ?? acc, true);
		const files = csr ? [...new Set([...manifest._.client.imports, ...nodes.flatMap((n) => n.imports ?? [])])].sort() : [];
		const gzipKiB = files.reduce((sum, f) => sum + gzipBytes(f), 0) / 1024;
		const budget = budgets.find((b) => b.route === route.id);
		const maxKiB = budget?.maxKiB ?? DEFAULT_BUDGET_KIB;
		sizes.push({
			route: route.id,
			csr,
			files,
			gzipKiB: Number(gzipKiB.toFixed(1)),
			maxKiB,
			anchor: budget?.anchor ?? 'default for app screens',
			ok: gzipKiB <= maxKiB
		});
	}
	return sizes;
}
