// The writing contest (issue 8): a reporter sends an entry about a published story under a pen name; the city office
// returns it with a reason; the author sees the reason, fixes it and sends it again; the office selects and publishes
// it; the public collection shows it with the pen name and a link to the story, never the author's account. The
// entry is this spec's own, removed afterwards.
import { expect, test } from '@playwright/test';
import { createHash, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expectSuccess, serviceClient, shoot, signedInPage } from './helpers/journey';

const AUTHOR = 'phongvien.donganh@thidua.test';
const AUTHOR_NAME = 'Phạm Văn Cường';
const ADMIN = 'thanhpho@thidua.test';
const md5uuid = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const CONTEST = md5uuid('contest:current');
const STORY_TITLE = 'Mô hình "Tủ sách khu dân cư" – người tốt việc tốt ở thôn Đản Mỗ';
const title = `Những tối thứ Bảy bên tủ sách ${randomUUID().slice(0, 6)}`;
const penName = 'Hạt Gạo Làng Ta';
const body = 'Tối thứ Bảy nào nhà văn hóa thôn Đản Mỗ cũng sáng đèn. Các cháu thiếu nhi ngồi quây quanh tủ sách, anh chị thanh niên đọc truyện, các cụ kể chuyện làng. '.repeat(3);

test.afterAll(async () => {
	await serviceClient().from('contest_entry').delete().eq('title', title);
});

test('an entry is sent, returned with a reason, fixed, selected and published in the public collection under its pen name', async ({ browser, request }, testInfo) => {
	test.setTimeout(180_000);
	const author = await signedInPage(browser, AUTHOR);
	await author.getByTestId('nav-contest').click();
	const form = author.getByTestId('contest-form');
	await form.getByTestId('contest-pen').fill(penName);
	await form.getByTestId('contest-story').selectOption({ label: STORY_TITLE });
	await form.getByTestId('contest-title').fill(title);
	await form.getByTestId('contest-body').fill(body);
	await shoot(author, testInfo, 'contest-form');
	await form.getByTestId('contest-submit').click();
	await expectSuccess(author, 'Đã gửi bài dự thi.');
	const mine = author.locator(`[data-testid=contest-mine][data-title="${title}"]`);
	await expect(mine.getByTestId('contest-status')).toHaveText('Đã gửi – chờ xét');

	const admin = await signedInPage(browser, ADMIN);
	await admin.getByTestId('nav-contest').click();
	const entry = admin.locator(`[data-testid=contest-entry][data-title="${title}"]`);
	await entry.getByTestId('contest-reason-input').fill('Bài cần thêm một đoạn về người lập tủ sách.');
	await entry.getByTestId('contest-return').click();
	await expectSuccess(admin, 'Đã trả lại bài cho tác giả.');

	await author.reload();
	await expect(mine.getByTestId('contest-reason')).toContainText('Bài cần thêm một đoạn về người lập tủ sách.');
	await mine.getByTestId('contest-edit').click();
	await form.getByTestId('contest-body').fill(`${body}\nNgười khởi xướng tủ sách là ông trưởng thôn, người đã góp những cuốn sách đầu tiên.`);
	await form.getByTestId('contest-submit').click();
	await expectSuccess(author, 'Đã gửi bài dự thi.');
	await expect(mine.getByTestId('contest-status')).toHaveText('Đã gửi – chờ xét');

	await admin.reload();
	await entry.getByTestId('contest-accept').click();
	await expectSuccess(admin, 'Đã chọn bài.');
	await entry.getByTestId('contest-publish').click();
	await expectSuccess(admin, 'Đã đăng bài vào tuyển tập.');
	await author.reload();
	await expect(mine.getByTestId('contest-status')).toHaveText('Đã đăng trong tuyển tập');

	const html = await (await request.get(`/contests/${CONTEST}`)).text();
	expect(html).toContain(title);
	expect(html).toContain(`Bút danh: ${penName}`);
	expect(html).toContain('Người khởi xướng tủ sách');
	expect(html).toContain(`href="/gallery/5eed0000-0000-4000-8000-000000000002"`);
	expect(html).not.toContain(AUTHOR_NAME);
	expect(html).not.toContain(AUTHOR);

	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/contests/${CONTEST}`);
	await shoot(visitor, testInfo, 'contest-collection');
	const { violations } = await new AxeBuilder({ page: visitor }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
	for (const p of [author, admin, visitor]) await p.context().close();
});
