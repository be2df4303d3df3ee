// The cluster's scoring grid and the city's review. The lead of Cụm 1 scores Xã Đông Anh on this year's year-end
// round on a tablet: a score equal to the self score saves as it is, a different one waits for its reason, and when
// the unit's self score changed behind his back the database's refusal is shown and the reason asked; values survive
// a reload; his home unit Phường Ba Đình is greyed and not editable; leaving with an unsaved cell asks first. The
// supervising city leader reads the same grid without inputs. The city admin reviews a round of 2023 made for this
// spec (the seeded year-end round is published by another journey, never here): city scores with a reason, the
// publication with its decision, a correction by a new decision and the decisions listed. Everything written is
// removed at the end: Đông Anh's cluster scores are withdrawn, the 2023 round is deleted as the database owner.
// Screenshots at 1024×768, 768×1024 and 390×844.
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { hanoiYear, serviceClient, shoot as shootAt, signedInPage as signedIn } from './helpers/journey';

const LEAD = 'cumtruong.cum1@thidua.test';
const LEADER = 'lanhdao@thidua.test';
const ADMIN = 'thanhpho@thidua.test';
const DONG_ANH = '11111111-1111-4111-8111-000000000002';
const TABLET = { width: 1024, height: 768 };
const SIZES = [
	['1024x768', TABLET],
	['768x1024', { width: 768, height: 1024 }],
	['390x844', { width: 390, height: 844 }]
] as const;
const OLD_YEAR = 2023;
const OLD_SET = 'e2e0c1a5-0000-4000-8000-000000002023';
const OLD_ROUND = 'e2e0c1a5-0000-4000-8000-0000000020e1';

const year = hanoiYear();
const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
const vi = (n: number) => String(n).replace('.', ',');

const signedInPage = (browser: Parameters<typeof signedIn>[0], email: string) => signedIn(browser, email, TABLET);
/** Tablet landscape and portrait, and a phone. */
const shoot = (page: Page, testInfo: Parameters<typeof shootAt>[1], name: string) => shootAt(page, testInfo, name, SIZES);

const cell = (page: Page, unit: string, code: string) =>
	page.locator(`[data-testid=grid-cell][data-unit="${unit}"][data-criterion="${code}"]`);
const state = (page: Page, unit: string, code: string) => cell(page, unit, code).getByTestId('grid-cell-body');

async function yearEndRound(): Promise<{ id: string; criteria: Map<string, string> }> {
	const db = serviceClient();
	const round = await db.from('assessment_round').select('id, criteria_set_id').eq('year', year).eq('period', 'year_end').single();
	if (round.error) throw round.error;
	const criteria = await db.from('criterion').select('id, code').eq('criteria_set_id', round.data.criteria_set_id);
	if (criteria.error) throw criteria.error;
	return { id: round.data.id, criteria: new Map(criteria.data.map((c) => [c.code, c.id])) };
}

async function selfPoints(roundId: string): Promise<Map<string, number>> {
	const r = await serviceClient().from('score').select('criterion_id, points').eq('round_id', roundId).eq('unit_id', DONG_ANH).eq('stage', 'self');
	if (r.error) throw r.error;
	return new Map(r.data.map((s) => [s.criterion_id, Number(s.points)]));
}

