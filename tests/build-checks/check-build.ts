// The build's quality gates, run by `npm run build` right after `vite build` (and by `npm test` and CI): each route's
// initial JavaScript within its budget (TARGETS P2) and no service-role key or JWT secret in anything served to
// browsers (R9), and the service worker's precache (P7) within 300 KiB with every file of the field journey in it.
// Any miss fails the build.
// `--json <file>` also writes the figures (tests/run-all.ts reads them as the "build checks" suite).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadApiKeys } from '../../supabase/local/keys';
import { countFiles, scanForSecrets } from './client-secrets';
import { describePrecache, measurePrecache } from './precache-size';
import { measureRoutes } from './route-budgets';

const root = join(import.meta.dirname, '..', '..');

async function main(): Promise<number> {
	const routes = await measureRoutes(join(root, '.svelte-kit', 'output'));
	const precache = measurePrecache(root, join(root, 'build'));
	const keys = await loadApiKeys();
	const secrets = [
		{ name: 'the JWT secret', value: keys.jwtSecret },
		{ name: 'the service-role key', value: keys.serviceRoleKey },
		{ name: 'SUPABASE_SERVICE_ROLE_KEY', value: process.env.SUPABASE_SERVICE_ROLE_KEY ?? '' },
		{ name: 'SUPABASE_JWT_SECRET', value: process.env.SUPABASE_JWT_SECRET ?? '' }
	];
	const clientDirs = [join(root, 'build', 'client'), join(root, 'build', 'prerendered')];
	const findings = scanForSecrets(clientDirs, secrets, root);

	console.log('\nInitial JavaScript per route (gzip, TARGETS P2):');
	for (const r of routes) {
		const mark = r.ok ? '✓' : '✗';
		const size = r.csr ? `${r.gzipKiB.toFixed(1)} KiB` : 'none (csr = false)';
		console.log(`  ${mark} ${r.route.padEnd(32)} ${size.padEnd(20)} ≤ ${r.maxKiB} KiB  ${r.anchor}`);
	}
	console.log(
		`${precache.ok ? '✓' : '✗'} Precache (TARGETS P7): ${describePrecache(precache)}` +
			(precache.external.length ? `; fetched from the server at install: ${precache.external.join(', ')}` : '')
	);
	console.log(`Client secrets (TARGETS R9): ${countFiles(clientDirs)} files scanned, ${findings.length === 0 ? 'none found ✓' : 'FOUND ✗'}`);
	for (const f of findings) console.log(`  ✗ ${f.what} in ${f.file}`);

	const checks = [...routes.map((r) => r.ok), findings.length === 0, precache.ok];
	const failed = checks.filter((ok) => !ok).length;
	const jsonAt = process.argv.indexOf('--json');
	if (jsonAt > 0 && process.argv[jsonAt + 1]) {
		const file = process.argv[jsonAt + 1]!;
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify({ passed: checks.length - failed, failed, routes, precache, findings }, null, 2));
	}
	if (failed > 0) console.error(`\n${failed} build check(s) failed.`);
	return failed === 0 ? 0 : 1;
}

process.exit(await main());
