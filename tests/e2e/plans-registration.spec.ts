// The plan and registration journeys of the yearly cycle. The city admin copies this year's plan to next year (dates
// shifted by one year, previewed first), moves one deadline and publishes it; a unit officer then reads it and may
// register for next year. Xã Đông Anh's registration (sent in the seed) is returned by the city admin with a reason,
// seen, edited and sent again by its officer, and accepted by the cluster lead of Cụm 1, who cannot review his own
// home unit Phường Ba Đình (greyed out; and when the grey-out is bypassed, the server's refusal is shown). Lists open
// offline from the last answer with writes disabled. Phường Ba Đình must end with no registration: the yearly-cycle
// spec starts from that. Screenshots at phone and desktop widths of the plans list, a plan, the officer's form and
// the reviewer's list.
import { expect, test } from '@playwright/test';
import { signIn, waitForServiceWorker } from './helpers/device';
import { expectSuccess, hanoiYear, serviceClient, shoot, signedInPage } from './helpers/journey';

const ADMIN = 'thanhpho@thidua.test';
const OFFICER = 'canbo.donganh@thidua.test';
const LEAD = 'cumtruong.cum1@thidua.test';
const BA_DINH = '11111111-1111-4111-8111-000000000001';

const year = hanoiYear();
const next = year + 1;