test('the cluster lead scores Xã Đông Anh in the grid: reasons where scores differ, kept after a reload; his own unit stays greyed', async ({
	browser
}, testInfo) => {
	const round = await yearEndRound();
	const a1 = round.criteria.get('A1')!;
	const a2 = round.criteria.get('A2')!;
	const c1 = round.criteria.get('C1')!;
	const self = await selfPoints(round.id);
	const db = serviceClient();
	const c1Self = self.get(c1)!;
	try {
		const page = await signedInPage(browser, LEAD);
		await page.goto('/app/scoring/cluster');
		await expect(page.getByTestId('grid-round').locator('option:checked')).toHaveText(`Tổng kết năm ${year} (đang chấm)`);
		await expect(page.getByTestId('grid-cluster-name')).toHaveText('Cụm thi đua số 1');
		await expect(page.getByTestId('grid-unit-head')).toHaveText([/Phường Ba Đình/, /Phường Ngọc Hà/, /Xã Đông Anh/]);

		// His home unit: greyed, said so, and no input anywhere in its column.
		await expect(page.locator('[data-testid=grid-unit-head][data-unit="Phường Ba Đình"]')).toContainText('không chấm đơn vị mình');
		await expect(page.locator('[data-testid=grid-cell][data-unit="Phường Ba Đình"] [data-testid=cell-input]')).toHaveCount(0);
		await expect(cell(page, 'Phường Ba Đình', 'A1')).toHaveAttribute('data-locked', 'yes');
		await expect(page.locator('[data-testid=grid-cell][data-unit="Xã Đông Anh"] [data-testid=cell-input]')).toHaveCount(11);

		// 1. A1 equal to the self score: saved, no reason asked.
		await expect(cell(page, 'Xã Đông Anh', 'A1').getByTestId('cell-below')).toHaveText(`Tự chấm: ${vi(self.get(a1)!)}`);
		await cell(page, 'Xã Đông Anh', 'A1').getByTestId('cell-input').fill(vi(self.get(a1)!));
		// Enter moves down to A2 (and the blur saves A1 at once).
		await page.keyboard.press('Enter');
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-input')).toBeFocused();
		await expect(state(page, 'Xã Đông Anh', 'A1')).toHaveAttribute('data-state', 'saved');
		await expect(cell(page, 'Xã Đông Anh', 'A1').getByTestId('cell-status')).toHaveText('Đã lưu');
		await expect(cell(page, 'Xã Đông Anh', 'A1').getByTestId('cell-reason')).toHaveCount(0);

		// 2. A2 one point lower (typed with a dot): the save waits for the reason, Enter goes to it.
		const a2Points = self.get(a2)! - 1;
		await page.keyboard.type(String(a2Points));
		await expect(state(page, 'Xã Đông Anh', 'A2')).toHaveAttribute('data-state', 'needsReason');
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-status')).toHaveText('Cần ghi lý do: khác điểm tự chấm');
		await expect(page.getByTestId('grid-save-state')).toHaveAttribute('data-unsaved', '1');
		await page.keyboard.press('Enter');
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-reason')).toBeFocused();
		await page.keyboard.type('Chưa có quyết định kiện toàn Ban công tác Mặt trận ở 2 khu dân cư.');
		await expect(state(page, 'Xã Đông Anh', 'A2')).toHaveAttribute('data-state', 'saved');
		await expect(page.getByTestId('grid-save-state')).toHaveAttribute('data-unsaved', '0');

		// 3. The unit changed its C1 self score after the page loaded: the old value now differs on the server, which
		// refuses it without a reason; the refusal is shown and the reason asked for.
		const changed = await db.from('score').update({ points: c1Self - 0.5 }).match({ round_id: round.id, unit_id: DONG_ANH, criterion_id: c1, stage: 'self' }).select('points');
		expect(changed.data).toHaveLength(1);
		const c1Input = cell(page, 'Xã Đông Anh', 'C1').getByTestId('cell-input');
		await c1Input.fill(vi(c1Self));
		await c1Input.blur();
		await expect(state(page, 'Xã Đông Anh', 'C1')).toHaveAttribute('data-state', 'error');
		await expect(cell(page, 'Xã Đông Anh', 'C1').getByTestId('cell-error')).toContainText('Máy chủ từ chối: Điểm khác điểm đơn vị tự chấm');
		await expect(cell(page, 'Xã Đông Anh', 'C1').getByTestId('cell-error')).toContainText('cần ghi lý do');
		await expect(c1Input).toHaveValue(vi(c1Self));
		await cell(page, 'Xã Đông Anh', 'C1').getByTestId('cell-reason').fill('Giữ điểm theo báo cáo giám sát đã gửi Cụm.');
		await expect(state(page, 'Xã Đông Anh', 'C1')).toHaveAttribute('data-state', 'saved');

		// The column total follows: the three cluster scores, 3 of 11 criteria.
		const expected = Math.round((self.get(a1)! + a2Points + c1Self) * 100) / 100;
		const total = page.locator('[data-testid=grid-total][data-unit="Xã Đông Anh"]');
		await expect(total).toHaveAttribute('data-points', String(expected));
		await expect(total).toContainText(`Cụm chấm: ${vi(expected)}`);
		await expect(total).toContainText('3/11 tiêu chí');

		// 4. Arrows: from Ngọc Hà leftwards there is nothing to type in (Ba Đình is skipped); rightwards is Đông Anh.
		const ngocHa = cell(page, 'Phường Ngọc Hà', 'B1').getByTestId('cell-input');
		await ngocHa.click();
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowRight');
		await expect(cell(page, 'Xã Đông Anh', 'B1').getByTestId('cell-input')).toBeFocused();
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowLeft');
		await expect(ngocHa).toBeFocused();
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowLeft');
		await expect(ngocHa).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(cell(page, 'Phường Ngọc Hà', 'B2').getByTestId('cell-input')).toBeFocused();

		// 5. A different score with no reason, then leaving: the page asks first, and staying keeps the value.
		const b1 = cell(page, 'Xã Đông Anh', 'B1').getByTestId('cell-input');
		await b1.fill('1');
		await b1.blur();
		await expect(state(page, 'Xã Đông Anh', 'B1')).toHaveAttribute('data-state', 'needsReason');
		const asked = new Promise<string>((resolve) => {
			page.once('dialog', (dialog) => {
				resolve(dialog.message());
				void dialog.dismiss();
			});
		});
		await page.getByTestId('nav-home').click();
		expect(await asked).toContain('Còn 1 ô điểm chưa lưu');
		await expect(page).toHaveURL(/\/app\/scoring\/cluster$/);
		await expect(b1).toHaveValue('1');
		// Withdrawn again (empty is "not scored"), so nothing is left unsaved.
		await b1.fill('');
		await b1.blur();
		await expect(page.getByTestId('grid-save-state')).toHaveAttribute('data-unsaved', '0');

		await shoot(page, testInfo, 'cluster-grid');

		// 6. After a reload the server's values come back, reasons included.
		await page.reload();
		await expect(cell(page, 'Xã Đông Anh', 'A1').getByTestId('cell-input')).toHaveValue(vi(self.get(a1)!));
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-input')).toHaveValue(vi(a2Points));
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-reason')).toHaveValue(
			'Chưa có quyết định kiện toàn Ban công tác Mặt trận ở 2 khu dân cư.'
		);
		await expect(cell(page, 'Xã Đông Anh', 'C1').getByTestId('cell-reason')).toHaveValue('Giữ điểm theo báo cáo giám sát đã gửi Cụm.');
		await expect(cell(page, 'Xã Đông Anh', 'B1').getByTestId('cell-input')).toHaveValue('');

		// 7. On a phone: one unit at a time, picked from a list.
		await page.setViewportSize({ width: 390, height: 844 });
		await expect(page.getByTestId('grid-unit-picker')).toBeVisible();
		await expect(page.getByTestId('grid-unit-head')).toHaveCount(1);
		await page.getByTestId('grid-unit-picker').selectOption({ label: 'Xã Đông Anh' });
		await expect(page.getByTestId('grid-unit-head')).toHaveText('Xã Đông Anh');
		await expect(cell(page, 'Xã Đông Anh', 'A2').getByTestId('cell-input')).toHaveValue(vi(a2Points));
		await page.context().close();
	} finally {
		await db.from('score').update({ points: c1Self }).match({ round_id: round.id, unit_id: DONG_ANH, criterion_id: c1, stage: 'self' });
		await db.from('score').delete().match({ round_id: round.id, unit_id: DONG_ANH, stage: 'cluster' });
	}
});

