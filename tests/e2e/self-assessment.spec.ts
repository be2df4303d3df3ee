// The criteria and self-assessment journey. The city admin finds this year's criteria set frozen: groups A–E, eleven
// criteria, the totals, both rounds; no edit control, and the server refuses an edit made around the page. The
// officer of Phường Ba Đình self-assesses the year-end round on a phone: points with a decimal comma (a value above
// the maximum is refused before sending), a penalty, save one and save all, a linked story, a link (then removed)
// and a photo whose GPS-tagged original is re-encoded without EXIF; the scores, evidence and the file reach the
// server. The published mid-year round is read-only. Screenshots at phone and desktop widths. Ba Đình's year-end
// self-assessment is removed again at the end: the seed leaves it undone for the whole scoring journey.
import { expect, test } from '@playwright/test';
import type { SupabaseClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { apiAs, expectSuccess, hanoiYear, shoot, signedInPage } from './helpers/journey';

const ADMIN = 'thanhpho@thidua.test';
const OFFICER = 'canbo.badinh@thidua.test';
const BA_DINH = '11111111-1111-4111-8111-000000000001';
const HOA_STORY = '5eed0000-0000-4000-8000-000000000001';
const year = hanoiYear();

async function yearEndRoundId(client: SupabaseClient): Promise<string> {
	const { data, error } = await client.from('assessment_round').select('id').eq('year', year).eq('period', 'year_end').single();
	if (error) throw error;
	return data.id as string;
}

/** Puts Ba Đình's year-end self-assessment back as the seed has it: no self scores, no evidence, no files. */
async function undoSelfAssessment(): Promise<void> {
	const officer = await apiAs(OFFICER);
	const roundId = await yearEndRoundId(officer);
	const { data: files } = await officer.from('evidence').select('storage_path').eq('round_id', roundId).eq('unit_id', BA_DINH);
	const paths = (files ?? []).flatMap((f) => (f.storage_path ? [f.storage_path as string] : []));
	await officer.from('evidence').delete().eq('round_id', roundId).eq('unit_id', BA_DINH);
	if (paths.length > 0) await officer.storage.from('evidence').remove(paths);
	await officer.from('score').delete().eq('round_id', roundId).eq('unit_id', BA_DINH).eq('stage', 'self');
}

/**
 * Removes next year's criteria set made by the drafting test. A frozen set and its rounds refuse every delete (by
 * design), so this goes around the guards as the database owner, with triggers (and so FK actions) off.
 */
async function removeNextYearsCriteria(): Promise<void> {
	const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await db.connect();
	try {
		await db.query('begin');
		await db.query(`set local session_replication_role = replica`);
		const rounds = `select id from public.assessment_round where year = $1`;
		await db.query(`delete from public.unit_result where round_id in (${rounds})`, [year + 1]);
		await db.query(`delete from public.assessment_round where year = $1`, [year + 1]);
		const sets = `select id from public.criteria_set where year = $1`;
		await db.query(`delete from public.criterion where criteria_set_id in (${sets})`, [year + 1]);
		await db.query(`delete from public.criterion_group where criteria_set_id in (${sets})`, [year + 1]);
		await db.query(`delete from public.criteria_set where year = $1`, [year + 1]);
		await db.query('commit');
	} finally {
		await db.end();
	}
}

test.afterAll(undoSelfAssessment);
test.afterAll(removeNextYearsCriteria);

test('the city admin reads this year’s frozen criteria set and cannot change it', async ({ browser }, testInfo) => {
	const admin = await signedInPage(browser, ADMIN);
	await admin.getByTestId('nav-criteria').click();
	await expect(admin.getByTestId('criteria-year')).toHaveValue(String(year));
	const set = admin.getByTestId('criteria-set');
	await expect(set).toHaveAttribute('data-status', 'frozen');
	await expect(admin.getByTestId('criteria-status')).toHaveText('Đã khóa');
	await expect(set).toContainText(/Khóa ngày \d{2}\/\d{2}\/\d{4}/);
	await expect(admin.getByTestId('criteria-group')).toHaveCount(5);
	await expect(admin.getByTestId('criterion')).toHaveCount(11);
	await expect(admin.getByTestId('criteria-total-base')).toHaveText('100 điểm');
	await expect(admin.getByTestId('criteria-total-bonus')).toHaveText('+5 điểm');
	await expect(admin.getByTestId('criteria-total-penalty')).toHaveText('−5 điểm');
	const e2 = admin.locator('[data-testid=criterion][data-code=E2]');
	await expect(e2.getByTestId('criterion-kind')).toHaveText('Điểm trừ');
	await expect(e2.getByTestId('criterion-max-text')).toHaveText('Trừ tối đa 5 điểm');

	// Frozen: no control edits it, freezes it again or opens a round that exists.
	for (const id of ['criterion-edit', 'criterion-remove', 'criterion-add', 'group-edit', 'group-add', 'criteria-freeze']) {
		await expect(admin.getByTestId(id), id).toHaveCount(0);
	}
	await expect(admin.locator('[data-testid=criteria-round][data-period=mid_year]')).toContainText('Đã công bố');
	await expect(admin.locator('[data-testid=criteria-round][data-period=mid_year]')).toContainText('Quyết định số 45/QĐ-MTTQ-BTT');
	await expect(admin.locator('[data-testid=criteria-round][data-period=year_end]')).toContainText('Đang chấm điểm');
	await expect(admin.locator('[data-testid^=criteria-open-round]')).toHaveCount(0);
	await shoot(admin, testInfo, 'criteria-frozen');

	// Around the page, the database refuses the change all the same.
	const api = await apiAs(ADMIN);
	const { error } = await api.from('criterion').update({ max_points: 20 }).eq('code', 'A1').select('id');
	expect(error?.message).toContain('Bộ tiêu chí đã khóa');

	// Next year has no set yet: the admin is offered a draft copied from this year's.
	await admin.getByTestId('criteria-year').selectOption(String(year + 1));
	await expect(admin.getByTestId('criteria-none')).toContainText(`Năm ${year + 1} chưa có bộ tiêu chí.`);
	await expect(admin.getByTestId('criteria-create-source')).toHaveValue(/.+/);
	await expect(admin.getByTestId('criteria-create-title')).toHaveValue(/năm \d{4}/);
	await admin.context().close();
});

test('a unit officer self-assesses the year-end round with points and evidence, and it reaches the server', async ({ browser }, testInfo) => {
	const page = await signedInPage(browser, OFFICER);
	await page.getByTestId('nav-scoring').click();
	await expect(page.getByTestId('hub-cluster')).toHaveCount(0);
	await page.getByTestId('hub-self').click();
	await page.waitForURL(/\/app\/scoring\/self$/);
	await expect(page.getByTestId('self-round').locator('option:checked')).toHaveText(`Tổng kết năm ${year} — Đang chấm điểm`);
	await expect(page.getByTestId('self-criterion')).toHaveCount(11);
	await expect(page.getByTestId('total-self-value')).toHaveText('0 điểm');
	await expect(page.getByTestId('total-cluster')).toHaveCount(0);

	const card = (code: string) => page.locator(`[data-testid=self-criterion][data-code=${code}]`);

	// One criterion saved on its own, with a decimal comma.
	await card('A1').getByTestId('self-points').fill('8,5');
	await expect(card('A1')).toHaveAttribute('data-state', 'unsaved');
	await expect(page.getByTestId('total-self-value')).toHaveText('8,5 điểm');
	await card('A1').getByTestId('self-save').click();
	await expectSuccess(page, 'Đã lưu điểm tiêu chí A1.');
	await expect(card('A1')).toHaveAttribute('data-state', 'saved');

	// Above the maximum: told at once, nothing sent.
	await card('A2').getByTestId('self-points').fill('12');
	await expect(card('A2').getByTestId('self-points-error')).toHaveText('Không quá 10 điểm.');
	await expect(card('A2').getByTestId('self-save')).toBeDisabled();
	await card('A2').getByTestId('self-points').fill('9.5');
	await expect(card('A2').getByTestId('self-points-error')).toHaveCount(0);

	// A penalty is entered as the points deducted; save-all sends the changed fields only.
	await card('B3').getByTestId('self-points').fill('9');
	await card('E2').getByTestId('self-points').fill('1');
	await expect(page.getByTestId('total-self-value')).toHaveText('26 điểm');
	await expect(page.getByTestId('self-savebar-total')).toHaveText('26 điểm');
	await expect(page.getByTestId('self-save-all')).toHaveText('Lưu tất cả thay đổi (3)');
	await page.getByTestId('self-save-all').click();
	await expectSuccess(page, 'Đã lưu 3 tiêu chí.');
	await expect(page.getByTestId('self-save-all')).toHaveText('Lưu tất cả thay đổi (0)');

	// The server's own refusal reaches the person: the request is altered on the way to send 99 points.
	await page.route('**/rest/v1/score**', async (route) => {
		const body = route.request().method() === 'POST' ? (JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>) : null;
		await (body ? route.continue({ postData: JSON.stringify({ ...body, points: 99 }) }) : route.continue());
	});
	await card('C1').getByTestId('self-points').fill('7');
	await card('C1').getByTestId('self-save').click();
	const refusal = page.getByTestId('notices-errors').locator('.notice');
	await expect(refusal).toContainText('Điểm 99.00 vượt quá điểm tối đa 10.00 của tiêu chí C1');
	await expect(card('C1')).toHaveAttribute('data-state', 'unsaved');
	await page.unroute('**/rest/v1/score**');
	await refusal.getByRole('button').click();
	await card('C1').getByTestId('self-points').fill('');
	await expect(card('C1')).toHaveAttribute('data-state', 'none');

	// Evidence: one of the unit's published stories on B3.
	const b3 = card('B3');
	await b3.getByTestId('evidence-add').locator('summary').click();
	await b3.getByTestId('evidence-kind-story').check();
	await b3.getByTestId('evidence-story').selectOption(HOA_STORY);
	await b3.getByTestId('evidence-story-add').click();
	await expectSuccess(page, 'Đã thêm minh chứng cho tiêu chí B3.');
	await expect(b3.locator('[data-testid=evidence-item][data-kind=story]')).toContainText('Bà Nguyễn Thị Hoa');

	// A photo on A1: the original carries GPS in its EXIF; what is uploaded is re-encoded without it.
	const a1 = card('A1');
	await a1.getByTestId('evidence-add').locator('summary').click();
	await a1.getByTestId('evidence-kind-file').check();
	await a1.getByTestId('evidence-file').setInputFiles(join(import.meta.dirname, '../fixtures/large-gps.jpg'));
	await a1.getByTestId('evidence-caption').fill('Ngày hội Đại đoàn kết ở tổ dân phố 12');
	await a1.getByTestId('evidence-submit').click();
	await expectSuccess(page, 'Đã thêm minh chứng cho tiêu chí A1.');
	const photo = a1.locator('[data-testid=evidence-item][data-kind=file]');
	await expect(photo).toContainText('Ngày hội Đại đoàn kết ở tổ dân phố 12');
	await expect(photo.locator('img')).toHaveJSProperty('complete', true);
	expect(await photo.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

	// A link on A2, then removed again after confirming.
	const a2 = card('A2');
	await a2.getByTestId('evidence-add').locator('summary').click();
	await a2.getByTestId('evidence-kind-link').check();
	await a2.getByTestId('evidence-url').fill('ftp://example.org');
	await a2.getByTestId('evidence-submit').click();
	await expect(a2.locator('.field-error')).toContainText('http:// hoặc https://');
	await a2.getByTestId('evidence-url').fill('https://mattran.hanoi.gov.vn/tin-tuc/kien-toan-ban-cong-tac-mat-tran');
	await a2.getByTestId('evidence-submit').click();
	await expectSuccess(page, 'Đã thêm minh chứng cho tiêu chí A2.');
	await expect(a2.getByTestId('evidence-item')).toHaveCount(1);
	await a2.getByTestId('evidence-remove').click();
	await a2.getByTestId('evidence-remove-dialog-confirm').click();
	await expectSuccess(page, 'Đã gỡ minh chứng.');
	await expect(a2.getByTestId('evidence-item')).toHaveCount(0);
	await shoot(page, testInfo, 'self-assessment');
	// What the phone shows mid-list: the save bar rides the bottom of the screen.
	await card('B2').getByTestId('self-points').fill('13');
	await card('B2').scrollIntoViewIfNeeded();
	await expect(page.getByTestId('self-savebar')).toBeInViewport();
	await page.screenshot({ path: testInfo.outputPath('self-assessment-scrolled-390.png') });
	await card('B2').getByTestId('self-points').fill('');

	// On the server, as the officer: the four self scores, the story and the photo, the file without EXIF.
	const api = await apiAs(OFFICER);
	const roundId = await yearEndRoundId(api);
	const { data: scores } = await api
		.from('score')
		.select('points, criterion(code)')
		.eq('round_id', roundId)
		.eq('unit_id', BA_DINH)
		.eq('stage', 'self');
	const byCode = Object.fromEntries((scores ?? []).map((s) => [(s.criterion as unknown as { code: string }).code, Number(s.points)]));
	expect(byCode).toEqual({ A1: 8.5, A2: 9.5, B3: 9, E2: 1 });
	const { data: evidence } = await api
		.from('evidence')
		.select('kind, story_id, url, storage_path, caption, criterion(code)')
		.eq('round_id', roundId)
		.eq('unit_id', BA_DINH);
	expect(evidence).toHaveLength(2);
	const story = evidence?.find((e) => e.kind === 'story');
	expect(story?.story_id).toBe(HOA_STORY);
	const file = evidence?.find((e) => e.kind === 'file');
	expect(file?.storage_path).toMatch(new RegExp(`^${BA_DINH}/${roundId}/[0-9a-f-]{36}\\.(webp|jpg)$`));
	const { data: blob, error } = await api.storage.from('evidence').download(file!.storage_path as string);
	expect(error).toBeNull();
	const bytes = Buffer.from(await blob!.arrayBuffer());
	const original = readFileSync(join(import.meta.dirname, '../fixtures/large-gps.jpg'));
	expect(original.includes(Buffer.from('Exif'))).toBe(true);
	expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
	expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
	expect(bytes.length).toBeLessThan(original.length);

	// The totals the standings use agree with the page.
	const { data: result } = await api.from('unit_result').select('self_total').eq('round_id', roundId).eq('unit_id', BA_DINH).single();
	expect(Number(result?.self_total)).toBe(26);

	// The published mid-year round opens read-only, with the cluster's scores.
	await page.getByTestId('self-round').selectOption({ label: `Sơ kết 6 tháng đầu năm ${year} — Đã công bố` });
	await expect(page.getByTestId('self-published')).toContainText('Quyết định số 45/QĐ-MTTQ-BTT');
	await expect(card('A1').getByTestId('self-points')).toHaveCount(0);
	await expect(card('A1').getByTestId('self-readonly-points')).toHaveText('Chưa chấm');
	await expect(page.getByTestId('self-save-all')).toHaveCount(0);
	await expect(page.getByTestId('evidence-add')).toHaveCount(0);
	await expect(card('A1').locator('[data-testid=stage-score][data-stage=cluster]')).toBeVisible();
	await expect(page.getByTestId('total-cluster')).toBeVisible();
	await shoot(page, testInfo, 'self-assessment-published');
	await page.context().close();
});

test('the city admin drafts next year’s criteria from this year’s, edits them, freezes them and opens a round', async ({ browser }, testInfo) => {
	const admin = await signedInPage(browser, ADMIN);
	await admin.goto('/app/criteria');
	await admin.getByTestId('criteria-year').selectOption(String(year + 1));
	await expect(admin.getByTestId('criteria-create-title')).toHaveValue(`Bộ tiêu chí chấm điểm thi đua năm ${year + 1} (Ủy ban MTTQ cấp xã, phường)`);
	await admin.getByTestId('criteria-create-submit').click();
	await expectSuccess(admin, `Đã tạo bản nháp bộ tiêu chí năm ${year + 1}.`);
	await expect(admin.getByTestId('criteria-set')).toHaveAttribute('data-status', 'draft');
	await expect(admin.getByTestId('criterion')).toHaveCount(11);
	await expect(admin.getByTestId('criteria-rounds')).toContainText('Cần khóa bộ tiêu chí trước khi mở đợt đánh giá.');

	// A bonus criterion in group E: a code already used is refused beside the field, a decimal comma accepted.
	const groupE = admin.locator('[data-testid=criteria-group][data-code=E]');
	await groupE.getByTestId('criterion-add').click();
	const form = groupE.getByTestId('criterion-form');
	await form.getByTestId('criterion-code').fill('E1');
	await form.getByTestId('criterion-name').fill('Được Thành phố biểu dương');
	await form.getByTestId('criterion-kind-bonus').check();
	await form.getByTestId('criterion-max').fill('2,5');
	await form.getByTestId('criterion-guidance').fill('Giấy khen, thư biểu dương của Thành phố.');
	await form.getByTestId('criterion-save').click();
	await expect(form).toContainText('Mã này đã có trong bộ tiêu chí.');
	await form.getByTestId('criterion-code').fill('E3');
	await shoot(admin, testInfo, 'criteria-draft-editing');
	await form.getByTestId('criterion-save').click();
	await expectSuccess(admin, 'Đã lưu tiêu chí E3.');
	await expect(admin.getByTestId('criteria-total-bonus')).toHaveText('+7,5 điểm');

	// A1's maximum raised; C2 removed; a group added and removed.
	const a1 = admin.locator('[data-testid=criterion][data-code=A1]');
	await a1.getByTestId('criterion-edit').click();
	await a1.getByTestId('criterion-max').fill('12');
	await a1.getByTestId('criterion-save').click();
	await expectSuccess(admin, 'Đã lưu tiêu chí A1.');
	await expect(admin.getByTestId('criteria-total-base')).toHaveText('102 điểm');
	await admin.locator('[data-testid=criterion][data-code=C2]').getByTestId('criterion-remove').click();
	await admin.locator('[data-testid=criteria-group][data-code=C]').getByTestId('criterion-remove-dialog-confirm').click();
	await expectSuccess(admin, 'Đã xóa tiêu chí C2.');
	await expect(admin.getByTestId('criterion')).toHaveCount(11);
	await admin.getByTestId('group-add').click();
	await admin.getByTestId('group-form').getByTestId('group-code').fill('F');
	await admin.getByTestId('group-form').getByTestId('group-name').fill('Nhóm thử nghiệm');
	await admin.getByTestId('group-form').getByTestId('group-save').click();
	await expectSuccess(admin, 'Đã lưu nhóm F.');
	const groupF = admin.locator('[data-testid=criteria-group][data-code=F]');
	await groupF.getByTestId('group-remove').click();
	await groupF.getByTestId('group-remove-dialog-confirm').click();
	await expectSuccess(admin, 'Đã xóa nhóm F.');
	await expect(admin.getByTestId('criteria-group')).toHaveCount(5);

	// Freezing asks first and says it cannot be undone; afterwards nothing is editable and rounds can be opened.
	await admin.getByTestId('criteria-freeze').click();
	await expect(admin.getByTestId('criteria-freeze-dialog')).toContainText('không thể hoàn tác');
	await admin.getByTestId('criteria-freeze-dialog-confirm').click();
	await expectSuccess(admin, `Đã khóa bộ tiêu chí năm ${year + 1}.`);
	await expect(admin.getByTestId('criteria-set')).toHaveAttribute('data-status', 'frozen');
	await expect(admin.getByTestId('criterion-edit')).toHaveCount(0);
	await admin.getByTestId('criteria-open-round-mid_year').click();
	await expectSuccess(admin, `Đã mở đợt Sơ kết 6 tháng đầu năm ${year + 1}.`);
	await expect(admin.locator('[data-testid=criteria-round][data-period=mid_year]')).toContainText('Đang chấm điểm');
	await expect(admin.getByTestId('criteria-open-round-mid_year')).toHaveCount(0);
	await expect(admin.getByTestId('criteria-open-round-year_end')).toBeVisible();
	await admin.context().close();
});