test('the city admin copies this year’s plan to next year, moves a deadline and publishes it; units then see it', async ({
	browser
}, testInfo) => {
	const admin = await signedInPage(browser, ADMIN);
	await admin.getByTestId('nav-plans').click();
	const current = admin.locator(`[data-testid=plan-item][data-year="${year}"]`);
	await expect(current.getByTestId('plan-status')).toHaveText('Đã ban hành');
	await expect(admin.locator(`[data-testid=plan-item][data-year="${next}"]`)).toHaveCount(0);
	await shoot(admin, testInfo, 'plans-list');

	// 1. Copy: next year is proposed; every milestone previewed with its date moved by one year.
	await admin.getByTestId('plan-copy-open').click();
	const form = admin.getByTestId('copy-plan-form');
	await form.getByTestId('copy-source').selectOption({ label: `Năm ${year} — Kế hoạch công tác thi đua, khen thưởng năm ${year}` });
	await expect(form.getByTestId('copy-year')).toHaveValue(String(next));
	await expect(form.getByTestId('copy-title')).toHaveValue(`Kế hoạch công tác thi đua, khen thưởng năm ${next}`);
	const preview = form.getByTestId('copy-preview-item');
	await expect(preview).toHaveCount(7);
	await expect(preview.first()).toContainText(`trước ngày 14/01/${next}`);
	await expect(preview.first()).toContainText(`trước đây: 14/01/${year}`);
	await expect(preview.last()).toContainText(`trước ngày 20/11/${next}`);
	await form.getByTestId('copy-confirm').click();
	await expectSuccess(admin, `Đã tạo bản nháp kế hoạch năm ${next}.`);

	// 2. The draft opens: milestones in date order, "trước ngày dd/mm/yyyy", with who and how completion is detected.
	await admin.waitForURL(/\/app\/plans\/[0-9a-f-]{36}$/);
	await expect(admin.getByTestId('plan-status')).toHaveText('Bản nháp');
	const milestones = admin.getByTestId('milestone');
	await expect(milestones).toHaveCount(7);
	const registration = admin.locator('[data-testid=milestone][data-code=registration]');
	await expect(registration.getByTestId('milestone-due')).toHaveText(`trước ngày 14/01/${next}`);
	await expect(registration.getByTestId('milestone-responsible')).toHaveText('Đơn vị');
	await expect(registration.getByTestId('milestone-completion')).toHaveText('Tự động: đăng ký thi đua');
	const covenant = admin.locator('[data-testid=milestone][data-code=covenant]');
	await expect(covenant.getByTestId('milestone-responsible')).toHaveText('Cụm thi đua');
	await expect(covenant.getByTestId('milestone-completion')).toHaveText('Tự động: chữ ký giao ước');
	await expect(admin.locator('[data-testid=milestone][data-code=council_review]').getByTestId('milestone-responsible')).toHaveText(
		'Hội đồng TĐKT'
	);
	await expect(milestones.last()).toHaveAttribute('data-code', 'council_review');

	// 3. One deadline moved by a week; the list stays in date order.
	await registration.getByTestId('milestone-edit').click();
	const editing = admin.getByTestId('milestone-editing');
	await editing.getByTestId('milestone-field-due').fill(`${next}-01-21`);
	await expect(editing.getByTestId('milestone-field-due-text')).toHaveText(`trước ngày 21/01/${next}`);
	await editing.getByTestId('milestone-save').click();
	await expectSuccess(admin, /Đã lưu mốc/);
	await expect(registration.getByTestId('milestone-due')).toHaveText(`trước ngày 21/01/${next}`);
	await expect(milestones.first()).toHaveAttribute('data-code', 'registration');

	// 4. Publish, after the confirmation that units will see it.
	await admin.getByTestId('plan-publish').click();
	await expect(admin.getByTestId('plan-publish-dialog')).toContainText('đơn vị');
	await admin.getByTestId('plan-publish-dialog-confirm').click();
	await expectSuccess(admin, `Đã ban hành kế hoạch năm ${next}.`);
	await expect(admin.getByTestId('plan-status')).toHaveText('Đã ban hành');
	await expect(admin.getByTestId('plan-publish')).toHaveCount(0);
	await shoot(admin, testInfo, 'plan');
	await admin.context().close();

	// 5. A unit officer reads the published plan (no edit controls) and may now register for next year.
	const officer = await signedInPage(browser, OFFICER);
	await officer.goto('/app/plans');
	await officer.locator(`[data-testid=plan-item][data-year="${next}"]`).click();
	await expect(officer.locator('[data-testid=milestone][data-code=registration]').getByTestId('milestone-due')).toHaveText(
		`trước ngày 21/01/${next}`
	);
	await expect(officer.getByTestId('milestone-edit')).toHaveCount(0);
	await expect(officer.getByTestId('plan-publish')).toHaveCount(0);
	await officer.getByTestId('nav-registration').click();
	await expect(officer.getByTestId('registration-year').locator('option')).toHaveText([`Năm ${year}`, `Năm ${next}`]);
	await officer.getByTestId('registration-year').selectOption(String(next));
	const unit = officer.getByTestId('unit-registration');
	await expect(unit).toHaveAttribute('data-status', 'none');
	await expect(unit.getByTestId('registration-due')).toHaveText(`Hạn gửi: trước ngày 21/01/${next}`);
	await officer.context().close();
});

