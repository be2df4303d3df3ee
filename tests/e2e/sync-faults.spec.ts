// R1 and R3 at test size, end to end in Debian Chromium: stories captured offline in a persistent profile survive
// browser kills (SIGKILL), reloads and a faulty network (uploads reset mid-flight, 500/503 answers, answers lost
// after the server committed, a gateway timeout), and reach the server exactly once with every photo and no orphan
// object; signing out keeps waiting stories; a refused story is kept, explained in Vietnamese, and sent later.
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	captureStory,
	fillStoryForm,
	killDevice,
	launchDevice,
	listedStories,
	readOutbox,
	REPORTER,
	sendUntilEmpty,
	signIn,
	waitForServiceWorker,
	type StoryToCapture
} from './helpers/device';
import { auditServer, type ServerAudit } from './helpers/server-audit';

/** Only the Supabase API is faulted; the app's own server and service worker are left alone. */
const supabaseHost = () => new URL(process.env.SUPABASE_URL ?? 'http://127.0.0.1:54321').host;
const isStoryWrite = (url: URL) => url.pathname === '/rest/v1/story';
const isUpload = (url: URL) => url.pathname.startsWith('/storage/v1/object/');

function runPrefix(label: string): string {
	return `${label} ${Date.now().toString(36)} ·`;
}

function storiesFor(prefix: string, count: number, seedBase: number): StoryToCapture[] {
	return Array.from({ length: count }, (_, i) => ({
		title: `${prefix} câu chuyện ${String(i + 1).padStart(2, '0')}`,
		// Every third story carries two photos.
		photoSeeds: i % 3 === 2 ? [seedBase + i * 2, seedBase + i * 2 + 1] : [seedBase + i * 2]
	}));
}

/** Exactly these stories on the server, each once, each with all its photos and objects, nothing left over. */
function expectServerHolds(audit: ServerAudit, expected: StoryToCapture[]): void {
	expect(audit.duplicateTitles).toEqual([]);
	expect(audit.stories.map((s) => s.title)).toEqual(expected.map((s) => s.title).sort());
	expect(new Set(audit.stories.map((s) => s.id)).size).toBe(expected.length);
	for (const story of expected) {
		const row = audit.stories.find((s) => s.title === story.title);
		expect(row, story.title).toMatchObject({
			photoRows: story.photoSeeds.length,
			objects: story.photoSeeds.length * 2, // photo + thumbnail
			missingObjects: 0,
			orphanObjects: []
		});
	}
	expect(audit.strayObjects).toEqual([]);
}

