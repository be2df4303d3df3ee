// A unit officer puts their milestones into a calendar app: on /app/calendar they create a secret address, the
// feed behind it is iCalendar with this year's deadlines at the right local times, a new address retires the old
// one, turning it off retires it too, the service worker leaves the feed to the network, and offline the page says
// it needs a connection.
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { signIn, waitForServiceWorker } from './helpers/device';
import { hanoiYear } from './helpers/journey';

const OFFICER = 'canbo.badinh@thidua.test';
const YEAR = hanoiYear();

/** Opens the page with no address, whatever an earlier run left behind. */
async function openWithoutAddress(page: Page): Promise<void> {
	await page.goto('/app/calendar');
	const status = page.getByTestId('calendar-status');
	await expect(status).toBeVisible();
	if ((await status.getAttribute('data-has-address')) === 'true') {
		await page.getByTestId('calendar-turn-off').click();
		await page.getByTestId('calendar-turn-off-confirm').click();
	}
	await expect(status).toHaveAttribute('data-has-address', 'false');
}

function eventsOf(ics: string): ICAL.Event[] {
	return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

test('a unit officer subscribes to their milestones, rotates the address and turns it off', async ({ page, context, request }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signIn(page, OFFICER);
	await openWithoutAddress(page);

	// 1. Create: the https address and a webcal:// link to the same feed, shown once.
	await page.getByTestId('calendar-create').click();
	const urlBox = page.getByTestId('calendar-url');
	await expect(urlBox).toHaveValue(/^http:\/\/localhost:\d+\/calendar\/[0-9a-f]{48}\.ics$/);
	const feedUrl = await urlBox.inputValue();
	await expect(page.getByTestId('calendar-webcal')).toHaveAttribute('href', feedUrl.replace(/^http:/, 'webcal:'));
	await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-has-address', 'true');
	await page.screenshot({ path: test.info().outputPath('calendar-390x844.png'), fullPage: true });

	await page.getByTestId('calendar-copy').click();
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

	// 2. The feed: iCalendar, private, with this year's registration and covenant deadlines at 00:00 Hanoi time.
	const response = await request.get(feedUrl);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(response.headers()['cache-control']).toMatch(/^private, max-age=\d+$/);
	const ics = await response.text();
	expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	const events = eventsOf(ics);
	const registration = events.find(
		(e) => e.summary === `Hạn: Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm ${YEAR}`
	);
	expect(registration?.endDate.toJSDate().toISOString()).toBe(new Date(Date.UTC(YEAR, 0, 13, 17)).toISOString());
	expect(registration?.description).toContain(`trước ngày 14/01/${YEAR}`);
	const covenant = events.find(
		(e) => e.summary === 'Hạn: Tổ chức ký kết giao ước và đăng ký thi đua' && e.endDate.year === YEAR
	);
	expect(covenant?.endDate.toJSDate().toISOString()).toBe(new Date(Date.UTC(YEAR, 1, 17, 17)).toISOString());
	expect(covenant?.component.getAllSubcomponents('valarm')).toHaveLength(2);

	// 3. A new address: the old one answers 404 at once, the new one the same milestones.
	await page.getByTestId('calendar-rotate').click();
	await page.getByTestId('calendar-rotate-confirm').click();
	await expect(urlBox).not.toHaveValue(feedUrl);
	const rotatedUrl = await urlBox.inputValue();
	expect((await request.get(feedUrl)).status()).toBe(404);
	const rotated = await request.get(rotatedUrl);
	expect(rotated.status()).toBe(200);
	expect(eventsOf(await rotated.text()).map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());

	// 4. After a reload the secret is not shown again, only that an address exists.
	await page.reload();
	await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-has-address', 'true');
	await expect(urlBox).toHaveCount(0);

	// 5. Turn it off: the feed is gone.
	await page.getByTestId('calendar-turn-off').click();
	await page.getByTestId('calendar-turn-off-confirm').click();
	await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-has-address', 'false');
	expect((await request.get(rotatedUrl)).status()).toBe(404);
});

test('unknown or malformed addresses answer 404', async ({ request }) => {
	expect((await request.get(`/calendar/${'0'.repeat(48)}.ics`)).status()).toBe(404);
	expect((await request.get('/calendar/not-a-token.ics')).status()).toBe(404);
});

test('the service worker leaves the feed to the network, and offline the page says it needs a connection', async ({
	page,
	context
}) => {
	await signIn(page, OFFICER);
	await waitForServiceWorker(page);
	await openWithoutAddress(page);
	await page.getByTestId('calendar-create').click();
	const feedUrl = await page.getByTestId('calendar-url').inputValue();

	// Opened from inside the app, the address must reach the server (a download of the feed), not the app shell.
	const downloading = page.waitForEvent('download');
	await page.goto(feedUrl).catch(() => undefined);
	const download = await downloading;
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);

	await context.setOffline(true);
	await page.goto('/app/calendar');
	await expect(page.getByTestId('calendar-offline')).toBeVisible();
	await expect(page.getByTestId('calendar-card')).toHaveCount(0);
	await context.setOffline(false);
	await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-has-address', 'true');
	await page.getByTestId('calendar-turn-off').click();
	await page.getByTestId('calendar-turn-off-confirm').click();
	await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-has-address', 'false');
});
