// Issue 9's gates that need the running app: the security headers on every kind of response, a Content-Security-
// Policy the app really runs under (an injected inline script is refused, online and from the service worker
// offline, while the app itself raises no violation), and English as a complete, switchable second language.
import { expect, test, type Page } from '@playwright/test';
import { REPORTER, signIn, waitForServiceWorker } from './helpers/device';

/** Records every CSP violation the page reports, from the first script on. */
async function recordViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** Tries what an XSS would do: an inline script and an inline handler. True if either ran. */
async function injectedScriptRuns(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		const w = window as unknown as { __pwned?: boolean };
		const s = document.createElement('script');
		s.textContent = 'window.__pwned = true';
		document.body.append(s);
		const img = document.createElement('img');
		img.setAttribute('onerror', 'window.__pwned = true');
		img.src = 'data:,x';
		document.body.append(img);
		await new Promise((r) => setTimeout(r, 300));
		return w.__pwned === true;
	});
}

test('every response carries the security headers; the camera is allowed only in the app', async ({ request }) => {
	for (const path of ['/', '/gallery', '/login', '/app', '/app/capture', '/app-shell', '/sitemap.xml', '/robots.txt']) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBeLessThan(400);
		const h = res.headers();
		expect(h['x-frame-options'], path).toBe('DENY');
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		const camera = /^\/app/.test(path) ? 'camera=(self)' : 'camera=()';
		expect(h['permissions-policy'], path).toContain(camera);
		if (h['content-type']?.startsWith('text/html')) {
			const csp = h['content-security-policy'] ?? '';
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(csp, path).toContain("object-src 'none'");
			const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src')) ?? '';
			expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
			// Exactly SvelteKit's boot script where the framework runs in the browser; none where it does not.
			const hashes = scriptSrc.match(/'sha256-/g)?.length ?? 0;
			expect(hashes, path).toBe(['/', '/gallery'].includes(path) ? 0 : 1);
		}
	}
});

test('the app runs under its CSP online and offline from the service worker: injected scripts are refused, the app raises no violation', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await recordViolations(page);
	await signIn(page, REPORTER);
	await waitForServiceWorker(page);
	await page.getByTestId('nav-capture').click();
	await expect(page.locator('h1')).toHaveText('Ghi nhận mới');
	expect(await violations(page)).toEqual([]);
	expect(await injectedScriptRuns(page)).toBe(false);
	expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);

	// Offline, the document comes from the precache, headers and all.
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('h1')).toHaveText('Ghi nhận mới');
	expect(await violations(page)).toEqual([]);
	expect(await injectedScriptRuns(page)).toBe(false);
	await context.setOffline(false);

	// A public page (no client JavaScript of the framework) is as closed.
	await page.goto('/gallery');
	expect(await injectedScriptRuns(page)).toBe(false);
	await context.close();
});

test('English is switchable in the app and on public pages, kept across reloads and offline; Vietnamese stays the default', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, REPORTER);
	await waitForServiceWorker(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByTestId('nav-capture')).toHaveText('Ghi nhận mới');

	await page.getByTestId('app-lang-switch').click();
	await expect(page.getByTestId('nav-capture')).toHaveText('New story');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('app-lang-switch')).toHaveText('Tiếng Việt');
	await page.getByTestId('nav-stories').click();
	await expect(page.locator('h1')).toHaveText('My stories');
	// Dates stay dd/mm/yyyy in English too (the organisation's convention, not the reader's browser).
	const dates = await page.locator('main').innerText();
	expect(dates).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2}\b(?!\d)/);

	// Offline the English catalogue comes from the precache.
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('h1')).toHaveText('My stories');
	await context.setOffline(false);

	// Public pages read the same choice (cookie), and switch back without JavaScript.
	await page.goto('/gallery');
	await expect(page.locator('h1')).toHaveText('Gallery of good people, good deeds');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByTestId('lang-switch').click();
	await expect(page.locator('h1')).toHaveText('Thư viện gương người tốt, việc tốt');
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await page.goto('/app');
	await expect(page.getByTestId('nav-capture')).toHaveText('Ghi nhận mới');
	await context.close();
});
