// R1 at full size (`npm run bench -- r1`, opt-in): 1,000 stories with photos created offline on one persistent
// Chromium profile across 20 browser kills (SIGKILL of the profile's browser process), reloads and network flaps,
// then synced by the built app through a faulty network (short outages while photos upload, the browser killed the
// moment the answer to a story write arrives, so the server holds rows the app never heard of, kills mid-push),
// healed with "Gửi ngay", and audited on the server: exactly 1,000 rows for the run's prefix, 0 duplicates, every photo row and Storage object,
// 0 orphans. A few stories go through the real form (the UI path); the rest are written in the page with the same
// records and the same one-transaction-per-story shape as `saveStoryWithPhotos` (see device-db.ts), because filling
// the form 1,000 times would take an hour. Writes bench/results/r1-crash-soak.json. Browser, app server and database
// client are stopped at the end, also on error (the stack is stopped by run.ts). Faults are made without Playwright
// routes: here a photo upload passed on with route.continue() reached the server but the page saw
// ERR_CONNECTION_RESET every time, so no story ever got past its uploads; outages and kills stand in for injected
// 5xx answers, which tests/e2e/sync-faults.spec.ts covers at test size (500/503/504 and a lost answer on row writes).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import type { Stack } from '../../supabase/local/stack';
import { browserPid, captureStory, REPORTER, signIn, waitForServiceWorker } from '../../tests/e2e/helpers/device';
import { auditServer, type ServerAudit } from '../../tests/e2e/helpers/server-audit';
import { buildAndServe } from '../app-server';
import { generateStories, readDeviceState, readTemplate, type DeviceState, type StoryTemplate } from './device-db';

const RESULTS_FILE = new URL('../results/r1-crash-soak.json', import.meta.url).pathname;

/** BENCH_R1_TOTAL (≥ 100) shrinks the run for a quick smoke test of the harness; R1 itself is 1,000. */
const TOTAL = Math.max(100, Number(process.env.BENCH_R1_TOTAL ?? 1_000));
/** Through the real form: the first ones offline at the start, the last one online while the network misbehaves. */
const FORM_EARLY = [1, 2, 3, 4];
const FORM_LATE = TOTAL;
/** Page errors are printed (first few per life): a sync that stalls should say why. */
const MAX_LOGGED_ERRORS = 5;
/** 9 kills while capturing offline (the last one just before going online), 11 while syncing: 20 in all. */
const CAPTURE_KILLS = 9;
const SYNC_KILLS = 11;
/** Capture-phase lives whose kill lands while the page is writing stories (a transaction may be cut off). */
const MID_WRITE_KILLS = new Set([3, 6]);
/** A sync-phase life is killed when the server has its share of rows, or after this long if sync stalls. */
const SYNC_LIFE_CAP_MS = 45_000;
/** Healing with "Gửi ngay" gives up after this long with a clear failure. */
const HEAL_LIMIT_MS = 5 * 60_000;
/** While syncing, "Gửi ngay" is pressed when the server gained no row for this long. */
const STALL_PRESS_MS = 5_000;

const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f);';
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const photosFor = (n: number) => (n % 3 === 2 ? 2 : 1);
const titleOf = (prefix: string, n: number) => `${prefix} #${String(n).padStart(4, '0')}`;

interface Faults {
	/** Short outages (300 ms offline) while photos upload: the upload in flight fails. */
	uploadOutage: number;
	/** The browser killed the moment a story write's answer arrived: the server committed, the app never read it. */
	storyWriteAnswerLost: number;
}

interface Device {
	context: BrowserContext;
	page: Page;
	/** Settles when Playwright sees the browser gone (registered at launch: a kill may come from an event handler). */
	closed: Promise<void>;
}


async function launch(profile: string, baseURL: string, offline: boolean): Promise<Device> {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		baseURL,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		offline
	});
	const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
	// tsx compiles with keepNames: functions handed to page.evaluate may call esbuild's `__name`, absent in the page.
	await context.addInitScript(NAME_HELPER);
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(60_000);
	let logged = 0;
	page.on('console', (m) => {
		if (m.type() === 'error' && logged++ < MAX_LOGGED_ERRORS) console.log(`    page: ${m.text().slice(0, 300)}`);
	});
	page.on('pageerror', (e) => {
		if (logged++ < MAX_LOGGED_ERRORS) console.log(`    page error: ${e.message.slice(0, 300)}`);
	});
	return { context, page, closed };
}

