// The built app in Debian Chromium for the browser benchmarks (P3, P4, P6): `vite build`, `node build` with the
// started stack's URL and keys, a persistent Chromium context (durable IndexedDB, like a phone), the reporter signed
// in and the service worker active. close() stops the browser and the server; it is safe after a partial start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { buildAndServe } from '../app-server';
import type { Stack } from '../../supabase/local/stack';

export const REPORTER = { email: 'phongvien.badinh@thidua.test', password: 'ThiDua@2026' };
export const UNIT_BA_DINH = '11111111-1111-4111-8111-000000000001';

export interface App {
	baseURL: string;
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	close(): Promise<void>;
}


/**
 * tsx compiles with keepNames, so functions handed to page.evaluate may call esbuild's `__name` helper, which the
 * page does not have; an identity stand-in makes them run unchanged.
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f);';

export async function startApp(stack: Stack): Promise<App> {
	const app = await buildAndServe(stack, 'Browser benchmarks');
	const { baseURL } = app;
	const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
	let context: BrowserContext | undefined;
	const close = async (): Promise<void> => {
		await context?.close().catch(() => undefined);
		await app.stop();
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
			baseURL,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh',
			// The naive P3 writer loads Dexie's UMD build as a script tag, which the app's CSP (script hashes) would refuse.
			bypassCSP: true
		});
		await context.addInitScript(NAME_HELPER);
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(60_000);
		await signIn(page);
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		return { baseURL, context, page, cdp, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Signs the reporter in through the login form; baseURL is needed where the context has none (a CDP connection). */
export async function signIn(page: Page, baseURL = ''): Promise<void> {
	await page.goto(`${baseURL}/login`);
	await page.locator('#email').fill(REPORTER.email);
	await page.locator('#password').fill(REPORTER.password);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await page.getByTestId('home-roles').waitFor();
}

/** Capture must work offline (P3 saves with the network off so nothing syncs meanwhile): the shell must be cached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (reg.active?.state !== 'activated') {
			await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
		}
	});
	for (let i = 0; i < 20 && !(await page.evaluate(() => navigator.serviceWorker.controller !== null)); i++) {
		await page.reload();
	}
}

export async function setCpuThrottling(cdp: CDPSession, rate: number): Promise<void> {
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Offline through the page's own CDP session rather than context.setOffline: P6 later replaces these conditions
 * with a throttled link in one call on the same session, so the app never sees an unthrottled moment online.
 */
export async function setOffline(cdp: CDPSession, offline: boolean): Promise<void> {
	await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}
