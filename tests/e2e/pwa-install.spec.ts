// The app is installable: in a persistent Chromium profile (the default incognito context cannot install),
// Chromium reports no installability errors once the service worker controls /app, and the manifest is Vietnamese.
import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('Chromium finds the app installable, with a Vietnamese manifest', async ({ baseURL }, testInfo) => {
	const profile = mkdtempSync(join(tmpdir(), 'thidua-pwa-'));
	const context = await chromium.launchPersistentContext(profile, {
		...testInfo.project.use.launchOptions,
		baseURL,
		locale: 'vi-VN'
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		// The service worker is registered by the signed-in app, so install after signing in, as a user would.
		await page.goto('/login');
		await page.locator('#email').fill('phongvien.badinh@thidua.test');
		await page.locator('#password').fill('ThiDua@2026');
		await page.getByTestId('login-submit').click();
		await page.waitForURL(/\/app\/?$/);
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			if (reg.active?.state !== 'activated') {
				await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
			}
		});
		await page.reload();

		const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
		expect(manifestHref).toBeTruthy();
		const manifest = (await (await page.request.get(manifestHref!)).json()) as Record<string, unknown>;
		expect(manifest.lang).toBe('vi');
		expect(manifest.name).toContain('Thi đua');

		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