function profileProcesses(profile: string): number {
	const lines = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' }).split('\n');
	return lines.filter((l) => l.includes(`--user-data-dir=${profile}`) && !/^\s*\d+\s+Z/.test(l)).length;
}

/** SIGKILL, as a phone's OS kills an app: no unload, no flush. Waits until the profile lock is free again. */
async function kill(device: Device, profile: string, alreadyKilled = false): Promise<void> {
	if (!alreadyKilled) process.kill(browserPid(profile), 'SIGKILL');
	await device.closed;
	const deadline = Date.now() + 10_000;
	while (profileProcesses(profile) > 0) {
		if (Date.now() > deadline) throw new Error('Chromium helpers still hold the profile 10 s after the kill');
		await delay(100);
	}
}

/** Press "Gửi ngay" unless a run is already going (the button is disabled then); true if pressed. */
async function pressSendNow(page: Page): Promise<boolean> {
	const sendNow = page.getByTestId('send-now');
	if (!(await sendNow.isVisible()) || !(await sendNow.isEnabled())) return false;
	return sendNow.click({ timeout: 5_000 }).then(() => true, () => false);
}

function checkDevice(state: DeviceState, when: string): void {
	if (state.torn.length > 0) throw new Error(`${when}: stories saved without their outbox entry or photos: ${state.torn.slice(0, 5).join(', ')}`);
	const dup = state.titles.length - new Set(state.titles).size;
	if (dup > 0) throw new Error(`${when}: ${dup} duplicate stories on the device`);
}

function missingNumbers(state: DeviceState, prefix: string, upTo: number, skip: Set<number>): number[] {
	const have = new Set(state.titles);
	const out: number[] = [];
	for (let n = 1; n <= upTo; n++) if (!skip.has(n) && !have.has(titleOf(prefix, n))) out.push(n);
	return out;
}

interface AuditSummary {
	rows: number;
	distinctTitles: number;
	missingStories: string[];
	unexpectedStories: string[];
	duplicateTitles: string[];
	photoRows: number;
	expectedPhotoRows: number;
	objects: number;
	storiesWithWrongPhotoCount: string[];
	missingObjects: number;
	orphanObjects: number;
	strayObjects: number;
}

function summarise(audit: ServerAudit, prefix: string): AuditSummary {
	const expected = new Map(Array.from({ length: TOTAL }, (_, i) => [titleOf(prefix, i + 1), photosFor(i + 1)] as const));
	const titles = new Set(audit.stories.map((s) => s.title));
	return {
		rows: audit.stories.length,
		distinctTitles: titles.size,
		missingStories: [...expected.keys()].filter((t) => !titles.has(t)),
		unexpectedStories: [...titles].filter((t) => !expected.has(t)),
		duplicateTitles: audit.duplicateTitles,
		photoRows: audit.stories.reduce((sum, s) => sum + s.photoRows, 0),
		expectedPhotoRows: [...expected.values()].reduce((a, b) => a + b, 0),
		objects: audit.stories.reduce((sum, s) => sum + s.objects, 0),
		storiesWithWrongPhotoCount: audit.stories
			.filter((s) => s.photoRows !== expected.get(s.title) || s.objects !== 2 * s.photoRows)
			.map((s) => `${s.title}: ${s.photoRows} rows, ${s.objects} objects`),
		missingObjects: audit.stories.reduce((sum, s) => sum + s.missingObjects, 0),
		orphanObjects: audit.stories.reduce((sum, s) => sum + s.orphanObjects.length, 0),
		strayObjects: audit.strayObjects.length
	};
}

function passed(a: AuditSummary): boolean {
	return (
		a.rows === TOTAL &&
		a.distinctTitles === TOTAL &&
		a.missingStories.length === 0 &&
		a.unexpectedStories.length === 0 &&
		a.duplicateTitles.length === 0 &&
		a.photoRows === a.expectedPhotoRows &&
		a.objects === 2 * a.expectedPhotoRows &&
		a.storiesWithWrongPhotoCount.length === 0 &&
		a.missingObjects === 0 &&
		a.orphanObjects === 0 &&
		a.strayObjects === 0
	);
}

