import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CORE_ROUTES, ON_USE_MODULES, coreClientFiles, precacheTransform } from './precache-core';

let dirs: string[] = [];
afterEach(() => {
	dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
	dirs = [];
});

/** A build as Vite and SvelteKit lay it out: node N wraps a route file; `extra` adds a screen outside the journey. */
function fakeBuild(opts: { dropRoute?: string } = {}) {
	const root = mkdtempSync(join(tmpdir(), 'precache-'));
	dirs.push(root);
	const output = join(root, 'output');
	const generated = join(root, 'generated');
	const nodesDir = join(generated, 'client-optimized', 'nodes');
	mkdirSync(join(output, 'client', '.vite'), { recursive: true });
	mkdirSync(nodesDir, { recursive: true });
	const manifest: Record<string, unknown> = {
		'.svelte-kit/generated/client-optimized/app.js': { file: '_app/immutable/entry/app.js', isEntry: true, imports: ['_shared.js'] },
		'node_modules/@sveltejs/kit/src/runtime/client/entry.js': { file: '_app/immutable/entry/start.js', isEntry: true },
		'_shared.js': { file: '_app/immutable/chunks/shared.js', css: ['_app/immutable/assets/shared.css'] },
		'_review-only.js': { file: '_app/immutable/chunks/review-only.js' }
	};
	const routes = CORE_ROUTES.filter((r) => r !== opts.dropRoute);
	[...routes, 'src/routes/(app)/app/review/+page.svelte'].forEach((route, n) => {
		writeFileSync(join(nodesDir, `${n}.js`), `export { default as component } from "../../../../${route}";`);
		const review = route.includes('/review/');
		manifest[`.svelte-kit/generated/client-optimized/nodes/${n}.js`] = {
			file: `_app/immutable/nodes/${n}.js`,
			src: `.svelte-kit/generated/client-optimized/nodes/${n}.js`,
			isEntry: true,
			imports: review ? ['_review-only.js', '_shared.js'] : ['_shared.js']
		};
	});
	for (const module of ON_USE_MODULES) manifest[module] = { file: `_app/immutable/chunks/${module.split('/').pop()}.js`, imports: ['_shared.js'] };
	writeFileSync(join(output, 'client', '.vite', 'manifest.json'), JSON.stringify(manifest));
	return { output, generated };
}

describe('coreClientFiles', () => {
	it('takes the entries, the journey routes and on-use modules with their static imports and CSS, not other screens', () => {
		const { output, generated } = fakeBuild();
		const { files, missing } = coreClientFiles(output, generated);
		expect(missing).toEqual([]);
		expect(files).toContain('_app/immutable/entry/app.js');
		expect(files).toContain('_app/immutable/entry/start.js');
		expect(files).toContain('_app/immutable/chunks/shared.js');
		expect(files).toContain('_app/immutable/assets/shared.css');
		expect(files).toContain('_app/immutable/chunks/auth.ts.js');
		expect(files).not.toContain('_app/immutable/chunks/review-only.js');
		expect([...files].filter((f) => f.includes('/nodes/'))).toHaveLength(CORE_ROUTES.length);
	});

	it('names a journey route the build no longer has', () => {
		const { output, generated } = fakeBuild({ dropRoute: 'src/routes/(app)/app/capture/+page.svelte' });
		expect(coreClientFiles(output, generated).missing).toEqual(['src/routes/(app)/app/capture/+page.svelte']);
	});
});

describe('precacheTransform', () => {
	it('keeps the journey, the workers and the static files; drops other screens and the web manifest', async () => {
		const { output, generated } = fakeBuild();
		const entry = (url: string) => ({ url, revision: null, size: 1 });
		const { manifest } = await precacheTransform(output, generated)([
			entry('client/_app/immutable/chunks/shared.js'),
			entry('client/_app/immutable/chunks/review-only.js'),
			entry('client/_app/immutable/workers/photo.worker-abc.js'),
			entry('client/_app/version.json'),
			entry('client/favicon.png'),
			entry('client/manifest.webmanifest')
		]);
		expect(manifest.map((e) => e.url)).toEqual([
			'_app/immutable/chunks/shared.js',
			'_app/immutable/workers/photo.worker-abc.js',
			'_app/version.json',
			'favicon.png'
		]);
	});

	it('fails the build when a journey route is gone, rather than precaching less in silence', async () => {
		const { output, generated } = fakeBuild({ dropRoute: 'src/routes/(auth)/login/+page.svelte' });
		await expect(precacheTransform(output, generated)([])).rejects.toThrow(/login/);
	});
});
