// The yearly cycle at the covenant deadline: an officer of Phường Ba Đình signs Cụm 1's covenant; the cluster lead,
// with the device clock injected a few minutes before the deadline (Playwright's page.clock), sees Xã Đông Anh as
// the one unit missing and due now; when local midnight of 18/02 passes, the dashboard marks it late without a
// reload. The lists open offline from the last snapshot. Seed: Cụm 1 = Ba Đình, Đông Anh, Ngọc Hà (signed).
import { expect, test } from '@playwright/test';
import { signIn, waitForServiceWorker } from './helpers/device';
import { hanoiYear } from './helpers/journey';

const OFFICER = 'canbo.badinh@thidua.test';
const LEAD = 'cumtruong.cum1@thidua.test';

/** The plan year the seed used: this year in Hanoi (the seed runs on the same day as the test). */
const year = hanoiYear();

test('an officer registers and signs the covenant; the cluster lead sees the one unit missing turn late at local midnight', async ({
	browser
}) => {
	// 1. The officer of Phường Ba Đình registers titles and a topic for this year and sends them to the cluster and
	// the city (the city admin's plan copy is its own journey in plans-registration.spec.ts).
	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	await signIn(officer, OFFICER);
	await officer.getByTestId('nav-registration').click();
	const unit = officer.getByTestId('unit-registration');
	const form = unit.getByTestId('registration-form');
	await form.locator('[data-testid=title-check][data-code=tap_the_ld_xuat_sac]').check();
	await form.locator('[data-testid=title-check][data-code=co_thi_dua_ubnd_tp]').check();
	await form.getByTestId('topic-add').click();
	await form.getByTestId('topic-input').last().fill('Gương người tốt, việc tốt ở tổ dân phố');
	await form.getByTestId('registration-submit').click();
	await officer.getByTestId('registration-confirm').getByTestId('registration-confirm-confirm').click();
	await expect(unit).toHaveAttribute('data-status', 'submitted');
	await expect(unit.getByTestId('registration-title')).toHaveText([
		'Cờ thi đua của Ủy ban nhân dân thành phố Hà Nội',
		'Tập thể lao động xuất sắc'
	]);

	// 2. …and signs Cụm 1's covenant for the unit (a confirmation names the unit and the signer).
	await officer.getByTestId('nav-covenant').click();
	const cluster = officer.getByTestId('covenant-cluster').filter({ hasText: 'Cụm thi đua số 1' });
	await expect(cluster.getByTestId('covenant-missing')).toContainText('Phường Ba Đình');
	await cluster.getByTestId('covenant-sign').click();
	await cluster.getByTestId('covenant-sign-confirm').click();
	const baDinh = cluster.locator('[data-testid="covenant-member"][data-unit="Phường Ba Đình"]');
	await expect(baDinh).toHaveAttribute('data-signed', 'yes');
	await expect(baDinh).toContainText('Trần Thị Dung');
	await expect(cluster.getByTestId('covenant-missing')).toHaveText(/Xã Đông Anh$/);
	await expect(cluster.getByTestId('covenant-sign')).toHaveCount(0);
	await officerContext.close();

	// 3. The cluster lead, minutes before the covenant deadline closes (00:00 of 18/02, Hanoi time).
	const leadContext = await browser.newContext();
	const lead = await leadContext.newPage();
	// The injected clock starts at 23:58 and runs (sign-in and navigation take some seconds of it).
	await lead.clock.install({ time: new Date(`${year}-02-17T23:58:00+07:00`) });
	await signIn(lead, LEAD);
	await lead.getByTestId('nav-covenant').click();
	const leadCluster = lead.getByTestId('covenant-cluster').filter({ hasText: 'Cụm thi đua số 1' });
	await expect(leadCluster.getByTestId('covenant-count')).toContainText('2/3');
	await expect(leadCluster.getByTestId('covenant-missing')).toHaveText(/Chưa ký: Xã Đông Anh$/);
	await expect(leadCluster.locator('[data-unit="Xã Đông Anh"]')).toHaveAttribute('data-state', 'due_soon');

	await lead.getByTestId('nav-deadlines').click();
	const covenantTally = lead.locator('[data-testid="deadline-tally"][data-code="covenant"]');
	const dongAnh = covenantTally.locator('[data-testid="deadline-party"][data-unit="Xã Đông Anh"]');
	await expect(dongAnh).toHaveAttribute('data-state', 'due_soon');
	await expect(dongAnh).toContainText(/Còn 0 giờ [12] phút/);
	await expect(covenantTally.locator('[data-unit="Phường Ngọc Hà"]')).toHaveAttribute('data-state', 'done');
	await expect(covenantTally.getByTestId('deadline-counts')).toContainText('0 trễ hạn');
	// Ba Đình's registration, sent just now, counts as delivered (late against 14/01 unless the run is in early January).
	const registrationTally = lead.locator('[data-testid="deadline-tally"][data-code="registration"]');
	await expect(registrationTally.locator('[data-unit="Phường Ba Đình"]')).toHaveAttribute('data-state', /^done/);

	// 4. Local midnight passes: the open page turns the missing unit late by itself (no reload).
	await lead.clock.fastForward('03:00');
	await expect(dongAnh).toHaveAttribute('data-state', 'late');
	await expect(dongAnh).toContainText(/Quá hạn 0 giờ [012] phút/);
	await expect(covenantTally.getByTestId('deadline-counts')).toContainText('1 trễ hạn');
	await expect(covenantTally.locator('[data-unit="Phường Ngọc Hà"]')).toHaveAttribute('data-state', 'done');
	await leadContext.close();
});

test('the deadline dashboard and the covenant open offline from the last sync, read-only', async ({ context, page }) => {
	await signIn(page, 'canbo.donganh@thidua.test');
	await waitForServiceWorker(page);
	await page.goto('/app/deadlines');
	await expect(page.getByTestId('deadline-mine').getByTestId('deadline-duty').first()).toBeVisible();
	const dutiesOnline = await page.getByTestId('deadline-duty').count();
	await page.goto('/app/covenant');
	await expect(page.getByTestId('covenant-sign')).toBeEnabled();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('snapshot-note')).toContainText('Ngoại tuyến');
	await expect(page.getByTestId('covenant-cluster')).toHaveCount(1);
	await expect(page.getByTestId('covenant-sign')).toBeDisabled();
	await page.goto('/app/deadlines');
	await expect(page.getByTestId('snapshot-note')).toBeVisible();
	await expect(page.getByTestId('deadline-duty')).toHaveCount(dutiesOnline);
	await context.setOffline(false);
});
