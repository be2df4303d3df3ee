// What a route makes the browser download before it can run, read from the production build that the e2e server
// serves (build/client): the entry scripts of the page's HTML and, for each route node, the chunks SvelteKit preloads
// with it (its `__vite__mapDeps` list), followed through their static imports. Dynamic imports (chart.js, the XLSX
// writer) are not part of the initial set; `reachable` follows them too, to tell which routes can load a chunk at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLIENT = join(process.cwd(), 'build', 'client');

interface BuildGraph {
	/** Route id ("/(public)/standings") → node indices (root layout, layouts, page). */
	routes: Map<string, number[]>;
	/** Node index → the JS files preloaded with it. */
	nodeDeps: Map<number, string[]>;
	entries: string[];
}

function read(path: string): string {
	return readFileSync(join(CLIENT, path), 'utf8');
}

export function loadBuildGraph(): BuildGraph {
	const entryDir = '/_app/immutable/entry';
	const entries = readdirSync(join(CLIENT, entryDir))
		.filter((f) => /^(app|start)\.[\w-]+\.js$/.test(f))
		.map((f) => `${entryDir}/${f}`);
	const appFile = entries.find((f) => f.includes('/app.'));
	if (!appFile) throw new Error('no app entry in build/client: run vite build first');
	const app = read(appFile);
	const deps = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(app)?.[1] ?? '[]') as string[];
	const nodeDeps = new Map<number, string[]>();
	for (const m of app.matchAll(/import\(`\.\.\/nodes\/(\d+)\.[\w-]+\.js`\),__vite__mapDeps\(\[([\d,]*)\]\)/g)) {
		const files = (m[2] ?? '').split(',').map((i) => deps[Number(i)] ?? '');
		nodeDeps.set(Number(m[1]), files.filter((f) => f.endsWith('.js')));
	}
	const table = JSON.parse(/,\w+=(\{"\/[^}]*\}),\w+=\{handleError/.exec(app)?.[1] ?? '{}') as Record<
		string,
		[number, (number | undefined)[]?, unknown?]
	>;
	const routes = new Map<string, number[]>();
	for (const [id, [page, layouts = []]] of Object.entries(table)) {
		// A page with a server load is written as ~index (SvelteKit's client manifest encoding).
		routes.set(id, [0, ...layouts.filter((n): n is number => n !== undefined), page < 0 ? ~page : page]);
	}
	return { routes, nodeDeps, entries };
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

function closure(starts: string[], withDynamic: boolean): Set<string> {
	const seen = new Set<string>();
	const visit = (path: string) => {
		// The app entry imports every route's node on demand: following it would make every route reach everything.
		if (seen.has(path) || (withDynamic && path.includes('/entry/'))) return;
		seen.add(path);
		const code = read(path);
		for (const re of withDynamic ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT]) {
			for (const m of code.matchAll(re)) visit(new URL(m[1] ?? '', `http://x${path}`).pathname);
		}
	};
	starts.forEach(visit);
	return seen;
}

export function routeFiles(graph: BuildGraph, routeId: string, opts: { withDynamic?: boolean } = {}): Set<string> {
	const nodes = graph.routes.get(routeId);
	if (!nodes) throw new Error(`no route ${routeId} in the build`);
	const nodeFiles = nodes.flatMap((n) => graph.nodeDeps.get(n) ?? []);
	const starts = opts.withDynamic ? nodeFiles : [...graph.entries, ...nodeFiles];
	return closure(starts, opts.withDynamic ?? false);
}

export function gzipKiB(files: Iterable<string>): number {
	let bytes = 0;
	for (const f of files) bytes += gzipSync(readFileSync(join(CLIENT, f)), { level: 9 }).length;
	return Math.round((bytes / 1024) * 10) / 10;
}

/** The chunk(s) holding chart.js, found by a message only chart.js's core contains. */
export function chunksContaining(text: string): string[] {
	const dir = '/_app/immutable/chunks';
	return readdirSync(join(CLIENT, dir))
		.filter((f) => f.endsWith('.js'))
		.map((f) => `${dir}/${f}`)
		.filter((f) => read(f).includes(text));
}