export async function runR1(stack: Stack): Promise<void> {
	const startedAt = new Date();
	const since = new Date(startedAt.getTime() - 2_000);
	const startLoad = loadavg().map((x) => Number(x.toFixed(2)));
	const prefix = `R1 soak ${Date.now().toString(36)} ·`;
	const profile = mkdtempSync(join(tmpdir(), 'bench-r1-'));
	const app = await buildAndServe(stack, 'R1');
	const { baseURL } = app;
	const db = new pg.Client({ connectionString: stack.dbUrl, application_name: 'bench-r1' });
	let device: Device | undefined;
	const faults: Faults = { uploadOutage: 0, storyWriteAnswerLost: 0 };
	const seen: Record<string, number> = {};
	const events = { kills: 0, midWriteKills: 0, reloads: 0, flaps: 0, relaunches: 0, unsavedAtKillReEntered: 0, formStories: 0, signInsAgain: 0 };
	const serverRows = async (): Promise<number> =>
		(await db.query<{ n: number }>('select count(*)::int as n from public.story where starts_with(title, $1)', [prefix])).rows[0]?.n ?? 0;
	const killAndCount = async (d: Device, alreadyKilled = false): Promise<void> => {
		await kill(d, profile, alreadyKilled);
		events.kills++;
	};
	try {
		await db.connect();
		/**
		 * "Của tôi". A relaunch online after kills sometimes finds the session gone and the app redirects to /login
		 * (after the page loaded, so wait for either): the reporter signs in again, counted in `signInsAgain`.
		 */
		const openStories = async (d: Device): Promise<void> => {
			await d.page.goto('/app/stories');
			await d.page.locator('[data-testid=send-now], #email').first().waitFor();
			if (new URL(d.page.url()).pathname.startsWith('/login')) {
				console.log('    the session was gone after the relaunch: signing in again');
				await signIn(d.page);
				events.signInsAgain++;
				await d.page.goto('/app/stories');
			}
		};
		const capture = async (d: Device, n: number): Promise<void> => {
			await captureStory(d.page, {
				title: titleOf(prefix, n),
				photoSeeds: Array.from({ length: photosFor(n) }, (_, i) => 40_000 + n * 10 + i)
			});
			events.formStories++;
		};

		// 1. Signed in once online; from here capture runs offline from the service worker.
		device = await launch(profile, baseURL, false);
		await signIn(device.page);
		await waitForServiceWorker(device.page);
		await device.context.setOffline(true);

		// 2. Capture phase, offline: a few stories through the real form, the rest written in the page in chunks;
		//    the browser is killed after every chunk (twice while a chunk is being written), reloads in between.
		const captureStart = Date.now();
		let generateMs = 0;
		let generated = 0;
		for (const [i, n] of FORM_EARLY.entries()) {
			await capture(device, n);
			if (i === 1) {
				await device.page.reload();
				events.reloads++;
			}
		}
		const template: StoryTemplate = await readTemplate(device.page, prefix);
		const skip = new Set([...FORM_EARLY, FORM_LATE]);
		const lastGenerated = TOTAL - 1;
		for (let life = 1; life < CAPTURE_KILLS; life++) {
			const upTo = Math.round(FORM_EARLY.length + ((lastGenerated - FORM_EARLY.length) * life) / (CAPTURE_KILLS - 1));
			const state = await readDeviceState(device.page, prefix);
			checkDevice(state, `capture life ${life}`);
			const todo = missingNumbers(state, prefix, upTo, skip);
			const photosPerStory = Object.fromEntries(todo.map((n) => [n, photosFor(n)]));
			const t0 = Date.now();
			if (MID_WRITE_KILLS.has(life)) {
				// Killed while writing: whatever was committed must be whole; the rest is re-entered after relaunch.
				const writing = generateStories(device.page, { template, prefix, numbers: todo, photosPerStory }).catch(() => -1);
				const half = state.titles.length + Math.floor(todo.length / 2);
				while ((await readDeviceState(device.page, prefix)).titles.length < half) await delay(20);
				await killAndCount(device);
				events.midWriteKills++;
				if ((await writing) !== -1) console.log(`  life ${life}: the chunk finished before the kill`);
				generateMs += Date.now() - t0;
			} else {
				generated += await generateStories(device.page, { template, prefix, numbers: todo, photosPerStory });
				generateMs += Date.now() - t0;
				if (life % 3 === 2) {
					await device.page.reload();
					events.reloads++;
				}
				await killAndCount(device);
			}
			device = await launch(profile, baseURL, true);
			events.relaunches++;
			await device.page.goto('/app/stories');
			const after = await readDeviceState(device.page, prefix);
			checkDevice(after, `after capture kill ${life}`);
			if (MID_WRITE_KILLS.has(life)) {
				const committed = todo.length - missingNumbers(after, prefix, upTo, skip).length;
				generated += committed;
				events.unsavedAtKillReEntered += todo.length - committed;
				console.log(`  kill ${events.kills} (mid-write): ${committed} of ${todo.length} stories committed, the rest re-entered`);
			} else console.log(`  kill ${events.kills}: ${after.titles.length} stories on the device, outbox ${after.outbox}`);
		}
		// Stories cut off by a mid-write kill in the last chunk are re-entered, like a user retyping an unsaved story.
		const rest = missingNumbers(await readDeviceState(device.page, prefix), prefix, lastGenerated, skip);
		if (rest.length > 0) {
			const t0 = Date.now();
			generated += await generateStories(device.page, { template, prefix, numbers: rest, photosPerStory: Object.fromEntries(rest.map((n) => [n, photosFor(n)])) });
			generateMs += Date.now() - t0;
		}
		const captured = await readDeviceState(device.page, prefix);
		checkDevice(captured, 'end of capture');
		if (captured.titles.length !== TOTAL - 1) throw new Error(`capture: ${captured.titles.length} stories on the device, expected ${TOTAL - 1}`);
		if ((await serverRows()) !== 0) throw new Error('capture was offline, yet rows reached the server');
		const captureMs = Date.now() - captureStart;
		console.log(`R1: ${captured.titles.length} stories captured offline in ${(captureMs / 1000).toFixed(1)} s, ${events.kills} kills`);

		// 3. Sync phase: each life relaunches online into the faulty network and is killed once the server holds its
		//    share of rows (or the cap passes); some lives reload, some flap the network, one captures the last story.
		await killAndCount(device);
		const syncStart = Date.now();
		let syncPresses = 0;
		for (let life = 1; life <= SYNC_KILLS; life++) {
			device = await launch(profile, baseURL, false);
			events.relaunches++;
			// Even lives end the moment the answer to a story write reaches the browser (observed, not intercepted: see
			// the header): the server has committed the rows, the app has not read the answer yet.
			let killedOnWrite = false;
			const killOnWrite = life % 2 === 0;
			const armedAt = Date.now() + 1_000;
			device.page.on('response', (r) => {
				if (r.request().method() !== 'POST' || new URL(r.url()).pathname !== '/rest/v1/story') return;
				seen.story = (seen.story ?? 0) + 1;
				if (!killOnWrite || killedOnWrite || Date.now() < armedAt || r.status() >= 300) return;
				killedOnWrite = true;
				process.kill(browserPid(profile), 'SIGKILL');
				faults.storyWriteAnswerLost++;
			});
			await openStories(device);
			if (life === 3) await capture(device, FORM_LATE);
			const target = Math.round((life * TOTAL) / (SYNC_KILLS + 1));
			const lifeStart = Date.now();
			let acted = false;
			let uploadFaulted = false;
			let rows = await serverRows();
			let progressAt = Date.now();
			while (!killedOnWrite && (killOnWrite || rows < target) && Date.now() - lifeStart < SYNC_LIFE_CAP_MS) {
				// A failed request stops the app's run until its next trigger (online, visible, a minute, "Gửi ngay"):
				// an impatient reporter presses "Gửi ngay" when nothing moves for a few seconds.
				if (Date.now() - progressAt > STALL_PRESS_MS) {
					if (await pressSendNow(device.page)) syncPresses++;
					progressAt = Date.now();
				}
				if (!uploadFaulted && !killOnWrite && Date.now() - lifeStart > 1_000) {
					// Uploads are faulted by the network itself: a short outage fails the upload in flight.
					uploadFaulted = true;
					await device.context.setOffline(true);
					await delay(300);
					await device.context.setOffline(false);
					faults.uploadOutage++;
				}
				if (!acted && Date.now() - lifeStart > 3_000) {
					acted = true;
					if (life % 3 === 1) {
						await device.page.reload();
						events.reloads++;
					} else if (life % 3 === 2) {
						await device.context.setOffline(true);
						await delay(1_500);
						await device.context.setOffline(false);
						events.flaps++;
					}
				}
				await delay(250);
				const now = await serverRows();
				if (now > rows) progressAt = Date.now();
				rows = now;
			}
			await killAndCount(device, killedOnWrite);
			const how = killedOnWrite ? 'as a story write was answered' : 'syncing';
			console.log(`  kill ${events.kills} (${how}): ${await serverRows()} rows on the server, ${seen.story ?? 0} story writes so far`);
		}

		// 4. Heal: the network is good again; "Gửi ngay" until the outbox is empty, bounded.
		device = await launch(profile, baseURL, false);
		events.relaunches++;
		await openStories(device);
		const healStart = Date.now();
		let presses = 0;
		for (;;) {
			const state = await readDeviceState(device.page, prefix);
			if (state.outbox === 0) break;
			if (Date.now() - healStart > HEAL_LIMIT_MS) {
				throw new Error(`heal: outbox still holds ${state.outbox} entries after ${HEAL_LIMIT_MS / 60_000} min (server: ${await serverRows()} rows)`);
			}
			if (await pressSendNow(device.page)) presses++;
			await delay(2_000);
		}
		const syncMs = Date.now() - syncStart;
		const finalDevice = await readDeviceState(device.page, prefix);
		checkDevice(finalDevice, 'after heal');
		await device.context.close();
		device = undefined;

		// 5. The server, audited independently of the device.
		process.env.SUPABASE_DB_URL = stack.dbUrl;
		const audit = summarise(await auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since }), prefix);
		const ok = passed(audit) && finalDevice.titles.length === TOTAL;
		const totalMs = Date.now() - startedAt.getTime();
		const report = {
			target: 'R1: 1,000 stories with photos created offline across 20 crashes, reloads and network flaps → exactly 1,000 rows and all photos on the server, 0 duplicates, 0 orphans',
			passed: ok,
			prefix,
			stories: TOTAL,
			photos: audit.expectedPhotoRows,
			formStories: events.formStories,
			generatedStories: generated,
			capture: { seconds: captureMs / 1000, generatedStoriesPerSecond: generateMs > 0 ? generated / (generateMs / 1000) : null },
			sync: {
				seconds: syncMs / 1000,
				storiesPerSecond: TOTAL / (syncMs / 1000),
				photosPerSecond: audit.expectedPhotoRows / (syncMs / 1000),
				healSeconds: (Date.now() - healStart) / 1000,
				sendNowPresses: { whileFaulty: syncPresses, heal: presses },
				note: 'from the first online relaunch to an empty outbox, including 11 kills and relaunches, sign-ins again and presses of "Gửi ngay" while faulty'
			},
			events,
			faults,
			storyWritesSeen: seen.story ?? 0,
			device: { stories: finalDevice.titles.length, outbox: finalDevice.outbox },
			audit,
			environment: {
				node: process.version,
				cpus: cpus().length,
				loadAverageAtStart: startLoad,
				loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
				startedAt: startedAt.toISOString(),
				seconds: Math.round(totalMs / 1000)
			}
		};
		mkdirSync(dirname(RESULTS_FILE), { recursive: true });
		writeFileSync(RESULTS_FILE, JSON.stringify(report, null, '\t') + '\n');
		const f = (x: number, d = 1) => x.toFixed(d);
		console.log(`\nR1 crash soak (${TOTAL} stories, ${audit.expectedPhotoRows} photos, ${events.formStories} through the form):`);
		console.log(`  capture offline: ${f(captureMs / 1000)} s (${f(report.capture.generatedStoriesPerSecond ?? 0, 0)} stories/s written in the page)`);
		console.log(`  sync to empty outbox: ${f(syncMs / 1000)} s → ${f(report.sync.storiesPerSecond, 2)} stories/s, ${f(report.sync.photosPerSecond, 2)} photos/s (heal ${f(report.sync.healSeconds)} s, ${syncPresses} + ${presses} × "Gửi ngay")`);
		console.log(`  kills ${events.kills} (${events.midWriteKills} mid-write, ${events.unsavedAtKillReEntered} unsaved stories re-entered), reloads ${events.reloads}, flaps ${events.flaps}`);
		console.log(`  faults injected: ${JSON.stringify(faults)}`);
		console.log(
			`  server: ${audit.rows} rows (${audit.distinctTitles} distinct), ${audit.duplicateTitles.length} duplicates, ${audit.photoRows}/${audit.expectedPhotoRows} photo rows, ${audit.objects} objects, ${audit.missingObjects} missing, ${audit.orphanObjects} orphans, ${audit.strayObjects} stray`
		);
		console.log(`  ${ok ? 'R1 ✓' : 'R1 ✗'} in ${f(totalMs / 1000)} s; wrote ${RESULTS_FILE}`);
		if (!ok) throw new Error(`R1 failed: ${JSON.stringify(audit).slice(0, 2_000)}`);
	} finally {
		await device?.context.close().catch(() => undefined);
		await app.stop();
		await db.end().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
}
