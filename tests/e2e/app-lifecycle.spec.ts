// Issue 4, the app's life on a real phone, in persistent Chromium profiles: a new deployed version (a byte-different
// service worker) is announced with a reload prompt and reloading never strands a story waiting in the outbox; a full
// disk (IndexedDB refusing the photo write with a QuotaExceededError, mid-transaction) is told to the user in Vietnamese and leaves nothing half-saved; the
// same reporter on two phones sees both phones' stories and each phone sends only its own; the app asks the browser
// to keep its storage persistent.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	captureStory,
	fillStoryForm,
	launchDevice,
	listedStories,
	REPORTER,
	sendUntilEmpty,
	signIn,
	waitForServiceWorker
} from './helpers/device';
import { startDeployProxy } from './helpers/deploy-proxy';
import { readLocalDb } from './helpers/local-db';
import { auditServer } from './helpers/server-audit';

const supabaseHost = () => new URL(process.env.SUPABASE_URL ?? 'http://127.0.0.1:54321').host;

function runPrefix(label: string): string {
	return `${label} ${Date.now().toString(36)} ·`;
}

function newProfile(label: string): string {
	return mkdtempSync(join(tmpdir(), `thidua-${label}-`));
}

/** The Supabase API is unreachable (the app's own server still answers): stories must stay in the outbox. */
async function cutSupabase(context: BrowserContext): Promise<() => Promise<void>> {
	const matcher = (url: URL) => url.host === supabaseHost();
	await context.route(matcher, (route) => route.abort('internetdisconnected'));
	return () => context.unroute(matcher);
}

/**
 * Installed in every page: while `window.diskFull` is set, writes to the `photos` store fail as Chromium fails them
 * when the origin is out of quota. (CDP's Storage.overrideQuotaForOrigin has no effect in this Chromium: the quota
 * stays 10 GB and writes succeed, so the refusal is injected at the IndexedDB API instead.)
 */
function simulateFullDisk(): void {
	const flag = window as Window & { diskFull?: boolean };
	for (const method of ['put', 'add'] as const) {
		const original = IDBObjectStore.prototype[method];
		IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]): IDBRequest<IDBValidKey> {
			if (flag.diskFull && this.name === 'photos') {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return original.apply(this, args);
		};
	}
}

async function setDiskFull(page: Page, full: boolean): Promise<void> {
	await page.evaluate((f) => {
		(window as Window & { diskFull?: boolean }).diskFull = f;
	}, full);
}

async function serverTitles(prefix: string, since: Date): Promise<string[]> {
	const audit = await auditServer({ titlePrefix: prefix, authorEmail: REPORTER, since });
	expect(audit.duplicateTitles).toEqual([]);
	return audit.stories.map((s) => s.title);
}

