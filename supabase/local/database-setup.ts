// Brings a fresh database to the state of a Supabase project: the local bootstrap (what Supabase provides), the
// project's migrations through the real Supabase CLI as a non-superuser (as on hosted Supabase), the seed, and the
// seed files behind seeded storage rows.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { guessContentType, objectFilePath } from './gateway/storage-files';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUPABASE_CLI = join(REPO_ROOT, 'node_modules', '.bin', 'supabase');

async function runSqlFile(dbUrl: string, file: string): Promise<void> {
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		await client.query(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file} failed: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		await client.end();
	}
}

/**
 * The demoted role of bootstrap.sql that plays hosted Supabase's non-superuser `postgres`: migrations that need a
 * superuser fail here, not first on the hosted project.
 */
export const MIGRATION_ROLE = 'hosted_postgres';

function asRole(dbUrl: string, role: string): string {
	const url = new URL(dbUrl);
	url.username = role;
	url.password = 'postgres';
	return url.toString();
}

/** `supabase db push` is exactly what deploys the migrations to a hosted project, so it runs here too. */
function pushMigrations(superuserUrl: string, log: (line: string) => void): Promise<void> {
	const dbUrl = asRole(superuserUrl, MIGRATION_ROLE);
	return new Promise((resolve, reject) => {
		execFile(
			SUPABASE_CLI,
			// The CLI assumes TLS for any port but its own default 54322; the local server has none.
			['db', 'push', '--db-url', `${dbUrl}?sslmode=disable`, '--include-all', '--yes', '--workdir', REPO_ROOT],
			{ cwd: REPO_ROOT, env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' } },
			(error, stdout, stderr) => {
				const output = `${stdout}${stderr}`.trim();
				if (error) reject(new Error(`supabase db push (as ${MIGRATION_ROLE}) failed:\n${output}`));
				else {
					if (output) log(output);
					resolve();
				}
			}
		);
	});
}

/**
 * Seeded storage rows point at bytes that live in supabase/seed-files/<bucket_id>/<name>. Copy each into the run's
 * storage dir, giving rows without a version one and filling metadata the seed left out (size, type, ETag).
 */
async function copySeedFiles(dbUrl: string, storageDir: string, log: (line: string) => void): Promise<void> {
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ id: string; bucket_id: string; name: string; version: string | null }>(
			'select id, bucket_id, name, version from storage.objects'
		);
		let copied = 0;
		for (const row of rows) {
			const source = join(REPO_ROOT, 'supabase', 'seed-files', row.bucket_id, row.name);
			const version = row.version ?? randomUUID();
			const target = objectFilePath(storageDir, row.bucket_id, row.name, version);
			if (existsSync(target) || !existsSync(source)) continue;
			await mkdir(dirname(target), { recursive: true });
			await copyFile(source, target);
			const size = (await stat(target)).size;
			const eTag = `"${createHash('md5').update(await readFile(target)).digest('hex')}"`;
			const metadata = {
				eTag,
				size,
				mimetype: guessContentType(row.name),
				cacheControl: 'max-age=3600',
				lastModified: new Date().toISOString(),
				contentLength: size,
				httpStatusCode: 200
			};
			await client.query(
				// What the seed wrote into metadata wins; only missing keys are filled in.
				`update storage.objects set version = $2, metadata = $3::jsonb || coalesce(metadata, '{}'::jsonb)
				 where id = $1`,
				[row.id, version, JSON.stringify(metadata)]
			);
			copied += 1;
		}
		if (copied > 0) log(`Copied ${copied} seed file(s) into local storage`);
	} finally {
		await client.end();
	}
}

export async function setUpDatabase(opts: {
	dbUrl: string;
	storageDir: string;
	log: (line: string) => void;
}): Promise<void> {
	await runSqlFile(opts.dbUrl, join(REPO_ROOT, 'supabase', 'local', 'bootstrap.sql'));
	await pushMigrations(opts.dbUrl, opts.log);
	// The seed is local demo data that `supabase db reset` loads and `db push` never deploys: it stays privileged.
	const seedFile = join(REPO_ROOT, 'supabase', 'seed.sql');
	if (existsSync(seedFile)) await runSqlFile(opts.dbUrl, seedFile);
	await copySeedFiles(opts.dbUrl, opts.storageDir, opts.log);
}
