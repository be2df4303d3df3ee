// The movement journey: the city admin creates a movement as a draft and launches it; a reporter, offline, still
// finds it on the capture form (the list kept on the phone) and on the movements page, tags a story with it, and the
// tag reaches the server once the phone is back online; the unit officer sees the story on the movement's page and
// on the review card. Screenshots of the list, a movement page and the capture form at phone and desktop widths.
import { expect, test } from '@playwright/test';
import { fillStoryForm, waitForServiceWorker } from './helpers/device';
import { apiAs, expectSuccess, hanoiYear, shoot, signedInPage } from './helpers/journey';


test('a movement launched by the city tags a story captured offline, which its unit officer then finds on the movement page', async ({
	browser
}, testInfo) => {
	const s = Date.now().toString(36);
	const name = `Phong trào thử nghiệm "Xanh hóa khu dân cư" ${s}`;
	const title = `Tổ dân phố trồng cây xanh ${s}`;
	const year = hanoiYear();

	// 1. The city admin adds the movement: a draft, seen on the list with its period as dd/mm/yyyy.
	const admin = await signedInPage(browser, 'thanhpho@thidua.test');
	await admin.getByTestId('nav-movements').click();
	await expect(admin.locator('[data-testid=movement-group][data-kind=regular]')).toContainText('Phong trào thường xuyên');
	await admin.getByTestId('movement-create-open').click();
	const form = admin.getByTestId('movement-form');
	await form.getByTestId('movement-name').fill(name);
	await form.getByTestId('movement-kind').selectOption('thematic');
	await form.getByTestId('movement-content').fill('Mỗi khu dân cư trồng và chăm sóc ít nhất 50 cây xanh; nhân rộng mô hình "Tuyến phố xanh".');
	await form.getByTestId('movement-starts').fill(`${year}-03-01`);
	await form.getByTestId('movement-ends').fill(`${year}-02-01`);
	await form.getByTestId('movement-save').click();
	await expect(form.locator('#mv-endsOn-error')).toBeVisible(); // ends before it starts: refused on the form
	await form.getByTestId('movement-ends').fill(`${year}-12-31`);
	await form.getByTestId('movement-criteria').fill('Nhóm tiêu chí "Xây dựng đô thị văn minh": số cây trồng mới được nghiệm thu.');
	await shoot(admin, testInfo, 'movement-form');
	await form.getByTestId('movement-save').click();
	await expectSuccess(admin, name);
	const item = admin.locator('[data-testid=movement-item]', { hasText: name });
	await expect(item).toHaveAttribute('data-status', 'draft');
	await expect(item.getByTestId('movement-period')).toHaveText(`01/03/${year} – 31/12/${year}`);
	await shoot(admin, testInfo, 'movements-list');

	// 2. It is launched from its page, after a confirmation; a launched movement can no longer be deleted.
	await item.getByTestId('movement-link').click();
	await expect(admin.getByTestId('movement-name')).toHaveText(name);
	await admin.getByTestId('movement-launch').click();
	await admin.getByTestId('movement-launch-dialog-confirm').click();
	await expectSuccess(admin, name);
	await expect(admin.getByTestId('movement-view')).toHaveAttribute('data-status', 'launched');
	await expect(admin.getByTestId('movement-launch')).toHaveCount(0);
	await expect(admin.getByTestId('movement-delete')).toHaveCount(0);
	const movementId = admin.url().split('/').pop()!;
	await admin.context().close();

	// 3. The reporter opens the app online once (the list is kept on the phone), then captures offline.
	const reporter = await signedInPage(browser, 'phongvien.badinh@thidua.test');
	await waitForServiceWorker(reporter);
	await reporter.goto('/app/capture');
	const select = reporter.getByTestId('field-movement');
	await expect(select.locator(`option[value="${movementId}"]`)).toHaveText(name);
	await reporter.context().setOffline(true);
	await reporter.goto('/app/movements');
	await expect(reporter.getByTestId('snapshot-note')).toBeVisible();
	await expect(reporter.locator('[data-testid=movement-item]', { hasText: name })).toHaveAttribute('data-status', 'launched');
	await reporter.goto('/app/capture');
	await expect(reporter.getByTestId('movement-hint')).toHaveAttribute('data-origin', 'snapshot');
	await select.selectOption(movementId);
	await fillStoryForm(reporter, { title, photoSeeds: [7] });
	await shoot(reporter, testInfo, 'capture-form');
	await reporter.getByTestId('save-story').click();
	await reporter.waitForURL(/\/app\/stories$/);
	const mine = reporter.locator('[data-testid=my-story]', { hasText: title });
	await expect(mine.getByTestId('story-movement')).toContainText(name);
	const storyId = (await mine.getAttribute('data-story-id'))!;

	// 4. Back online, it syncs by itself, and the tag is on the server row.
	await reporter.context().setOffline(false);
	await expect(mine.getByTestId('sync-state')).toHaveAttribute('data-state', 'sent', { timeout: 45_000 });
	const api = await apiAs('thanhpho@thidua.test');
	const row = await api.from('story').select('movement_id, status').eq('id', storyId).single();
	expect(row.data).toEqual({ movement_id: movementId, status: 'submitted' });
	await reporter.context().close();

	// 5. The unit officer finds it on the movement's page (waiting for review, none published yet) and on the
	//    review card with the movement's name.
	const officer = await signedInPage(browser, 'canbo.badinh@thidua.test');
	await officer.goto(`/app/movements/${movementId}`);
	const story = officer.locator(`[data-testid=movement-story][data-story-id="${storyId}"]`);
	await expect(story).toHaveAttribute('data-status', 'submitted');
	await expect(story.getByTestId('movement-story-status')).toHaveText('Chờ duyệt');
	await expect(story.getByRole('link', { name: title })).toHaveAttribute('href', '/app/review');
	await expect(officer.getByTestId('movement-published-count')).toHaveAttribute('data-count', '0');
	await expect(officer.getByTestId('movement-criteria')).toContainText('Xây dựng đô thị văn minh');
	await shoot(officer, testInfo, 'movement-page');
	await officer.goto('/app/review');
	const card = officer.locator(`[data-testid=review-story][data-story-id="${storyId}"]`);
	await expect(card.getByTestId('review-movement')).toContainText(name);
	await officer.context().close();
});
