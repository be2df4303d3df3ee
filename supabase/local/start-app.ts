// `npm start`: the whole thing on one machine — the embedded stack plus the production build of the app
// (adapter-node) on http://localhost:3000. Builds first when build/ is missing or older than the sources.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './database-setup';
import { startStack } from './stack';

const APP_PORT = 3000;
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs);
}

function isBuildStale(): boolean {
	const builtAt = newestMtime(join(REPO_ROOT, 'build', 'handler.js'));
	return builtAt === 0 || SOURCES.some((source) => newestMtime(join(REPO_ROOT, source)) > builtAt);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env });
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

async function buildIfStale(): Promise<void> {
	if (!isBuildStale()) return console.log('build/ is up to date.');
	console.log('Building the app (vite build)…');
	const code = await run(join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build']);
	if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
}

// The build and the stack do not depend on each other, so they start together.
const [stack] = await Promise.all([startStack({ quiet: true }), buildIfStale()]).catch(async (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

const app: ChildProcess = spawn(process.execPath, ['build'], {
	cwd: REPO_ROOT,
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: String(APP_PORT),
		HOST: '127.0.0.1',
		ORIGIN: `http://localhost:${APP_PORT}`,
		PUBLIC_SUPABASE_URL: stack.apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
		// Server-only: account creation by city admins (src/lib/server/admin-users.ts) needs the service-role key.
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey
	}
});
// The app must not outlive this process, however it ends.
process.once('exit', () => app.kill('SIGTERM'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.kill(signal));

console.log(`
App: http://localhost:${APP_PORT}
API: ${stack.apiUrl}   DB: ${stack.dbUrl}
Press Ctrl-C to stop.`);

app.once('exit', (code) => {
	stack.stop().then(
		() => process.exit(code ?? 0),
		() => process.exit(1)
	);
});