/** Route requests matching `match`; the handler gets the 1-based count of matching requests so far. */
async function injectFaults(
	context: BrowserContext,
	match: (url: URL, method: string) => boolean,
	handler: (route: Route, n: number) => Promise<void>
): Promise<void> {
	let n = 0;
	await context.route(
		(url) => url.host === supabaseHost(),
		async (route) => {
			const request = route.request();
			if (!match(new URL(request.url()), request.method())) return route.fallback();
			n += 1;
			await handler(route, n).catch(() => undefined); // the browser may be killed while a fault is pending
		}
	);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('stories captured offline across browser kills, reloads and network faults reach the server exactly once, with every photo and no orphan', async ({
	baseURL
}, testInfo) => {
	test.setTimeout(240_000);
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('R1');
	const stories = storiesFor(prefix, 14, 1_000);
	const abandoned: StoryToCapture = { title: `${prefix} bị bỏ dở khi máy tắt`, photoSeeds: [999] };
	const profile = mkdtempSync(join(tmpdir(), 'thidua-faults-'));
	let device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
	try {
		// 1. Signed in once online; from here the app must work from the service worker.
		await signIn(device.page);
		await waitForServiceWorker(device.page);
		await device.context.setOffline(true);

		// 2. Offline: five stories, a reload after the third, then a sixth half-written when the browser is killed.
		for (const [i, story] of stories.slice(0, 5).entries()) {
			await captureStory(device.page, story);
			if (i === 2) await device.page.reload();
		}
		await device.page.goto('/app/capture');
		await fillStoryForm(device.page, abandoned);
		await killDevice(device.context, profile);

		// 3. Relaunched offline: the app loads from the service worker and the five stories are still waiting.
		device = await launchDevice({ profile, testInfo, baseURL: baseURL!, offline: true });
		await device.page.goto('/app/stories');
		await expect.poll(() => listedStories(device.page, prefix).then((l) => l.length)).toBe(5);
		expect(await readOutbox(device.page)).toHaveLength(5);
		for (const [i, story] of stories.slice(5, 10).entries()) {
			await captureStory(device.page, story);
			if (i === 2) await device.page.reload();
		}
		expect(await readOutbox(device.page)).toHaveLength(10);
		const audit = () => auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since });
		expect((await audit()).stories).toEqual([]); // offline means offline: nothing reached the server

		// 4. Back online: the batch's photos upload and its rows are committed on the server, but the answer never
		//    comes back — the browser is killed while that request hangs (a kill mid-push with the ack lost).
		let heldRows!: () => void;
		const rowsHeld = new Promise<void>((resolve) => (heldRows = resolve));
		await injectFaults(
			device.context,
			(url, method) => isStoryWrite(url) && method === 'POST',
			async (route) => {
				await route.fetch(); // committed on the server…
				heldRows();
				await new Promise<never>(() => undefined); // …and the phone hangs until the browser dies
			}
		);
		await device.context.setOffline(false);
		await rowsHeld;
		await killDevice(device.context, profile);
		// Killed mid-push: the rows are in, but their photo rows were never written (the push stopped before that
		// step), so the photos are stored without rows until the replay below.
		const midway = await audit();
		expect(midway.stories.map((s) => s.title).sort()).toEqual(stories.slice(0, 10).map((s) => s.title).sort());
		expect(midway.strayObjects.length).toBeGreaterThan(0);

		// 5. Relaunched online into a bad network: uploads reset before and after reaching the server, story writes
		//    answered 500 and 503, one committed but its answer lost, one timed out at the gateway.
		device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
		const faults = { uploads: 0, rows: 0 };
		await injectFaults(
			device.context,
			(url) => isUpload(url),
			async (route, n) => {
				if (n === 1 || n === 4) {
					faults.uploads++;
					return route.abort('connectionreset');
				}
				if (n === 3) {
					faults.uploads++;
					await route.fetch(); // stored on the server…
					return route.abort('connectionreset'); // …but the phone never hears back
				}
				return route.continue();
			}
		);
		await injectFaults(
			device.context,
			(url, method) => isStoryWrite(url) && method === 'POST',
			async (route, n) => {
				const json = (status: number, body: object) =>
					route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
				if (n === 1) {
					faults.rows++;
					return json(500, { code: 'XX000', message: 'injected: internal error', details: null, hint: null });
				}
				if (n === 2) {
					faults.rows++;
					return json(503, { code: 'PGRST000', message: 'injected: database unavailable', details: null, hint: null });
				}
				if (n === 3) {
					faults.rows++;
					await route.fetch(); // committed on the server…
					await delay(1_500);
					return route.abort('timedout'); // …answer lost
				}
				if (n === 4) {
					faults.rows++;
					await delay(4_000);
					return json(504, { code: '', message: 'injected: gateway timeout', details: null, hint: null });
				}
				return route.continue();
			}
		);
		await device.page.goto('/app/stories');
		await expect.poll(() => listedStories(device.page, prefix).then((l) => l.length)).toBe(10);
		// New stories keep coming in while the network misbehaves, with a flap and a reload in between.
		await captureStory(device.page, stories[10]!);
		await captureStory(device.page, stories[11]!);
		await device.context.setOffline(true);
		await captureStory(device.page, stories[12]!);
		await device.context.setOffline(false);
		await device.page.reload();
		await captureStory(device.page, stories[13]!);

		// 6. "Gửi ngay" until the device has nothing left to send.
		await sendUntilEmpty(device.page, 90_000);
		expect(faults).toEqual({ uploads: 3, rows: 4 });

		// The device: outbox empty, every story (and not the abandoned one) shown as sent.
		expect(await readOutbox(device.page)).toEqual([]);
		await device.page.reload();
		await expect
			.poll(() => listedStories(device.page, prefix))
			.toEqual(expect.arrayContaining(stories.map((s) => ({ title: s.title, state: 'sent' }))));
		expect(await listedStories(device.page, prefix)).toHaveLength(stories.length);

		// The server: exactly these 14 stories, once each, every photo and thumbnail, no orphan object.
		expectServerHolds(await audit(), stories);
	} finally {
		await device.context.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
});

// Chromium writes localStorage to disk seconds after a change, so a phone that kills the browser right after sign-in
// used to come back signed out: offline it showed the sign-in page instead of the waiting stories. The session and
// the cached identity now live in IndexedDB, committed before the app goes on.
test('a browser killed seconds after sign-in comes back signed in, offline with its story and online to send it', async ({
	baseURL
}, testInfo) => {
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('R3 early kill');
	const [story] = storiesFor(prefix, 1, 3_000) as [StoryToCapture];
	const profile = mkdtempSync(join(tmpdir(), 'thidua-early-kill-'));
	let device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
	try {
		await signIn(device.page);
		await waitForServiceWorker(device.page);
		await device.context.setOffline(true);
		await captureStory(device.page, story);
		await killDevice(device.context, profile);

		device = await launchDevice({ profile, testInfo, baseURL: baseURL!, offline: true });
		await device.page.goto('/app/stories');
		await expect.poll(() => listedStories(device.page, prefix).then((l) => l.length)).toBe(1);
		expect(device.page.url()).not.toContain('/login');
		await device.context.close();

		device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
		await device.page.goto('/app/stories');
		await expect.poll(() => listedStories(device.page, prefix).then((l) => l.length)).toBe(1);
		await sendUntilEmpty(device.page);
		// The badge may read 0 before it has counted the outbox: the story's own state is what proves it went out.
		await expect
			.poll(() => listedStories(device.page, prefix), { timeout: 60_000 })
			.toEqual([{ title: story.title, state: 'sent' }]);
		expect(device.page.url()).not.toContain('/login');
		expectServerHolds(await auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since }), [story]);
	} finally {
		await device.context.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
});

