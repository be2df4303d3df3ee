// A reporter's phone for fault-injection tests: a persistent Chromium profile (IndexedDB survives a restart) that can
// be SIGKILLed and relaunched, signing in, waiting for the service worker, capturing a story through the real form
// with tiny generated photos, and reading the device's outbox straight from IndexedDB.
import { chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';

export const PASSWORD = 'ThiDua@2026';
export const REPORTER = 'phongvien.badinh@thidua.test';

/** A small, valid PNG whose bytes differ per seed (so every photo has its own sha256). */
export function tinyPng(seed: number, width = 24, height = 18): Buffer {
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		raw[row] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const i = row + 1 + x * 3;
			raw[i] = (seed * 37 + x * 9) & 0xff;
			raw[i + 1] = (seed * 91 + y * 13) & 0xff;
			raw[i + 2] = (seed * 53 + x * y) & 0xff;
		}
	}
	const chunk = (type: string, data: Buffer): Buffer => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

export interface LaunchOptions {
	profile: string;
	testInfo: TestInfo;
	baseURL: string;
	offline?: boolean;
}

/** Launch (or relaunch after a crash) Chromium on this profile, with the project's executable and flags. */
export async function launchDevice(o: LaunchOptions): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(o.profile, {
		...o.testInfo.project.use.launchOptions,
		baseURL: o.baseURL,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		offline: o.offline ?? false
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/** The pid of the browser process (not a renderer or helper) that runs this profile. */
export function browserPid(profile: string): number {
	const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
	const main = lines.filter((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='));
	if (main.length !== 1) throw new Error(`expected one browser process for ${profile}, found ${main.length}`);
	return Number(main[0]!.trim().split(/\s+/, 1)[0]);
}

/** SIGKILL the browser, as a phone's OS kills an app: no unload, no flush. Resolves once Playwright saw it die. */
export async function killDevice(context: BrowserContext, profile: string): Promise<void> {
	const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
	process.kill(browserPid(profile), 'SIGKILL');
	await closed;
	// Helpers (zygote, GPU) die with their parent; give them a moment so the profile lock is released.
	await expect.poll(() => countProfileProcesses(profile), { timeout: 10_000 }).toBe(0);
}

function countProfileProcesses(profile: string): number {
	const lines = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' }).split('\n');
	// Zombies (stat Z) hold no lock.
	return lines.filter((l) => l.includes(`--user-data-dir=${profile}`) && !/^\s*\d+\s+Z/.test(l)).length;
}

export async function signIn(page: Page, email = REPORTER): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await expect(page.getByTestId('home-roles')).toBeVisible();
}

/** Wait until the service worker is active, has precached the shell and controls this page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (reg.active?.state !== 'activated') {
			await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
		}
	});
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export interface StoryToCapture {
	title: string;
	/** Seeds of the photos (1–2 per story keeps runs short). */
	photoSeeds: number[];
}

/** Fill the real capture form, attach generated photos, save; resolves once the list shows the story as saved. */
export async function captureStory(page: Page, story: StoryToCapture): Promise<void> {
	await page.goto('/app/capture');
	await fillStoryForm(page, story);
	await page.getByTestId('save-story').click();
	await page.waitForURL(/\/app\/stories$/);
	await expect(page.locator('[data-testid=my-story]', { hasText: story.title })).toHaveCount(1);
}

/** Everything but "Lưu": used on its own to leave a half-written story when the browser is killed. */
export async function fillStoryForm(page: Page, story: StoryToCapture): Promise<void> {
	await expect(page.getByTestId('story-form')).toBeVisible();
	await page.getByTestId('kind-good_deed').check();
	await page.getByTestId('field-title').fill(story.title);
	await page.getByTestId('field-body').fill(`Câu chuyện thử nghiệm "${story.title}": bà con trong tổ dân phố cùng nhau dọn dẹp.`);
	await page.getByTestId('field-subjectName').fill('Bà Trần Thị Lan');
	await page.getByTestId('subjectKind-person').check();
	await page.getByTestId('field-consentGivenBy').fill('Bà Trần Thị Lan');
	await page.getByTestId('consentMethod-written').check();
	await page.getByTestId('photo-gallery').setInputFiles(
		story.photoSeeds.map((seed) => ({ name: `anh-${seed}.png`, mimeType: 'image/png', buffer: tinyPng(seed) }))
	);
	await expect(page.locator('[data-testid=photo-item][data-state=ready]')).toHaveCount(story.photoSeeds.length, {
		timeout: 30_000
	});
}

/** The device's outbox as stored (raw IndexedDB, so the check does not depend on the app's own code). */
export async function readOutbox(page: Page): Promise<{ entityId: string; attempts: number; lastError: unknown }[]> {
	return page.evaluate(
		() =>
			new Promise<{ entityId: string; attempts: number; lastError: unknown }[]>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const idb = open.result;
					const read = idb.transaction('outbox', 'readonly').objectStore('outbox').getAll();
					read.onerror = () => reject(read.error ?? new Error('read failed'));
					read.onsuccess = () => {
						idb.close();
						resolve(read.result as { entityId: string; attempts: number; lastError: unknown }[]);
					};
				};
			})
	);
}

/** The stories on "Của tôi" whose title starts with `prefix`, with their shown sync state. */
export async function listedStories(page: Page, prefix: string): Promise<{ title: string; state: string | null }[]> {
	return page.locator('[data-testid=my-story]').evaluateAll(
		(nodes, p) =>
			nodes
				.map((n) => ({
					title: n.querySelector('h2')?.textContent?.trim() ?? '',
					state: n.querySelector('[data-testid=sync-state]')?.getAttribute('data-state') ?? null
				}))
				.filter((s) => s.title.startsWith(p)),
		prefix
	);
}

/** Press "Gửi ngay" (when it is not already sending) until the outbox is empty, as an impatient reporter would. */
export async function sendUntilEmpty(page: Page, timeout = 60_000): Promise<void> {
	const badge = page.getByTestId('sync-badge');
	await expect
		.poll(
			async () => {
				const sendNow = page.getByTestId('send-now');
				if ((await sendNow.isVisible()) && (await sendNow.isEnabled())) await sendNow.click().catch(() => undefined);
				return badge.getAttribute('data-pending');
			},
			{ timeout, intervals: [1_000, 2_000] }
		)
		.toBe('0');
}
