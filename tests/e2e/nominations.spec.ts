// The award nomination journey (issue 7), through the built app in Chromium against the local stack. Xã Đông Anh's
// officer nominates a person from a published story (prefilled), is told which required documents are missing,
// uploads them and submits; the lead of Cụm 1 reviews; the city office appraises and returns it with a reason; the
// officer sees the reason, fixes the summary, adds a document and resubmits; the city appraises it again (passed) and
// puts it to the council; the council member votes; the city records the decision (the outcome is the tally's). The
// audit trail shows the return with its reason, old → new. The generated list of nominees (DOCX) is parsed back and
// contains the nominee; so does the memo. The story and the nomination are this spec's own, removed afterwards.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { docxTableRows, docxText } from './helpers/docx-text';
import { chunksContaining, gzipKiB, loadBuildGraph, routeFiles } from './helpers/js-budget';
import { expectSuccess, serviceClient, shoot, signedInPage } from './helpers/journey';

const OFFICER = 'canbo.donganh@thidua.test';
const LEAD = 'cumtruong.cum1@thidua.test';
const ADMIN = 'thanhpho@thidua.test';
const COUNCIL = 'hoidong@thidua.test';
const DONG_ANH = '11111111-1111-4111-8111-000000000002';
const REPORTER_DONG_ANH = 'aaaaaaaa-0000-4000-8000-000000000003';
const FORM_BK_TP = 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội';
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

const tag = randomUUID().slice(0, 6);
const nominee = `Anh Lò Văn Thử ${tag}`;
const storyTitle = `${nominee} cứu hai cháu nhỏ khỏi đám cháy`;
const storyId = randomUUID();
let nominationId = '';

test.beforeAll(async () => {
	const service = serviceClient();
	const { error } = await service.from('story').insert({
		id: storyId,
		unit_id: DONG_ANH,
		author_id: REPORTER_DONG_ANH,
		kind: 'good_deed',
		title: storyTitle,
		body: 'Đêm 12/10, anh Thử phá cửa, đưa hai cháu nhỏ ra khỏi căn nhà đang cháy ở thôn Lực Canh trước khi lực lượng cứu hỏa đến.',
		subject_name: nominee,
		subject_kind: 'person',
		occurred_on: '2026-10-12',
		consent_given_by: nominee,
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status: 'published',
		published_at: new Date().toISOString()
	});
	if (error) throw error;
});

test.afterAll(async () => {
	const service = serviceClient();
	const { data } = await service.from('nomination').select('id, decision_id').eq('source_story_id', storyId);
	for (const n of data ?? []) {
		const { data: files } = await service.from('dossier_file').select('storage_path').eq('nomination_id', n.id);
		if (files?.length) await service.storage.from('dossiers').remove(files.map((f) => f.storage_path as string));
		await service.from('nomination').delete().eq('id', n.id);
		if (n.decision_id) await service.from('decision').delete().eq('id', n.decision_id);
	}
	await service.from('story').delete().eq('id', storyId);
});

async function openNomination(page: Page) {
	await page.goto(`/app/nominations/${nominationId}`);
	await expect(page.getByTestId('nomination-heading')).toHaveText(nominee);
}