test('the supervising city leader reads Cụm 1’s grid without being able to type', async ({ browser }, testInfo) => {
	const page = await signedInPage(browser, LEADER);
	await page.goto('/app/scoring/cluster');
	await expect(page.getByTestId('grid-cluster-name')).toHaveText('Cụm thi đua số 1');
	await expect(page.getByTestId('grid-readonly')).toHaveText('Bạn chỉ xem điểm của Cụm này; Cụm trưởng chấm điểm.');
	await expect(page.getByTestId('grid-unit-head')).toHaveCount(3);
	await expect(page.getByTestId('cell-input')).toHaveCount(0);
	await expect(page.getByTestId('grid-save-state')).toHaveCount(0);
	// The seeded cluster score of Ngọc Hà on B2 (lower than its self score, with the reason).
	await expect(cell(page, 'Phường Ngọc Hà', 'B2').getByTestId('cell-value')).toHaveText(/^Cụm chấm: \d/);
	await expect(cell(page, 'Phường Ngọc Hà', 'B2')).toContainText('Lý do: Số nhà Đại đoàn kết hỗ trợ chưa có biên bản bàn giao.');
	await shoot(page, testInfo, 'cluster-grid-readonly');
	await page.context().close();
});

/** A 2023 year-end round of two criteria on Quận Ba Đình (Cụm 1 of 2023), self- and cluster-scored. */
async function makeOldRound(): Promise<void> {
	const db = serviceClient();
	const ok = (r: { error: unknown }) => {
		if (r.error) throw r.error;
	};
	const group = 'e2e0c1a5-0000-4000-8000-00000000a000';
	ok(await db.from('criteria_set').insert({ id: OLD_SET, year: OLD_YEAR, title: 'Bộ tiêu chí thử của năm 2023' }));
	ok(await db.from('criterion_group').insert({ id: group, criteria_set_id: OLD_SET, code: 'A', name: 'Nhóm tiêu chí thử', position: 1 }));
	ok(
		await db.from('criterion').insert([
			{ id: 'e2e0c1a5-0000-4000-8000-00000000a001', criteria_set_id: OLD_SET, group_id: group, code: 'A1', name: 'Tiêu chí thử một', kind: 'base', max_points: 10, position: 1 },
			{ id: 'e2e0c1a5-0000-4000-8000-00000000a002', criteria_set_id: OLD_SET, group_id: group, code: 'A2', name: 'Tiêu chí thử hai', kind: 'base', max_points: 10, position: 2 }
		])
	);
	ok(await db.from('criteria_set').update({ status: 'frozen' }).eq('id', OLD_SET));
	ok(await db.from('assessment_round').insert({ id: OLD_ROUND, year: OLD_YEAR, period: 'year_end', criteria_set_id: OLD_SET }));
	const unit = (await db.from('unit').select('id').eq('code', 'ba-dinh').single()).data?.id as string;
	const score = (criterion: string, stage: string, points: number, reason: string | null = null) => ({
		round_id: OLD_ROUND,
		unit_id: unit,
		criterion_id: `e2e0c1a5-0000-4000-8000-00000000a00${criterion}`,
		stage,
		points,
		reason
	});
	ok(await db.from('score').insert([score('1', 'self', 9), score('2', 'self', 9)]));
	ok(await db.from('score').insert([score('1', 'cluster', 8, 'Thiếu biên bản của một khu dân cư.'), score('2', 'cluster', 9)]));
}