/** Sign in in a fresh incognito-like context and let the service worker take over. */
async function signInWithWorker(page: Page): Promise<void> {
	await signIn(page);
	await waitForServiceWorker(page);
}

test('signing out with stories waiting warns, keeps them on the device, and sends them after signing in again', async ({
	context,
	page
}) => {
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('R3 signout');
	const stories = storiesFor(prefix, 2, 2_000);
	await signInWithWorker(page);

	// Captured offline, then back online to a server that refuses everything for now.
	await context.setOffline(true);
	for (const story of stories) await captureStory(page, story);
	await injectFaults(
		context,
		(url) => isStoryWrite(url) || isUpload(url),
		(route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"injected: unavailable"}' })
	);
	await context.setOffline(false);
	await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-pending', '2');

	// The warning names what stays on the device; signing out anyway keeps it.
	await page.getByTestId('sign-out').click();
	const dialog = page.getByTestId('sign-out-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Còn 2 câu chuyện chưa gửi');
	await page.getByTestId('sign-out-confirm').click();
	await page.waitForURL(/\/login/);
	expect((await readOutbox(page)).map((e) => e.entityId)).toHaveLength(2);

	// Signed in again: still waiting, then sent once the server is back.
	await signIn(page);
	await page.goto('/app/stories');
	await expect.poll(() => listedStories(page, prefix).then((l) => l.length)).toBe(2);
	expect(await readOutbox(page)).toHaveLength(2);
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	await sendUntilEmpty(page);
	await expect.poll(() => listedStories(page, prefix)).toEqual(
		expect.arrayContaining(stories.map((s) => ({ title: s.title, state: 'sent' })))
	);
	expectServerHolds(await auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since }), stories);
});

test('a story the server refuses is kept, shown as failed with a Vietnamese reason, and sent after the refusal is lifted', async ({
	context,
	page
}) => {
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('R3 rejected');
	const stories = storiesFor(prefix, 3, 3_000);
	const refused = stories[1]!;
	await signInWithWorker(page);

	// The server refuses, like an RLS WITH CHECK denial, every write that carries the refused story.
	let refusals = 0;
	await injectFaults(
		context,
		(url, method) => isStoryWrite(url) && method === 'POST',
		async (route) => {
			if (!(route.request().postData() ?? '').includes(refused.title)) return route.continue();
			refusals++;
			return route.fulfill({
				status: 403,
				contentType: 'application/json',
				body: JSON.stringify({
					code: '42501',
					message: 'new row violates row-level security policy for table "story"',
					details: null,
					hint: null
				})
			});
		}
	);
	await context.setOffline(true);
	for (const story of stories) await captureStory(page, story);
	await context.setOffline(false);

	const card = (s: StoryToCapture) => page.locator('[data-testid=my-story]', { hasText: s.title });
	await expect(card(refused).getByTestId('sync-state')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
	await expect(card(refused).getByTestId('sync-failure')).toContainText('chưa được phép gửi câu chuyện');
	for (const s of [stories[0]!, stories[2]!]) {
		await expect(card(s).getByTestId('sync-state')).toHaveAttribute('data-state', 'sent');
	}

	// Kept across a reload, not retried by itself, the reason still shown.
	await page.reload();
	await expect(card(refused).getByTestId('sync-state')).toHaveAttribute('data-state', 'failed');
	await expect(card(refused).getByTestId('sync-failure')).toBeVisible();
	const outbox = await readOutbox(page);
	expect(outbox).toHaveLength(1);
	expect(outbox[0]!.lastError).toMatchObject({ kind: 'rejected' });
	const refusalsBefore = refusals;
	await delay(1_500);
	expect(refusals).toBe(refusalsBefore);

	// The refusal is lifted (e.g. the reporter's role was fixed): "Gửi ngay" sends it.
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	await sendUntilEmpty(page);
	await expect(card(refused).getByTestId('sync-state')).toHaveAttribute('data-state', 'sent');
	await expect(card(refused).getByTestId('sync-failure')).toHaveCount(0);
	expect(await readOutbox(page)).toEqual([]);
	expectServerHolds(await auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since }), stories);
});
