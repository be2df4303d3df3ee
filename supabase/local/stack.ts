// The embedded local Supabase stack: real Postgres 17, the project's migrations applied by the real Supabase CLI,
// real PostgREST, and the dev gateway for auth and storage. One call starts it all; stop() (or process exit) ends it.
import { loadApiKeys } from './keys';
import { setUpDatabase } from './database-setup';
import { startGateway, type Gateway } from './gateway/server';
import { assertPortFree } from './ports';
import { startPostgres, type LocalPostgres } from './postgres';
import { startPostgrest, type LocalPostgrest } from './postgrest';
import { createRunDir, livePostmasterPid, reapStaleRuns, type RunDir } from './run-dir';

export interface Stack {
	apiUrl: string;
	dbUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	stop(): Promise<void>;
}

export interface StackOptions {
	apiPort?: number;
	dbPort?: number;
	/** Silence Postgres/PostgREST/CLI output (errors still throw with their output). */
	quiet?: boolean;
}

function portFromEnv(name: string, fallback: number): number {
	const value = process.env[name];
	if (!value) return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name}=${value} is not a port`);
	return port;
}

interface Running {
	run: RunDir;
	postgres?: LocalPostgres;
	postgrest?: LocalPostgrest;
	gateway?: Gateway;
}

/** Stops the parts in reverse order of starting; safe to call twice and after a partial start. */
async function stopRunning(parts: Running): Promise<void> {
	await parts.gateway?.close();
	parts.gateway = undefined;
	await parts.postgrest?.stop();
	parts.postgrest = undefined;
	await parts.postgres?.stop();
	parts.postgres = undefined;
	parts.run.remove();
}

/** Last resort on process exit: only synchronous work is possible here. */
function killRunningSync(parts: Running): void {
	parts.postgrest?.kill();
	const postmaster = livePostmasterPid(parts.run.dataDir);
	if (postmaster !== undefined) {
		try {
			process.kill(postmaster, 'SIGQUIT');
		} catch {
			// already gone
		}
	}
	parts.run.remove();
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
	const apiPort = opts.apiPort ?? portFromEnv('SUPABASE_API_PORT', 54321);
	const dbPort = opts.dbPort ?? portFromEnv('SUPABASE_DB_PORT', 54322);
	const log = opts.quiet ? () => undefined : (line: string) => line && console.log(line);
	const accessTokenTtl = Number(process.env.AUTH_JWT_EXPIRY || 3600);
	if (!Number.isInteger(accessTokenTtl) || accessTokenTtl < 1) throw new Error('AUTH_JWT_EXPIRY must be whole seconds');

	// Shown even when quiet: it explains why a start after a crash stops processes.
	await reapStaleRuns((line) => console.warn(line));
	await assertPortFree(dbPort, 'Postgres', 'SUPABASE_DB_PORT');
	await assertPortFree(apiPort, 'API gateway', 'SUPABASE_API_PORT');
	const keys = await loadApiKeys();
	const apiUrl = `http://127.0.0.1:${apiPort}`;

	const parts: Running = { run: await createRunDir() };
	const onExit = (): void => killRunningSync(parts);
	const onSignal = (signal: NodeJS.Signals): void => {
		stopRunning(parts).then(
			() => process.exit(signal === 'SIGINT' ? 130 : 143),
			() => process.exit(1)
		);
	};
	process.once('exit', onExit);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const forgetHandlers = (): void => {
		process.off('exit', onExit);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	};

	try {
		parts.postgres = await startPostgres({ dataDir: parts.run.dataDir, port: dbPort, log });
		await setUpDatabase({ dbUrl: parts.postgres.url, storageDir: parts.run.storageDir, log });
		parts.postgrest = await startPostgrest({ dbPort, jwtSecret: keys.jwtSecret, cwd: parts.run.path, log });
		parts.run.recordPostgrestPid(parts.postgrest.pid);
		parts.gateway = await startGateway({
			apiUrl,
			port: apiPort,
			dbPort,
			postgrestUrl: parts.postgrest.url,
			storageDir: parts.run.storageDir,
			accessTokenTtl,
			...keys
		});
	} catch (error) {
		await stopRunning(parts).catch(() => killRunningSync(parts));
		forgetHandlers();
		throw error;
	}

	return {
		apiUrl,
		dbUrl: parts.postgres.url,
		...keys,
		stop: async () => {
			await stopRunning(parts);
			forgetHandlers();
		}
	};
}