test('a new deployed version is announced with a reload prompt, and reloading keeps the offline story queued until it is sent once', async ({
	baseURL
}, testInfo) => {
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('SW');
	const story = { title: `${prefix} chờ gửi qua bản cập nhật`, photoSeeds: [4_101] };
	const profile = newProfile('sw-update');
	// The phone reaches the app through a front server that can go live with a new build.
	const front = await startDeployProxy(baseURL!);
	const device = await launchDevice({ profile, testInfo, baseURL: front.url });
	try {
		await signIn(device.page);
		await waitForServiceWorker(device.page);

		// Offline: the story waits in the outbox.
		await device.context.setOffline(true);
		await captureStory(device.page, story);
		expect((await readLocalDb(device.page)).outbox).toHaveLength(1);
		const prompt = device.page.getByTestId('update-prompt');
		await expect(prompt).toBeHidden(); // no new version yet: nothing to announce

		// A new version is deployed while the phone is offline. It comes back to a network where the app's server
		// answers but the API does not yet, so the story is still waiting when the browser checks for an update.
		front.deploy();
		const restoreSupabase = await cutSupabase(device.context);
		await device.context.setOffline(false);
		await device.page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		expect(front.newWorkerFetches()).toBeGreaterThan(0);

		// The user is told, and reloads.
		await expect(prompt).toBeVisible();
		const reloaded = device.page.waitForEvent('load');
		await prompt.getByRole('button').click();
		await reloaded;
		await expect(prompt).toBeHidden();
		// The new worker took over: nothing waits any more and the page is controlled.
		await expect
			.poll(() =>
				device.page.evaluate(async () => {
					const reg = await navigator.serviceWorker.getRegistration();
					return { waiting: Boolean(reg?.waiting), controlled: navigator.serviceWorker.controller !== null };
				})
			)
			.toEqual({ waiting: false, controlled: true });

		// After the reload the story is still on the phone, still queued, and nothing reached the server.
		await device.page.goto('/app/stories');
		await expect.poll(() => listedStories(device.page, prefix)).toEqual([{ title: story.title, state: 'saved' }]);
		const local = await readLocalDb(device.page);
		const mine = local.stories.find((s) => s.title === story.title);
		expect(mine?.photos).toBe(1);
		expect(local.outbox).toEqual([mine?.id]);
		expect(await serverTitles(prefix, since)).toEqual([]);

		// The API is back: the story is sent, exactly once.
		await restoreSupabase();
		await sendUntilEmpty(device.page);
		await expect.poll(() => listedStories(device.page, prefix)).toEqual([{ title: story.title, state: 'sent' }]);
		expect(await serverTitles(prefix, since)).toEqual([story.title]);
	} finally {
		await device.context.close();
		await front.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a full disk is told to the user in Vietnamese, leaves nothing half-saved, and the same form saves once space is freed', async ({
	baseURL
}, testInfo) => {
	const prefix = runPrefix('QUOTA');
	const story = { title: `${prefix} khi bộ nhớ đầy`, photoSeeds: [4_201] };
	const profile = newProfile('quota');
	const device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
	try {
		await device.context.addInitScript(simulateFullDisk);
		await signIn(device.page);
		await waitForServiceWorker(device.page);
		await device.context.setOffline(true);
		const before = await readLocalDb(device.page);

		await device.page.goto('/app/capture');
		await fillStoryForm(device.page, story);
		// The phone runs out of space while the photo is written, after the story itself was put in the same transaction.
		await setDiskFull(device.page, true);
		await device.page.getByTestId('save-story').click();

		const errors = device.page.getByTestId('notices-errors');
		await expect(errors).toContainText('Bộ nhớ máy đã đầy');
		await expect(device.page.getByRole('alert').filter({ hasText: 'Bộ nhớ máy đã đầy' })).toBeVisible();
		await expect(device.page).toHaveURL(/\/app\/capture$/);
		// Nothing half-saved: no new story, no photo, no outbox entry.
		expect(await readLocalDb(device.page)).toEqual(before);

		// Space is freed; the reporter taps save again on the same form.
		await setDiskFull(device.page, false);
		await device.page.getByTestId('save-story').click();
		await device.page.waitForURL(/\/app\/stories$/);
		const after = await readLocalDb(device.page);
		const saved = after.stories.filter((s) => s.title === story.title);
		expect(saved).toHaveLength(1);
		expect(saved[0]?.photos).toBe(1);
		expect(after.outbox).toEqual([...before.outbox, saved[0]?.id]);
		expect(after.orphanPhotos).toBe(0);
	} finally {
		await device.context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test("the same reporter on two phones sees both phones' stories with the server status, and each phone sends only its own", async ({
	baseURL
}, testInfo) => {
	const since = new Date(Date.now() - 2_000);
	const prefix = runPrefix('2DEV');
	const fromA = { title: `${prefix} ghi trên máy A`, photoSeeds: [4_301] };
	const fromB = { title: `${prefix} ghi trên máy B`, photoSeeds: [4_302] };
	const profiles = [newProfile('phone-a'), newProfile('phone-b')] as const;
	const a = await launchDevice({ profile: profiles[0], testInfo, baseURL: baseURL! });
	const b = await launchDevice({ profile: profiles[1], testInfo, baseURL: baseURL! });
	const showsBoth = async (page: Page, states: { a: string; b: string }) => {
		await page.goto('/app/stories');
		await expect
			.poll(() => listedStories(page, prefix), { timeout: 30_000 })
			.toEqual(
				expect.arrayContaining([
					{ title: fromA.title, state: states.a },
					{ title: fromB.title, state: states.b }
				])
			);
		const statuses = await page
			.locator('[data-testid=my-story]', { hasText: prefix })
			.locator('[data-testid=server-status]')
			.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
		expect(statuses).toEqual(['submitted', 'submitted']);
	};
	try {
		await signIn(a.page);
		await signIn(b.page);

		// Phone A captures and sends.
		await captureStory(a.page, fromA);
		await sendUntilEmpty(a.page);
		expect(await serverTitles(prefix, since)).toEqual([fromA.title]);

		// Phone B pulls it: listed as sent with the server's status, and not queued to be sent again from B.
		await b.page.goto('/app/stories');
		await expect
			.poll(() => listedStories(b.page, prefix), { timeout: 30_000 })
			.toEqual([{ title: fromA.title, state: 'sent' }]);
		await expect(b.page.locator('[data-testid=my-story]', { hasText: fromA.title }).getByTestId('server-status')).toHaveAttribute(
			'data-status',
			'submitted'
		);
		expect((await readLocalDb(b.page)).outbox).toEqual([]);

		// Phone B captures its own; only that one leaves B.
		await captureStory(b.page, fromB);
		const bLocal = await readLocalDb(b.page);
		expect(bLocal.outbox).toEqual([bLocal.stories.find((s) => s.title === fromB.title)?.id]);
		await sendUntilEmpty(b.page);
		expect(await serverTitles(prefix, since)).toEqual([fromA.title, fromB.title].sort());

		// Both phones end with both stories, sent, and empty outboxes.
		await showsBoth(b.page, { a: 'sent', b: 'sent' });
		await showsBoth(a.page, { a: 'sent', b: 'sent' });
		expect((await readLocalDb(a.page)).outbox).toEqual([]);
		expect((await readLocalDb(b.page)).outbox).toEqual([]);
		expect(await serverTitles(prefix, since)).toHaveLength(2);
	} finally {
		await a.context.close();
		await b.context.close();
		for (const p of profiles) rmSync(p, { recursive: true, force: true });
	}
});

test('the app asks the browser to keep its storage persistent when it starts (headless Chromium answers no)', async ({
	baseURL
}, testInfo) => {
	const profile = newProfile('persist');
	const device = await launchDevice({ profile, testInfo, baseURL: baseURL! });
	try {
		// Record the app's persist() calls and the browser's answers, without changing what they do.
		await device.context.addInitScript(() => {
			const storage = navigator.storage;
			const original = storage.persist.bind(storage);
			const w = window as Window & { persistAnswers?: boolean[] };
			w.persistAnswers = [];
			storage.persist = async () => {
				const granted = await original();
				w.persistAnswers?.push(granted);
				return granted;
			};
		});
		const answers = () => device.page.evaluate(() => (window as Window & { persistAnswers?: boolean[] }).persistAnswers ?? []);
		await device.page.goto('/login');
		expect(await device.page.evaluate(() => navigator.storage.persisted())).toBe(false);

		await signIn(device.page);
		await expect.poll(async () => (await answers()).length).toBeGreaterThan(0);
		// Chromium grants durable storage only to installed or engaged sites; a fresh headless profile is neither, so
		// the answer is no. Whatever it is, the origin's state is what the browser answered the app.
		const persisted = await device.page.evaluate(() => navigator.storage.persisted());
		expect((await answers()).at(-1)).toBe(persisted);
		expect(persisted).toBe(false);
	} finally {
		await device.context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
