// What the journey specs share: this year in Hanoi, a signed-in page in its own context, supabase-js clients as a
// person or as the service role (for setup and checks), the success-notice check, and screenshots at several widths.
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { PASSWORD, signIn } from './device';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export type Viewport = { width: number; height: number };

/** The calendar year in Hanoi: the seed's "this year" (it runs on the same day as the tests). */
export const hanoiYear = (): number =>
	Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

function client(key: string): SupabaseClient {
	return createClient(process.env.SUPABASE_URL!, key, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

/** supabase-js as `email` (signed in with the demo password), or anonymous for null. */
export async function apiAs(email: string | null): Promise<SupabaseClient> {
	const c = client(process.env.SUPABASE_ANON_KEY!);
	if (email) {
		const { error } = await c.auth.signInWithPassword({ email, password: PASSWORD });
		if (error) throw error;
	}
	return c;
}

/** The service role, for fixtures and checks behind the screens (set by tests/run-all.ts). */
export function serviceClient(): SupabaseClient {
	const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
	if (!process.env.SUPABASE_URL || !key) throw new Error('SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set by tests/run-all.ts');
	return client(key);
}

/** A fresh browser context at `viewport`, signed in as `email`. */
export async function signedInPage(browser: Browser, email: string, viewport: Viewport = PHONE): Promise<Page> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** Waits for the success notice, then closes it so the next step's notice is the one checked. */
export async function expectSuccess(page: Page, text: string | RegExp): Promise<void> {
	const notice = page.getByTestId('notices-status').locator('.notice', { hasText: text });
	await expect(notice).toBeVisible();
	await notice.getByRole('button').click();
	await expect(page.getByTestId('notices-errors')).toBeEmpty();
}

/** The page at each width (full page), for a person to look at; the viewport is restored afterwards. */
export async function shoot(
	page: Page,
	testInfo: TestInfo,
	name: string,
	sizes: readonly (readonly [string, Viewport])[] = [
		['390', PHONE],
		['1280', DESKTOP]
	]
): Promise<void> {
	const before = page.viewportSize();
	for (const [label, size] of sizes) {
		await page.setViewportSize(size);
		// Let the new width lay out and paint before a full-page capture (else parts of the old layout show).
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		await page.screenshot({ path: testInfo.outputPath(`${name}-${label}.png`), fullPage: true });
	}
	if (before) await page.setViewportSize(before);
}
