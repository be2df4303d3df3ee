// Each stack run owns one directory under the system temp dir (database files, storage bytes, pids), so runs never
// share state. A run killed with SIGKILL leaves its directory and child processes behind; the next start reaps them.
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS_ROOT = join(tmpdir(), 'supabase-local-stack');
const OWNER_FILE = 'owner.json';

interface RunOwner {
	/** The Node process that started the run; while it lives, the run is not stale. */
	ownerPid: number;
	postgrestPid?: number;
}

export interface RunDir {
	path: string;
	dataDir: string;
	storageDir: string;
	recordPostgrestPid(pid: number): void;
	/** Removes the directory; call only once Postgres has stopped. */
	remove(): void;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function readOwner(runPath: string): RunOwner | undefined {
	try {
		return JSON.parse(readFileSync(join(runPath, OWNER_FILE), 'utf8')) as RunOwner;
	} catch {
		return undefined;
	}
}

/** The postmaster pid from Postgres's own lock file, if that process still runs this data dir. */
export function livePostmasterPid(dataDir: string): number | undefined {
	try {
		const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
		const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		return cmdline.includes(dataDir) ? pid : undefined;
	} catch {
		return undefined;
	}
}

/** PostgREST is started with the run dir as its working directory, which identifies it without trusting a stale pid. */
function livePostgrestPid(runPath: string, pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		return readlinkSync(`/proc/${pid}/cwd`) === runPath ? pid : undefined;
	} catch {
		return undefined;
	}
}

function signal(pid: number | undefined, sig: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(pid, sig);
	} catch {
		// already gone
	}
}

async function waitUntilGone(pids: number[], timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	for (const pid of pids) signal(pid, 'SIGKILL');
}

/** Stops the processes and removes the directories of runs whose owner died without cleaning up. */
export async function reapStaleRuns(log: (line: string) => void): Promise<void> {
	if (!existsSync(RUNS_ROOT)) return;
	for (const entry of readdirSync(RUNS_ROOT)) {
		const runPath = join(RUNS_ROOT, entry);
		const owner = readOwner(runPath);
		if (owner && isAlive(owner.ownerPid)) continue;
		const postmaster = livePostmasterPid(join(runPath, 'data'));
		const postgrest = livePostgrestPid(runPath, owner?.postgrestPid);
		const orphans = [postmaster, postgrest].filter((pid): pid is number => pid !== undefined);
		if (orphans.length > 0) log(`Stopping processes left by a killed stack run (${orphans.join(', ')})`);
		signal(postgrest, 'SIGTERM');
		// SIGQUIT is Postgres's immediate shutdown: nothing in a dead run's database is worth a checkpoint.
		signal(postmaster, 'SIGQUIT');
		await waitUntilGone(orphans, 3000);
		rmSync(runPath, { recursive: true, force: true });
	}
}

export async function createRunDir(): Promise<RunDir> {
	await mkdir(RUNS_ROOT, { recursive: true });
	const path = await mkdtemp(join(RUNS_ROOT, 'run-'));
	// Postgres runs as the OS user `postgres` when we are root, and must traverse into its data dir.
	await chmod(path, 0o755);
	const owner: RunOwner = { ownerPid: process.pid };
	const writeOwner = (): void => writeFileSync(join(path, OWNER_FILE), JSON.stringify(owner));
	writeOwner();
	const storageDir = join(path, 'storage');
	await mkdir(storageDir);
	return {
		path,
		dataDir: join(path, 'data'),
		storageDir,
		recordPostgrestPid(pid) {
			owner.postgrestPid = pid;
			writeOwner();
		},
		remove() {
			rmSync(path, { recursive: true, force: true });
		}
	};
}
