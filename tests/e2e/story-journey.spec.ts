// The whole path of a good-deed story: a reporter captures it offline with two photos (one a large JPEG carrying
// EXIF GPS), it survives a reload offline, syncs by itself when the network returns, the unit officer verifies it,
// the city admin publishes it, and an anonymous visitor finds it in the server-rendered gallery — photo without GPS.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const PASSWORD = 'ThiDua@2026';
const fixtures = new URL('../fixtures/', import.meta.url);
const gpsJpeg = new URL('large-gps.jpg', fixtures).pathname;
const smallPng = new URL('small.png', fixtures).pathname;

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await expect(page.getByTestId('home-roles')).toBeVisible();
}

/** Wait until the service worker is active, has precached the shell and controls this page. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (reg.active?.state !== 'activated') {
			await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
		}
	});
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

function apiClient() {
	return createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

async function newSignedInPage(context: BrowserContext, email: string): Promise<Page> {
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

test('a story captured offline reaches the public gallery, with its photo stripped of GPS', async ({ browser, context, page }) => {
	const title = `Ông Bảy dọn rác bờ hồ mỗi sáng ${Date.now()}`;

	// 1. The reporter signs in once online; the app shell is cached for offline use.
	await signIn(page, 'phongvien.badinh@thidua.test');
	await waitForServiceWorker(page);

	// 2. Offline: the app still loads, and the story is captured with two photos.
	await context.setOffline(true);
	await page.goto('/app/capture');
	await expect(page.getByTestId('story-form')).toBeVisible();
	await page.getByTestId('kind-good_deed').check();
	await page.getByTestId('field-title').fill(title);
	await page
		.getByTestId('field-body')
		.fill('Sáng nào ông Bảy cũng dậy từ 5 giờ, nhặt rác quanh bờ hồ và nhắc các cháu giữ gìn vệ sinh chung.');
	await page.getByTestId('field-subjectName').fill('Ông Nguyễn Văn Bảy');
	await page.getByTestId('subjectKind-person').check();
	await page.getByTestId('field-address').fill('Tổ dân phố 5, phường Ba Đình');
	await page.getByTestId('field-consentGivenBy').fill('Ông Nguyễn Văn Bảy');
	await page.getByTestId('consentMethod-written').check();
	await page.getByTestId('photo-gallery').setInputFiles([gpsJpeg, smallPng]);
	await expect(page.locator('[data-testid=photo-item][data-state=ready]')).toHaveCount(2, { timeout: 30_000 });
	await page.getByTestId('save-story').click();

	await page.waitForURL(/\/app\/stories$/);
	const mine = page.locator('[data-testid=my-story]', { hasText: title });
	await expect(mine.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved');

	// 3. Reload while still offline: the story and both photos are still on the device.
	await page.reload();
	await expect(mine.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved');
	const storyId = await mine.getAttribute('data-story-id');
	expect(storyId).toBeTruthy();
	await page.goto(`/app/stories/${storyId}`);
	await expect(page.locator('[data-testid=story-view] img')).toHaveCount(2);

	// Nothing reached the server yet.
	const admin = apiClient();
	await admin.auth.signInWithPassword({ email: 'thanhpho@thidua.test', password: PASSWORD });
	expect((await admin.from('story').select('id').eq('id', storyId!)).data).toHaveLength(0);

	// 4. Back online: it syncs with no user action.
	await page.goto('/app/stories').catch(() => undefined);
	await context.setOffline(false);
	await expect(mine.getByTestId('sync-state')).toHaveAttribute('data-state', 'sent', { timeout: 45_000 });
	const onServer = await admin.from('story').select('id, status, title').eq('id', storyId!).single();
	expect(onServer.data).toMatchObject({ status: 'submitted', title });
	const photos = await admin.from('story_photo').select('storage_path, width, height, sha256').eq('story_id', storyId!);
	expect(photos.data).toHaveLength(2);
	for (const p of photos.data!) expect(Math.max(p.width as number, p.height as number)).toBeLessThanOrEqual(1600);

	// A reporter of another unit never sees it.
	const other = apiClient();
	await other.auth.signInWithPassword({ email: 'phongvien.donganh@thidua.test', password: PASSWORD });
	expect((await other.from('story').select('id').eq('id', storyId!)).data).toHaveLength(0);

	// 5. The unit officer verifies it.
	const officerContext = await browser.newContext();
	const officer = await newSignedInPage(officerContext, 'canbo.badinh@thidua.test');
	await officer.goto('/app/review');
	const card = officer.locator(`[data-testid=review-story][data-story-id="${storyId}"]`);
	await expect(card).toBeVisible();
	await expect(card.locator('img').first()).toBeVisible();
	await card.getByTestId('review-verify').click();
	await expect(card).toHaveCount(0);
	await expect.poll(async () => (await admin.from('story').select('status').eq('id', storyId!).single()).data?.status).toBe('verified');
	await officerContext.close();

	// 6. The city admin publishes it.
	const adminContext = await browser.newContext();
	const adminPage = await newSignedInPage(adminContext, 'thanhpho@thidua.test');
	await adminPage.goto('/app/publish');
	const toPublish = adminPage.locator(`[data-testid=review-story][data-story-id="${storyId}"]`);
	await toPublish.getByTestId('publish-story').click();
	await expect(toPublish).toHaveCount(0);
	await expect.poll(async () => (await admin.from('story').select('status').eq('id', storyId!).single()).data?.status).toBe('published');
	await adminContext.close();

	// 7. An anonymous visitor finds it in the server-rendered gallery; the served photo carries no EXIF/GPS.
	const anon = await browser.newContext({ javaScriptEnabled: false });
	const gallery = await anon.request.get('/gallery');
	expect(gallery.ok()).toBe(true);
	expect(await gallery.text()).toContain(title);
	const storyPage = await anon.request.get(`/gallery/${storyId}`);
	const html = await storyPage.text();
	expect(html).toContain(title);
	const mediaUrls = [...html.matchAll(/src="([^"]*\/media\/[^"]+)"/g)].map((m) => m[1]!);
	expect(mediaUrls.length).toBeGreaterThan(0);
	const original = readFileSync(gpsJpeg);
	expect(original.includes('Exif')).toBe(true); // the fixture really carries EXIF GPS
	for (const url of mediaUrls) {
		const res = await anon.request.get(url.replaceAll('&amp;', '&'));
		expect(res.ok()).toBe(true);
		const bytes = await res.body();
		expect(bytes.length).toBeGreaterThan(100);
		expect(bytes.includes('Exif')).toBe(false);
		expect(bytes.includes('GPS')).toBe(false);
	}
	await anon.close();

	// The reporter's phone learns the new status by itself.
	await page.reload();
	await expect(mine.getByTestId('server-status')).toHaveAttribute('data-status', 'published', { timeout: 30_000 });
});