/** The published round cannot be removed through the API (the freeze): the database owner removes it. */
async function removeOldRound(): Promise<void> {
	const url = process.env.SUPABASE_DB_URL;
	if (!url) throw new Error('SUPABASE_DB_URL is set by tests/run-all.ts');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('begin');
		await client.query('set local session_replication_role = replica');
		await client.query('delete from public.score_history where round_id = $1', [OLD_ROUND]);
		await client.query('delete from public.score where round_id = $1', [OLD_ROUND]);
		await client.query('delete from public.unit_result where round_id = $1', [OLD_ROUND]);
		await client.query('delete from public.assessment_round where id = $1', [OLD_ROUND]);
		await client.query("delete from public.decision where year = $1 and number like 'E2E-%'", [OLD_YEAR]);
		await client.query('delete from public.criterion where criteria_set_id = $1', [OLD_SET]);
		await client.query('delete from public.criterion_group where criteria_set_id = $1', [OLD_SET]);
		await client.query('delete from public.criteria_set where id = $1', [OLD_SET]);
		await client.query('commit');
	} finally {
		await client.end();
	}
}

test('the city reviews a round, publishes it with its decision and corrects a result by a new decision', async ({ browser }, testInfo) => {
	await removeOldRound();
	await makeOldRound();
	try {
		const page = await signedInPage(browser, ADMIN);
		await page.goto('/app/scoring/city');
		await expect(page.getByTestId('city-round').locator('option:checked')).toHaveText(`Tổng kết năm ${year} (đang chấm)`);
		await expect(page.getByTestId('city-results')).toBeVisible();
		await page.getByTestId('city-round').selectOption({ label: `Tổng kết năm ${OLD_YEAR} (đang chấm)` });
		await expect(page.getByTestId('city-cluster').locator('option:checked')).toHaveText('Cụm thi đua số 1');
		await expect(page.getByTestId('city-open')).toBeVisible();
		const row = page.locator('[data-testid=city-unit-row][data-unit="Quận Ba Đình"]');
		await expect(row.getByTestId('city-total-self')).toHaveAttribute('data-points', '18');
		await expect(row.getByTestId('city-total-cluster')).toHaveAttribute('data-points', '17');
		await expect(row.getByTestId('city-total-result')).toHaveAttribute('data-points', '17');

		// The city's scores: A1 above the cluster's needs a reason, A2 equal to it does not.
		await row.getByTestId('city-unit-open').click();
		const review = page.getByTestId('city-unit-review');
		const crit = (code: string) => review.locator(`[data-testid=city-criterion][data-criterion="${code}"]`);
		await expect(crit('A1').getByTestId('city-cluster')).toContainText('Lý do: Thiếu biên bản của một khu dân cư.');
		await crit('A1').getByTestId('cell-input').fill('9');
		await crit('A1').getByTestId('cell-input').press('Enter');
		await expect(crit('A1').getByTestId('grid-cell-body')).toHaveAttribute('data-state', 'needsReason');
		await expect(crit('A1').getByTestId('cell-status')).toHaveText('Cần ghi lý do: khác điểm Cụm chấm');
		await expect(crit('A1').getByTestId('cell-reason')).toBeFocused();
		await page.keyboard.type('Đơn vị đã bổ sung biên bản khi Thành phố kiểm tra.');
		await page.keyboard.press('Enter');
		await expect(crit('A2').getByTestId('cell-input')).toBeFocused();
		await expect(crit('A1').getByTestId('grid-cell-body')).toHaveAttribute('data-state', 'saved');
		await page.keyboard.type('9');
		await page.keyboard.press('Tab');
		await expect(crit('A2').getByTestId('grid-cell-body')).toHaveAttribute('data-state', 'saved');
		await expect(row.getByTestId('city-total-city')).toHaveAttribute('data-points', '18');
		await expect(row.getByTestId('city-total-result')).toHaveAttribute('data-points', '18');
		await shoot(page, testInfo, 'city-review');

		// Publication: the form checks the date, then asks (it cannot be undone).
		await page.getByTestId('city-publish-number').fill('E2E-120/QĐ-MTTQ-BTT');
		await page.getByTestId('city-publish-date').fill('31/02/2023');
		await page.getByTestId('city-publish-submit').click();
		await expect(page.getByTestId('city-publish-form')).toContainText('Ngày ký chưa đúng dạng dd/mm/yyyy.');
		await page.getByTestId('city-publish-date').fill('20/12/2023');
		await page.getByTestId('city-publish-submit').click();
		await expect(page.getByTestId('city-publish-confirm')).toContainText('Không hoàn tác được');
		await page.getByTestId('city-publish-confirm-confirm').click();
		await expect(page.getByTestId('city-published')).toContainText('Đã công bố theo Quyết định số E2E-120/QĐ-MTTQ-BTT ngày 20/12/2023');
		await expect(page.getByTestId('city-publish-form')).toHaveCount(0);
		await expect(review.getByTestId('cell-input')).toHaveCount(0);
		await expect(crit('A1').getByTestId('cell-value')).toHaveText('Thành phố: 9');

		// A correction with the publishing decision's number is refused in words; with a new number it is recorded.
		const form = page.getByTestId('city-correct-form');
		await form.getByTestId('city-correct-unit').selectOption({ label: 'Quận Ba Đình' });
		await form.getByTestId('city-correct-criterion').selectOption({ label: 'A1 — Tiêu chí thử một' });
		await expect(form.getByTestId('city-correct-current')).toHaveText('Điểm đang tính: 9');
		await form.getByTestId('city-correct-points').fill('9,5');
		await form.getByTestId('city-correct-number').fill('E2E-120/QĐ-MTTQ-BTT');
		await form.getByTestId('city-correct-date').fill(today);
		await form.getByTestId('city-correct-reason').fill('Khiếu nại của đơn vị được chấp nhận.');
		await form.getByTestId('city-correct-submit').click();
		await page.getByTestId('city-correct-confirm-confirm').click();
		await expect(page.getByTestId('notices-errors')).toContainText('Số quyết định này đã được dùng trong năm.');
		await form.getByTestId('city-correct-number').fill('E2E-130/QĐ-MTTQ-BTT');
		await form.getByTestId('city-correct-submit').click();
		await expect(page.getByTestId('city-correct-confirm')).toContainText('Điều chỉnh điểm tiêu chí A1 của Quận Ba Đình thành 9,5');
		await page.getByTestId('city-correct-confirm-confirm').click();
		await expect(page.getByTestId('notices-status')).toContainText('Đã ghi điều chỉnh theo Quyết định số E2E-130/QĐ-MTTQ-BTT.');
		await expect(crit('A1').getByTestId('cell-value')).toHaveText('Thành phố: 9,5');
		await expect(row.getByTestId('city-total-result')).toHaveAttribute('data-points', '18.5');

		// The decisions and the history say what happened, by which decision.
		await expect(page.getByTestId('city-decision')).toHaveCount(2);
		await expect(page.locator('[data-testid=city-decision][data-kind=publish]')).toContainText('Quyết định số E2E-120/QĐ-MTTQ-BTT ngày 20/12/2023');
		await expect(page.locator('[data-testid=city-decision][data-kind=correction]')).toContainText('Khiếu nại của đơn vị được chấp nhận.');
		const change = review.locator('[data-testid=city-history-item][data-stage=city]').first();
		await expect(change).toContainText('Thành phố A1: 9 → 9,5');
		await expect(change).toContainText('theo Quyết định số E2E-130/QĐ-MTTQ-BTT');
		await shoot(page, testInfo, 'city-published');
		await page.context().close();
	} finally {
		await removeOldRound();
	}
});