test('a registration returned with a reason is corrected and sent again by the unit, then accepted by its cluster lead', async ({
	browser
}, testInfo) => {
	const reason = `Bổ sung danh hiệu tập thể và số cá nhân đăng ký Lao động tiên tiến (${Date.now().toString(36)})`;
	const topic = 'Chuyển đổi số trong công tác Mặt trận ở thôn, xóm';

	// 1. The city admin returns Đông Anh's registration with a reason.
	const admin = await signedInPage(browser, ADMIN);
	await admin.getByTestId('nav-registration').click();
	const adminCard = admin.locator('[data-testid=review-card][data-unit="Xã Đông Anh"]');
	await expect(adminCard.getByTestId('review-status')).toHaveText('Đã gửi – chờ xét');
	await adminCard.getByTestId('review-return').click();
	await adminCard.getByTestId('review-return-send').click();
	await expect(adminCard.locator('.field-error')).toHaveText('Vui lòng nhập lý do để đơn vị biết cần sửa gì.');
	await adminCard.getByTestId('review-reason-input').fill(reason);
	await adminCard.getByTestId('review-return-send').click();
	await expectSuccess(admin, 'Đã trả lại bản đăng ký của Xã Đông Anh.');
	await expect(adminCard.getByTestId('review-status')).toHaveText('Bị trả lại');
	await expect(adminCard.getByTestId('review-reason')).toContainText(reason);
	await admin.context().close();

	// 2. The officer sees the reason, adds a collective title, changes a headcount and a topic, and sends it again.
	const officer = await signedInPage(browser, OFFICER);
	await officer.getByTestId('nav-registration').click();
	const unit = officer.getByTestId('unit-registration');
	await expect(unit).toHaveAttribute('data-status', 'returned');
	await expect(unit.getByTestId('registration-status')).toHaveText('Bị trả lại');
	await expect(unit.getByTestId('registration-return-reason')).toHaveText(`Lý do trả lại: ${reason}`);
	await expect(unit.getByTestId('registration-reviewed-at')).toContainText(/Xét lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
	const form = unit.getByTestId('registration-form');
	await expect(form.locator('[data-testid=title-check][data-code=co_thi_dua_ubnd_tp]')).toBeChecked();
	await expect(form.locator('[data-testid=title-headcount][data-code=lao_dong_tien_tien]')).toHaveValue('12');
	await form.locator('[data-testid=title-check][data-code=tap_the_ld_xuat_sac]').check();
	await form.locator('[data-testid=title-headcount][data-code=lao_dong_tien_tien]').fill('0');
	await form.getByTestId('registration-submit').click();
	await expect(form.locator('.field-error')).toHaveText('Số người là số nguyên từ 1 đến 10.000.');
	await form.locator('[data-testid=title-headcount][data-code=lao_dong_tien_tien]').fill('15');
	await form.getByTestId('topic-add').click();
	await form.getByTestId('topic-input').last().fill(topic);
	await shoot(officer, testInfo, 'registration-form');
	await form.getByTestId('registration-submit').click();
	const confirm = officer.getByTestId('registration-confirm');
	await expect(confirm).toContainText('Xã Đông Anh');
	await confirm.getByTestId('registration-confirm-confirm').click();
	await expectSuccess(officer, `Đã gửi bản đăng ký năm ${year} tới Cụm và Thành phố.`);
	await expect(unit).toHaveAttribute('data-status', 'submitted');
	await expect(unit.getByTestId('registration-submitted-at')).toContainText(/Gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
	await expect(unit.getByTestId('registration-form')).toHaveCount(0);
	await expect(unit.getByTestId('registration-title')).toHaveText([
		'Cờ thi đua của Ủy ban nhân dân thành phố Hà Nội',
		'Tập thể lao động xuất sắc',
		'Lao động tiên tiến — 15 người'
	]);
	await expect(unit.getByTestId('registration-topic')).toHaveText(['Toàn dân đoàn kết xây dựng nông thôn mới kiểu mẫu', topic]);

	// 3. The cluster lead of Cụm 1 sees it with the earlier reason, accepts it; his own unit is not his to review.
	const lead = await signedInPage(browser, LEAD);
	await lead.getByTestId('nav-registration').click();
	const leadCard = lead.locator('[data-testid=review-card][data-unit="Xã Đông Anh"]');
	await expect(leadCard.getByTestId('review-status')).toHaveText('Đã gửi – chờ xét');
	await expect(leadCard.getByTestId('review-reason')).toContainText(`Lần trả lại trước: ${reason}`);
	await expect(leadCard.getByTestId('registration-title')).toContainText(['Tập thể lao động xuất sắc']);
	await expect(lead.locator('[data-testid=missing-unit][data-unit="Phường Ba Đình"]').getByTestId('missing-yours')).toBeVisible();
	await leadCard.getByTestId('review-accept').click();
	await expectSuccess(lead, 'Đã chấp nhận bản đăng ký của Xã Đông Anh.');
	await expect(leadCard.getByTestId('review-status')).toHaveText('Đã chấp nhận');
	await expect(leadCard.getByTestId('review-reason')).toHaveCount(0);

	// 4. The officer sees it accepted, with when it was reviewed; nothing left to edit.
	await officer.reload();
	await expect(unit).toHaveAttribute('data-status', 'accepted');
	await expect(unit.getByTestId('registration-status')).toHaveText('Đã chấp nhận');
	await expect(unit.getByTestId('registration-reviewed-at')).toBeVisible();
	await expect(unit.getByTestId('registration-submit')).toHaveCount(0);
	await officer.context().close();

	// 5. Conflict of interest: a registration sent by Phường Ba Đình (the lead's home unit), put in place for this step
	// and removed after it, is greyed out for him; with the grey-out bypassed, the server refuses and he is told.
	const db = serviceClient();
	const { error: insertError } = await db.from('registration').insert({
		unit_id: BA_DINH,
		year,
		status: 'submitted',
		topics: ['Chuyên đề thử nghiệm xung đột lợi ích'],
		submitted_at: new Date().toISOString()
	});
	expect(insertError).toBeNull();
	try {
		await lead.reload();
		const own = lead.locator('[data-testid=review-card][data-unit="Phường Ba Đình"]');
		await expect(own.getByTestId('review-blocked')).toContainText('xung đột lợi ích');
		await expect(own.getByTestId('review-accept')).toHaveCount(0);
		await expect(own.getByTestId('review-return')).toHaveCount(0);
		await expect(leadCard.getByTestId('review-return')).toBeVisible();
		await shoot(lead, testInfo, 'registration-review');

		await lead.route('**/rest/v1/rpc/has_conflict_of_interest', (route) =>
			route.fulfill({ status: 200, contentType: 'application/json', body: 'false' })
		);
		await lead.reload();
		await own.getByTestId('review-accept').click();
		await expect(lead.getByTestId('notices-errors')).toContainText('Máy chủ từ chối');
		await expect(own.getByTestId('review-status')).toHaveText('Đã gửi – chờ xét');
	} finally {
		const { error } = await db.from('registration').delete().eq('unit_id', BA_DINH).eq('year', year);
		expect(error).toBeNull();
	}
	const { count } = await db.from('registration').select('id', { count: 'exact', head: true }).eq('unit_id', BA_DINH);
	expect(count).toBe(0);
	await lead.context().close();
});

test('plans and the registration open offline from the last answer, with writes disabled and the reason given', async ({
	context,
	page
}) => {
	await signIn(page, 'canbo.badinh@thidua.test');
	await waitForServiceWorker(page);
	await page.goto('/app/plans');
	await expect(page.getByTestId('plan-item').first()).toBeVisible();
	const plansOnline = await page.getByTestId('plan-item').count();
	await page.getByTestId('plan-item').first().click();
	await expect(page.getByTestId('milestone').first()).toBeVisible();
	const milestonesOnline = await page.getByTestId('milestone').count();
	await page.goto('/app/registration');
	const unit = page.getByTestId('unit-registration');
	await expect(unit).toHaveAttribute('data-status', 'none');
	await expect(unit.getByTestId('registration-submit')).toBeEnabled();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('snapshot-note').first()).toContainText('Ngoại tuyến');
	await expect(unit.getByTestId('registration-offline')).toContainText('cần mạng');
	await expect(unit.getByTestId('registration-submit')).toBeDisabled();
	await expect(unit.getByTestId('registration-save')).toBeDisabled();
	await expect(unit.locator('[data-testid=title-check]').first()).toBeDisabled();
	await page.goto('/app/plans');
	await expect(page.getByTestId('snapshot-note')).toBeVisible();
	await expect(page.getByTestId('plan-item')).toHaveCount(plansOnline);
	await page.getByTestId('plan-item').first().click();
	await expect(page.getByTestId('snapshot-note')).toBeVisible();
	await expect(page.getByTestId('milestone')).toHaveCount(milestonesOnline);
	await expect(page.getByTestId('milestone-edit')).toHaveCount(0);
	await context.setOffline(false);
});
