// The year's results, end to end through the screens people use: with the officer of Phường Ngọc Hà watching Cụm 1's
// provisional year-end standings, the cluster lead scores Xã Đông Anh in the grid (lower than its self-assessment,
// with reasons) and the open standings page moves Đông Anh below Ngọc Hà within 60 s, without a reload; the city
// admin then publishes the round with its decision, and the public standings page shows the official result.
// This journey PUBLISHES the seeded year-end round, which freezes it: it must run after every other spec (Playwright
// runs files in name order with one worker; "yearly-results" sorts last).
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, hanoiYear, signedInPage } from './helpers/journey';

const OFFICER_NGOC_HA = 'canbo.ngocha@thidua.test';
const LEAD = 'cumtruong.cum1@thidua.test';
const ADMIN = 'thanhpho@thidua.test';
const year = hanoiYear();
const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
	new Date()
);
const DECISION = `E2E-${Date.now() % 100000}/QĐ-MTTQ-BTT`;

const standingsRow = (page: Page, unit: string) => page.locator(`[data-testid="standings-row"][data-unit="${unit}"]`);
const gridCell = (page: Page, unit: string, code: string) =>
	page.locator(`[data-testid=grid-cell][data-unit="${unit}"][data-criterion="${code}"]`);

test('the cluster lead scores in the grid, a member unit sees the standings move live, the city publishes and the public sees it official', async ({
	browser
}) => {
	// 1. Ngọc Hà's officer opens the provisional year-end standings of Cụm 1 and leaves the page open.
	const watcher = await signedInPage(browser, OFFICER_NGOC_HA, DESKTOP);
	await watcher.getByTestId('nav-standings').click();
	await expect(watcher.getByTestId('standings-status')).toHaveAttribute('data-official', 'no');
	await expect(standingsRow(watcher, 'Xã Đông Anh')).toBeVisible();
	const rankOf = async (unit: string) => Number((await standingsRow(watcher, unit).getByTestId('standings-rank').innerText()).match(/\d+/)?.[0]);
	// Seed: Đông Anh self-assessed high (first), Ngọc Hà scored by the cluster (second).
	await expect.poll(() => rankOf('Xã Đông Anh')).toBe(1);
	expect(await rankOf('Phường Ngọc Hà')).toBe(2);

	// 2. The cluster lead scores Đông Anh in the grid: four criteria well below its self-assessment, each with a reason.
	const lead = await signedInPage(browser, LEAD, { width: 1024, height: 768 });
	await lead.goto('/app/scoring/cluster');
	await expect(lead.getByTestId('grid-cluster-name')).toHaveText('Cụm thi đua số 1');
	for (const [code, points] of [
		['B1', '8'],
		['B2', '7'],
		['C1', '5'],
		['D2', '5']
	] as const) {
		const cell = gridCell(lead, 'Xã Đông Anh', code);
		await cell.getByTestId('cell-input').fill(points);
		await cell.getByTestId('cell-input').blur();
		await cell.getByTestId('cell-reason').fill(`Minh chứng tiêu chí ${code} chưa đầy đủ theo biên bản kiểm tra của Cụm.`);
		await expect(cell.getByTestId('grid-cell-body')).toHaveAttribute('data-state', 'saved');
	}
	await expect(lead.getByTestId('grid-save-state')).toHaveAttribute('data-unsaved', '0');
	await lead.context().close();

	// 3. The watcher's open page follows within 60 s (polling: the local stack has no realtime server).
	await expect.poll(() => rankOf('Xã Đông Anh'), { timeout: 60_000, intervals: [2_000] }).toBe(2);
	expect(await rankOf('Phường Ngọc Hà')).toBe(1);
	await expect(standingsRow(watcher, 'Xã Đông Anh').getByTestId('standings-change')).toHaveAttribute('data-direction', 'down');
	await watcher.context().close();

	// 4. The city admin publishes the year-end round with its decision (confirmed as irreversible).
	const admin = await signedInPage(browser, ADMIN, DESKTOP);
	await admin.goto('/app/scoring/city');
	await expect(admin.getByTestId('city-round').locator('option:checked')).toHaveText(`Tổng kết năm ${year} (đang chấm)`);
	await admin.getByTestId('city-publish-number').fill(DECISION);
	await admin.getByTestId('city-publish-date').fill(today);
	await admin.getByTestId('city-publish-title').fill(`Quyết định công bố kết quả thi đua năm ${year}`);
	await admin.getByTestId('city-publish-submit').click();
	await admin.getByTestId('city-publish-confirm-confirm').click();
	await expect(admin.getByTestId('city-published')).toContainText(`Đã công bố theo Quyết định số ${DECISION} ngày ${today}`);
	await admin.context().close();

	// 5. Anyone: the public standings page shows Cụm 1's year-end result as official, with the decision.
	const anonymous = await browser.newContext();
	const pub = await anonymous.newPage();
	await pub.goto('/standings');
	await pub.getByTestId('standings-round').selectOption({ label: `Tổng kết năm ${year}` });
	await pub.getByTestId('standings-cluster').selectOption({ label: 'Cụm thi đua số 1' });
	await pub.getByTestId('standings-show').click();
	await expect(pub.getByTestId('standings-heading')).toHaveText(`Cụm thi đua số 1 — Tổng kết năm ${year}`);
	await expect(pub.getByTestId('standings-status')).toHaveAttribute('data-official', 'yes');
	await expect(pub.getByTestId('standings-status')).toContainText(DECISION);
	await expect(pub.locator('[data-testid="standings-row"][data-unit="Phường Ngọc Hà"]').getByTestId('standings-rank')).toContainText('1');
	await anonymous.close();
});
