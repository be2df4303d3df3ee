// The reporter signed in inside a Chromium that something else launched (chrome-launcher for Lighthouse): Playwright
// attaches over the debugging port, signs in through the login form in the browser's default context, so the
// supabase-js session lands in that profile's localStorage where every later tab (Lighthouse's included) finds it.
// The session never leaves the browser: there is no cookie to copy, which is why the sign-in happens in the profile.
import { chromium, type Browser, type Page } from '@playwright/test';
import { signIn, waitForServiceWorker } from './app-browser';

export interface SignedInProfile {
	/** A tab of the profile, kept open for setup between measured runs. */
	page: Page;
	/**
	 * Opens `path` and waits until the service worker is active and controls the page (precache complete). The tab is
	 * left on about:blank, as after sign-in, so no app runs in it (sync, timers) while something is measured.
	 */
	installServiceWorker(path: string): Promise<void>;
	/** Detaches Playwright; the browser keeps running for whoever launched it. */
	disconnect(): Promise<void>;
}

export async function signInProfile(port: number, baseURL: string): Promise<SignedInProfile> {
	const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
	try {
		const context = browser.contexts()[0];
		if (!context) throw new Error('the Chromium on port ' + port + ' has no default context');
		const page = await context.newPage();
		page.setDefaultTimeout(60_000);
		await signIn(page, baseURL);
		await page.goto('about:blank');
		return {
			page,
			installServiceWorker: async (path) => {
				await page.goto(`${baseURL}${path}`);
				await waitForServiceWorker(page);
				await page.goto('about:blank');
			},
			disconnect: async () => {
				await page.close().catch(() => undefined);
				// For a browser Playwright connected to, close() only disconnects.
				await browser.close();
			}
		};
	} catch (error) {
		await browser.close().catch(() => undefined);
		throw error;
	}
}
