// The built app served for browser benchmarks: `vite build` (unless BENCH_SKIP_BUILD=1, and only once per process:
// the sources do not change during one `npm run bench`), then `node build` on a free port with the started stack's URL and keys, answering before this returns. stop() ends the server (SIGTERM, then
// SIGKILL after 5 s); a server that fails to answer is stopped before the error is thrown.
import { spawn, type ChildProcess } from 'node:child_process';
import { findFreePort } from '../supabase/local/ports';
import type { Stack } from '../supabase/local/stack';

const root = new URL('..', import.meta.url).pathname;

export interface ServedApp {
	baseURL: string;
	stop(): Promise<void>;
}

export function runQuietly(cmd: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
	});
}

let built = false;

export async function buildAndServe(stack: Stack, label: string): Promise<ServedApp> {
	if (process.env.BENCH_SKIP_BUILD !== '1' && !built) {
		console.log(`${label}: building the app (vite build) …`);
		await runQuietly('npx', ['vite', 'build']);
		built = true;
	}
	// A fixed port (BENCH_APP_PORT) where several people share the machine and each keeps to their own ports.
	const port = process.env.BENCH_APP_PORT ? Number(process.env.BENCH_APP_PORT) : await findFreePort();
	const baseURL = `http://localhost:${port}`;
	const server = spawn('node', ['build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			PUBLIC_SUPABASE_URL: stack.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey
		}
	});
	const stop = () => stopServer(server);
	try {
		await waitForHttp(`${baseURL}/`, server, 60_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseURL, stop };
}

async function waitForHttp(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`node build exited with ${server.exitCode}`);
		if (await fetch(url).then((r) => r.ok, () => false)) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
		server.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		server.kill('SIGTERM');
	});
}
