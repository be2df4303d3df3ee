// The database-linter suite of `npm test`: Supabase's splinter (via `postgres-language-server dblint`) against the
// test stack's database. One test: it passes when every finding is explained in supabase/tests/dblint-allowlist.json.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

interface Diagnostic {
	severity: string;
	category: string;
	message: string;
}

interface AllowEntry {
	category: string;
	/** A piece of the finding's message naming the object; without it the whole category is allowed. */
	contains?: string;
	reason: string;
}

export interface DblintResult {
	passed: number;
	failed: number;
	exitCode: number;
}

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'node_modules', '.bin', 'postgres-language-server');
const CONFIG = join(root, 'supabase', 'tests', 'postgres-language-server.jsonc');
const ALLOWLIST = join(root, 'supabase', 'tests', 'dblint-allowlist.json');

function loadAllowlist(): AllowEntry[] {
	const { entries } = JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as { entries: AllowEntry[] };
	for (const entry of entries) {
		if (!entry.category || !entry.reason?.trim()) throw new Error(`${ALLOWLIST}: every entry needs a category and a reason`);
	}
	return entries;
}

/** Splinter reads the exposed schemas from this setting and quietly skips its security lints when it is empty. */
async function exposedSchemas(dbUrl: string): Promise<string> {
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ schemas: string | null }>(
			"select current_setting('pgrst.db_schemas', true) as schemas"
		);
		return rows[0]?.schemas ?? '';
	} finally {
		await client.end();
	}
}

function lint(dbUrl: string): Promise<{ diagnostics: Diagnostic[]; code: number; stderr: string }> {
	return new Promise((resolve, reject) => {
		execFile(
			CLI,
			['dblint', '--config-path', CONFIG, '--connection-string', dbUrl, '--reporter=json', '--max-diagnostics=none', '--colors=off'],
			{ cwd: root, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				// Exit 1 only means "errors were found"; the JSON on stdout says which.
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				try {
					const report = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
					resolve({ diagnostics: report.diagnostics, code, stderr });
				} catch {
					reject(new Error(`postgres-language-server dblint gave no JSON report (exit ${code}):\n${stdout}${stderr}`));
				}
			}
		);
	});
}

export async function runDblint(dbUrl: string): Promise<DblintResult> {
	console.log('\ndblint (splinter) against the test database');
	try {
		const schemas = await exposedSchemas(dbUrl);
		if (!schemas.trim()) throw new Error('pgrst.db_schemas is not set: splinter would skip its security lints');
		const allowlist = loadAllowlist();
		const { diagnostics } = await lint(dbUrl);
		const unexplained = diagnostics.filter(
			(d) => !allowlist.some((a) => a.category === d.category && (a.contains === undefined || d.message.includes(a.contains)))
		);
		const explained = diagnostics.length - unexplained.length;
		console.log(`  schemas linted: ${schemas}; ${diagnostics.length} finding(s), ${explained} explained in dblint-allowlist.json`);
		for (const d of unexplained) console.log(`  ${d.severity.toUpperCase()} ${d.category}: ${d.message}`);
		if (unexplained.length > 0) {
			console.log('  Fix these in a migration, or explain each in supabase/tests/dblint-allowlist.json.');
			return { passed: 0, failed: 1, exitCode: 1 };
		}
		return { passed: 1, failed: 0, exitCode: 0 };
	} catch (error) {
		console.error('  dblint failed:', error instanceof Error ? error.message : error);
		return { passed: 0, failed: 1, exitCode: 1 };
	}
}
