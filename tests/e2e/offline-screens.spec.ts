// The service worker precaches only the field journey (src/pwa/precache-core.ts, ≤ 300 KiB, TARGETS P7); other
// screens are fetched ahead in idle time for the signed-in person's tabs (src/lib/ui/warm-screens.ts) and kept by the
// worker's runtime cache. Both halves offline: a reporter opens capture without having opened it online, and a unit
// officer opens review, nominations and scoring screens after the warm-up without having opened them online either.
import { expect, test } from '@playwright/test';
import { messages as appVi } from '../../src/lib/i18n/messages/app.vi';
import { messages as assessmentVi } from '../../src/lib/i18n/messages/assessment.vi';
import { messages as nominationVi } from '../../src/lib/i18n/messages/nomination.vi';
import { REPORTER, signIn, waitForServiceWorker } from './helpers/device';

const OFFICER = 'canbo.badinh@thidua.test';

test('a reporter opens capture offline from the precache, never having opened it online', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, REPORTER);
	await waitForServiceWorker(page);

	await context.setOffline(true);
	await page.goto('/app/capture');
	await expect(page.locator('h1')).toHaveText(appVi['nav.capture']);
	await expect(page.locator('#title')).toBeVisible();

	// A screen of another role was never fetched: the page says it is not on the device yet, not "Error 500".
	await page.goto('/app/review');
	await expect(page.locator('h1')).toHaveText(appVi['error.screenNotOnDevice.title']);
	await expect(page.locator('main')).toContainText(appVi['error.screenNotOnDevice']);
	await context.close();
});

test("a unit officer's screens open offline after the idle-time warm-up, never opened online", async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, OFFICER);
	await waitForServiceWorker(page);
	await expect(page.locator('html')).toHaveAttribute('data-screens-warm', 'yes', { timeout: 60_000 });

	await context.setOffline(true);
	for (const [path, heading] of [
		['/app/review', appVi['review.title']],
		['/app/nominations', nominationVi['nomination.title']],
		['/app/scoring', assessmentVi['assessment.hub.title']]
	] as const) {
		await page.goto(path);
		await expect(page.locator('h1'), path).toHaveText(heading);
	}
	await context.close();
});