async function upload(page: Page, kindLabel: string, name: string) {
	const files = page.getByTestId('dossier-files');
	await files.getByTestId('dossier-kind').selectOption({ label: kindLabel });
	await files.getByTestId('dossier-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
	await files.getByTestId('dossier-add').click();
	await expectSuccess(page, 'Đã thêm tài liệu.');
	await expect(files.getByTestId('dossier-file').filter({ hasText: name })).toHaveCount(1);
}

const status = (page: Page) => page.getByTestId('nomination-detail-status');

test('a unit nominates from a story; cluster, city and council take it through a return to a decision; the list names the nominee', async ({ browser }, testInfo) => {
	test.setTimeout(240_000);

	// 1. The officer starts from the published story: who, what and the story's history are filled in.
	const officer = await signedInPage(browser, OFFICER);
	await officer.getByTestId('nav-nominations').click();
	await officer.getByTestId('nomination-new').click();
	const form = officer.getByTestId('nomination-form');
	await form.getByTestId('nomination-story').selectOption({ label: storyTitle });
	await expect(form.getByTestId('nomination-name')).toHaveValue(nominee);
	await expect(form.getByTestId('nomination-achievements')).toHaveValue(new RegExp(`^${storyTitle}\\. Đêm 12/10`));
	await form.getByTestId('nomination-award-form').selectOption({ label: FORM_BK_TP });
	await expect(form.getByTestId('nomination-occasion')).toHaveValue('ad_hoc');
	await expect(form.getByTestId('nomination-deadline')).toHaveText('Không có hạn chung (khen thưởng đột xuất).');
	await form.getByTestId('nomination-position').fill('Thôn Lực Canh, xã Đông Anh');
	await shoot(officer, testInfo, 'nomination-new');
	await form.getByTestId('nomination-save').click();
	await officer.waitForURL(/\/app\/nominations\/[0-9a-f-]{36}$/);
	nominationId = officer.url().split('/').pop()!;
	await expect(status(officer)).toHaveAttribute('data-status', 'draft');
	await expect(officer.getByTestId('nomination-story')).toContainText(storyTitle);

	// 2. Sent without its documents: the database refuses, and the screen names what is missing.
	await officer.getByTestId('nomination-submit').click();
	const refusal = officer.getByTestId('notices-errors').locator('.notice', { hasText: 'Hồ sơ còn thiếu tài liệu bắt buộc' });
	await expect(refusal).toContainText('Tờ trình đề nghị khen thưởng của đơn vị; Báo cáo thành tích (có xác nhận)');
	await refusal.getByRole('button').click();
	await upload(officer, 'Tờ trình đề nghị khen thưởng của đơn vị', 'to-trinh.pdf');
	await upload(officer, 'Báo cáo thành tích (có xác nhận)', 'bao-cao.pdf');
	await expect(officer.locator('[data-testid=dossier-required][data-present=true]')).toHaveCount(2);
	await shoot(officer, testInfo, 'nomination-draft');
	await officer.getByTestId('nomination-submit').click();
	await expectSuccess(officer, 'Đã gửi hồ sơ.');
	await expect(status(officer)).toHaveAttribute('data-status', 'submitted');

	// 3. The lead of Cụm 1 finds it waiting for him and passes it to the city.
	const lead = await signedInPage(browser, LEAD);
	await lead.getByTestId('nav-nominations').click();
	await lead.getByTestId('nomination-filter').selectOption('mine');
	await lead.locator('[data-testid=nomination-item]').filter({ hasText: nominee }).getByRole('link', { name: nominee }).click();
	await lead.getByTestId('nomination-cluster-review').click();
	await expectSuccess(lead, 'Đã chuyển hồ sơ lên Thành phố.');
	await expect(status(lead)).toHaveAttribute('data-status', 'cluster_reviewed');

	// 4. The city office appraises: the achievement report lacks the local authority's confirmation → returned.
	const admin = await signedInPage(browser, ADMIN);
	await openNomination(admin);
	const appraisal = admin.getByTestId('appraisal-form');
	await appraisal.getByTestId('appraisal-standards').check();
	await appraisal.getByTestId('appraisal-conditions').check();
	await appraisal.getByTestId('appraisal-procedure').check();
	await expect(appraisal.getByTestId('appraisal-pass')).toBeDisabled();
	const reason = 'Báo cáo thành tích chưa có xác nhận của UBND xã.';
	await appraisal.getByTestId('appraisal-note').fill(reason);
	await shoot(admin, testInfo, 'nomination-appraisal');
	await appraisal.getByTestId('appraisal-return').click();
	await expectSuccess(admin, 'Đã trả lại hồ sơ cho đơn vị.');
	await expect(status(admin)).toHaveAttribute('data-status', 'returned');

	// 5. The officer sees why, fixes the summary, adds the confirmation and sends it again: back to the city.
	await openNomination(officer);
	await expect(officer.getByTestId('nomination-return-reason')).toContainText(reason);
	const edit = officer.getByTestId('nomination-form');
	const fixed = `${await edit.getByTestId('nomination-achievements').inputValue()} Có xác nhận của UBND xã Đông Anh.`;
	await edit.getByTestId('nomination-achievements').fill(fixed);
	await edit.getByTestId('nomination-save').click();
	await expectSuccess(officer, 'Đã lưu.');
	await upload(officer, 'Tài liệu khác (ảnh, minh chứng)', 'xac-nhan-ubnd.pdf');
	await officer.getByTestId('nomination-submit').click();
	await expectSuccess(officer, 'Đã gửi hồ sơ.');
	await expect(status(officer)).toHaveAttribute('data-status', 'cluster_reviewed');

	// 6. Appraised again (passed) and put to the council; the trail keeps the return, its reason and the edit.
	await openNomination(admin);
	for (const box of ['appraisal-standards', 'appraisal-conditions', 'appraisal-procedure', 'appraisal-documents']) await admin.getByTestId(box).check();
	await admin.getByTestId('appraisal-pass').click();
	await expectSuccess(admin, 'Đã lưu phiếu thẩm định.');
	await expect(status(admin)).toHaveAttribute('data-status', 'appraised');
	await admin.getByTestId('nomination-open-voting').click();
	await expectSuccess(admin, 'Đã đưa hồ sơ ra Hội đồng.');
	await expect(status(admin)).toHaveAttribute('data-status', 'voting');
	const trail = admin.getByTestId('nomination-trail');
	await expect(trail.locator('[data-testid=trail-event][data-action=returned]')).toContainText(`Lý do: ${reason}`);
	await expect(trail.locator('[data-testid=trail-event][data-action=edited]')).toContainText('Tóm tắt thành tích:');
	await expect(trail.locator('[data-testid=trail-event][data-action=edited]')).toContainText('Có xác nhận của UBND xã Đông Anh.');

	// 7. The council member votes in the app; the tally meets the threshold.
	const council = await signedInPage(browser, COUNCIL);
	await openNomination(council);
	await council.getByTestId('vote-approve').check();
	await council.getByTestId('vote-cast').click();
	await expectSuccess(council, 'Đã ghi nhận phiếu của bạn.');
	await expect(council.getByTestId('vote-tally')).toContainText('Đồng ý 1');
	await expect(council.getByTestId('vote-passes')).toHaveAttribute('data-passes', 'true');
	await shoot(council, testInfo, 'nomination-vote');

	// 8. The city records the decision: approved, as the tally says.
	await openNomination(admin);
	await admin.getByTestId('decide-number').fill(`${tag}/QĐ-MTTQ-BTT`);
	await admin.getByTestId('decide-submit').click();
	await expectSuccess(admin, 'Đã ghi quyết định.');
	await expect(status(admin)).toHaveAttribute('data-status', 'approved');
	await expect(admin.getByTestId('nomination-decision')).toContainText(`${tag}/QĐ-MTTQ-BTT`);
	await shoot(admin, testInfo, 'nomination-decided');

	// 9. The generated list of nominees and the memo, parsed back.
	await admin.getByTestId('nav-nominations').click();
	await expect(admin.locator('[data-testid=nomination-item]').filter({ hasText: nominee })).toHaveAttribute('data-status', 'approved');
	await shoot(admin, testInfo, 'nomination-list');
	const [listDownload] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('nomination-docs-list').click()]);
	expect(listDownload.suggestedFilename()).toMatch(/\.docx$/);
	const list = new Uint8Array(await readFile((await listDownload.path())!));
	expect(docxText(list)).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
	const row = docxTableRows(list).find((cells) => cells.some((c) => c.includes(nominee)));
	expect(row, 'the nominee has a row in the list').toBeDefined();
	expect(row!.join(' ')).toContain(FORM_BK_TP);
	expect(row!.join(' ')).toContain('Xã Đông Anh');
	const [memoDownload] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('nomination-docs-memo').click()]);
	const memo = docxText(new Uint8Array(await readFile((await memoDownload.path())!)));
	expect(memo).toContain('TỜ TRÌNH');
	expect(memo).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
	expect(memo).toContain(FORM_BK_TP);

	for (const p of [officer, lead, admin, council]) await p.context().close();
});

test('the DOCX generator (docx) loads on demand from the nominations list only, never up front', async () => {
	const graph = loadBuildGraph();
	// A string of docx's own: the content type of a Word document's main part.
	const docx = chunksContaining('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
	expect(docx).toHaveLength(1);
	const chunk = docx[0]!;
	const loaders = [...graph.routes.keys()].filter((id) => routeFiles(graph, id, { withDynamic: true }).has(chunk));
	expect(loaders).toEqual(['/(app)/app/nominations']);
	expect(routeFiles(graph, '/(app)/app/nominations').has(chunk), 'the list loads docx up front').toBe(false);
	console.log('docx chunk, KiB gzip:', gzipKiB([chunk]));
});
