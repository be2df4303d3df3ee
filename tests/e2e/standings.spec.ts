// The standings journey. Anyone, without signing in, reads the published mid-year standings of Cụm thi đua số 1 on
// the public page (the server-rendered table is the content; the charts draw under the CSP once chart.js arrives).
// The officer of Phường Ngọc Hà sees Cụm 1's provisional year-end standings; when the cluster lead scores Xã Đông Anh
// from elsewhere, the open page shows the new total within 60 s without a reload (the local stack has no realtime
// server, so this is the polling path). Exports read back; the page opens offline from its snapshot; chart.js is in
// no other route's JavaScript and the standings pages stay within the P2 budget. The lead's score is withdrawn at
// the end: the year-end round stays as the seed left it (open, never published).
import { expect, test, type Page } from '@playwright/test';
import type { SupabaseClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { signIn, waitForServiceWorker } from './helpers/device';
import { apiAs, hanoiYear } from './helpers/journey';
import { chunksContaining, gzipKiB, loadBuildGraph, routeFiles } from './helpers/js-budget';

const OFFICER = 'canbo.ngocha@thidua.test';
const LEAD = 'cumtruong.cum1@thidua.test';
const CLUSTER_1 = '22222222-2222-4222-8222-000000000001';
const DONG_ANH = '11111111-1111-4111-8111-000000000002';
const year = hanoiYear();
const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

async function roundId(client: SupabaseClient, period: 'mid_year' | 'year_end'): Promise<string> {
	const { data, error } = await client.from('assessment_round').select('id').eq('year', year).eq('period', period).single();
	if (error) throw error;
	return (data as { id: string }).id;
}

async function serverTotal(client: SupabaseClient, round: string, unit: string): Promise<number> {
	const { data, error } = await client.from('standings').select('total').eq('round_id', round).eq('unit_id', unit).single();
	if (error) throw error;
	return Number((data as { total: number }).total);
}

function row(page: Page, unit: string) {
	return page.locator(`[data-testid="standings-row"][data-unit="${unit}"]`);
}

test('anyone reads the published mid-year standings of Cụm 1 without signing in, and never a provisional round', async ({ page, browser }) => {
	const consoleErrors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	await page.goto('/standings');
	await expect(page).toHaveURL(/\/standings$/);
	await expect(page.getByTestId('standings-heading')).toHaveText(`Cụm thi đua số 1 — Sơ kết 6 tháng năm ${year}`);
	await expect(page.getByTestId('standings-status')).toHaveAttribute('data-official', 'yes');
	await expect(page.getByTestId('standings-status')).toHaveText(
		`Chính thức — Quyết định số 45/QĐ-MTTQ-BTT, ngày 10/07/${year}`
	);
	const rows = page.getByTestId('standings-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.first().getByTestId('standings-rank')).toContainText('1');
	await expect(rows.first().getByTestId('standings-gap')).toHaveText('Dẫn đầu');
	await expect(rows.nth(1).getByTestId('standings-gap')).toHaveText(/^kém hạng trên \d+(,\d+)? điểm$/);
	for (const unit of ['Phường Ba Đình', 'Xã Đông Anh', 'Phường Ngọc Hà']) {
		await expect(row(page, unit).getByTestId('standings-total')).toHaveText(/^\d+(,\d+)?$/);
	}
	await expect(page.getByTestId('standings-table').locator('thead th')).toHaveCount(4 + 5);
	await expect(page.getByTestId('standings-breakdown-table').locator('tbody th').first()).toContainText('Công tác tập hợp');
	// Only published rounds are offered.
	await expect(page.getByTestId('standings-round').locator('option')).toHaveText([`Sơ kết 6 tháng năm ${year}`]);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Cụm thi đua số 1 — Sơ kết 6 tháng/);
	// The charts draw (chart.js loaded on this page only, under the Content-Security-Policy).
	await expect(page.getByTestId('standings-ranking-chart')).toHaveAttribute('data-ready', 'yes');
	await expect(page.getByTestId('standings-breakdown-chart')).toHaveAttribute('data-ready', 'yes');
	expect(consoleErrors).toEqual([]);

	// Another cluster through the form.
	await page.getByTestId('standings-cluster').selectOption({ label: 'Cụm thi đua số 2' });
	await page.getByTestId('standings-show').click();
	await expect(page.getByTestId('standings-heading')).toHaveText(`Cụm thi đua số 2 — Sơ kết 6 tháng năm ${year}`);
	await expect(page.getByTestId('standings-row')).toHaveCount(3);

	// Asking for the open year-end round by its id shows the published one: the anon role cannot read provisional results.
	const yearEnd = await roundId(await apiAs(null), 'year_end');
	await page.goto(`/standings?round=${yearEnd}&cluster=${CLUSTER_1}`);
	await expect(page.getByTestId('standings-heading')).toHaveText(`Cụm thi đua số 1 — Sơ kết 6 tháng năm ${year}`);

	// Without JavaScript the server-rendered table is all there is, and it is complete.
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const plain = await noJs.newPage();
	await plain.goto('/standings');
	await expect(plain.getByTestId('standings-row')).toHaveCount(3);
	await expect(plain.getByTestId('standings-status')).toContainText('Chính thức');
	await noJs.close();
});

test('a unit officer watches the provisional year-end standings of Cụm 1 follow a score change without reloading', async ({ page }) => {
	test.setTimeout(180_000);
	const lead = await apiAs(LEAD);
	const round = await roundId(lead, 'year_end');
	const a1 = await lead.from('criterion').select('id, max_points').eq('code', 'A1').single();
	if (a1.error) throw a1.error;
	const criterion = (a1.data as { id: string; max_points: number }).id;
	const existing = await lead
		.from('score')
		.select('stage, points, reason')
		.eq('round_id', round)
		.eq('unit_id', DONG_ANH)
		.eq('criterion_id', criterion);
	if (existing.error) throw existing.error;
	const stages = (existing.data ?? []) as { stage: string; points: number; reason: string | null }[];
	const before = stages.find((s) => s.stage === 'cluster') ?? stages.find((s) => s.stage === 'self');
	if (!before) throw new Error('the seed self-assesses Xã Đông Anh on A1');
	const clusterBefore = stages.find((s) => s.stage === 'cluster') ?? null;

	await signIn(page, OFFICER);
	await page.getByTestId('nav-standings').click();
	await expect(page.getByTestId('standings-heading')).toHaveText(`Cụm thi đua số 1 — Tổng kết năm ${year}`);
	await expect(page.getByTestId('standings-status')).toHaveAttribute('data-official', 'no');
	await expect(page.getByTestId('standings-status')).toContainText('Tạm tính');
	await expect(page.getByTestId('standings-row')).toHaveCount(3);
	// No realtime server locally: the channel errs and the page polls.
	await expect(page.getByTestId('standings-live')).toHaveAttribute('data-mode', 'polling');
	await expect(page.getByTestId('standings-live')).toHaveText('Tự cập nhật mỗi 15 giây.');
	await expect(page.getByTestId('standings-updated')).toHaveText(/^Cập nhật lúc \d\d:\d\d:\d\d$/);
	await expect(page.getByTestId('standings-ranking-chart')).toHaveAttribute('data-ready', 'yes');
	const totalBefore = await serverTotal(lead, round, DONG_ANH);
	await expect(row(page, 'Xã Đông Anh').getByTestId('standings-total')).toHaveText(points.format(totalBefore));
	await page.evaluate(() => (document.documentElement.dataset.e2eSamePage = 'yes'));

	const changed = before.points >= 1.5 ? before.points - 1.5 : before.points + 1.5;
	const reason = 'Kiểm tra bảng xếp hạng trực tiếp: biên bản Ngày hội chưa đủ chữ ký.';
	try {
		const write = clusterBefore
			? await lead.from('score').update({ points: changed, reason }).eq('round_id', round).eq('unit_id', DONG_ANH)
					.eq('criterion_id', criterion).eq('stage', 'cluster').select('points')
			: await lead.from('score').insert({ round_id: round, unit_id: DONG_ANH, criterion_id: criterion, stage: 'cluster', points: changed, reason })
					.select('points');
		expect(write.error).toBeNull();
		expect(write.data).toHaveLength(1);
		const totalAfter = await serverTotal(lead, round, DONG_ANH);
		expect(totalAfter).toBe(totalBefore + changed - before.points);

		await expect(row(page, 'Xã Đông Anh').getByTestId('standings-total')).toHaveText(points.format(totalAfter), {
			timeout: 60_000
		});
		expect(await page.evaluate(() => document.documentElement.dataset.e2eSamePage)).toBe('yes');
	} finally {
		const undo = clusterBefore
			? await lead.from('score').update({ points: clusterBefore.points, reason: clusterBefore.reason }).eq('round_id', round)
					.eq('unit_id', DONG_ANH).eq('criterion_id', criterion).eq('stage', 'cluster').select('points')
			: await lead.from('score').delete().eq('round_id', round).eq('unit_id', DONG_ANH).eq('criterion_id', criterion)
					.eq('stage', 'cluster').select('points');
		expect(undo.error).toBeNull();
		expect(undo.data).toHaveLength(1);
	}
	expect(await serverTotal(lead, round, DONG_ANH)).toBe(totalBefore);
	const status = await lead.from('assessment_round').select('status').eq('id', round).single();
	expect((status.data as { status: string }).status).toBe('open');
});

test('the officer downloads Cụm 1 as XLSX and CSV, which read back with only the scores RLS lets him see', async ({ page }) => {
	await signIn(page, OFFICER);
	await page.goto('/app/standings');
	await expect(page.getByTestId('standings-row')).toHaveCount(3);
	const unitsInOrder = await page.getByTestId('standings-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));

	const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('standings-export-xlsx').click()]);
	expect(xlsx.suggestedFilename()).toBe(`xep-hang_cum-thi-dua-so-1_tong-ket-nam-${year}.xlsx`);
	const sheets = await readXlsxFile(readFileSync(await xlsx.path()));
	expect(sheets.map((s) => s.sheet)).toEqual(['Xếp hạng', 'Điểm theo tiêu chí']);
	const ranking = sheets[0]!.data;
	expect(ranking[0]?.[0]).toBe(`Bảng xếp hạng Cụm thi đua số 1 — Tổng kết năm ${year}`);
	expect(ranking[1]?.[0]).toBe('Tạm tính');
	expect(ranking.slice(4).map((r) => r[2])).toEqual(unitsInOrder);
	const detail = sheets[1]!.data;
	expect(detail[0]?.slice(0, 4)).toEqual(['Đơn vị', 'Nhóm', 'Mã tiêu chí', 'Tiêu chí']);
	// The officer of Ngọc Hà reads only his own unit's scores: eleven criteria, self and cluster stages.
	expect(new Set(detail.slice(1).map((r) => r[0]))).toEqual(new Set(['Phường Ngọc Hà']));
	expect(detail).toHaveLength(1 + 11);
	const b2 = detail.find((r) => r[2] === 'B2');
	expect(b2?.[7]).toBe(Number(b2?.[6]) - 2);
	expect(b2?.[10]).toBe('Số nhà Đại đoàn kết hỗ trợ chưa có biên bản bàn giao.');

	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('standings-export-csv').click()]);
	expect(csv.suggestedFilename()).toBe(`xep-hang_cum-thi-dua-so-1_tong-ket-nam-${year}.csv`);
	const bytes = readFileSync(await csv.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
	expect(lines[0]).toMatch(/^Hạng;Thay đổi thứ hạng;Đơn vị;Tổng điểm;/);
	expect(lines.slice(1).map((l) => l.split(';')[2])).toEqual(unitsInOrder);
	expect(lines.every((l) => l.split(';').length === lines[0]!.split(';').length)).toBe(true);
});

test('the standings open offline from the last snapshot', async ({ page, context }) => {
	await signIn(page, OFFICER);
	await waitForServiceWorker(page);
	await page.goto('/app/standings');
	await expect(page.getByTestId('standings-row')).toHaveCount(3);
	await expect(page.getByTestId('standings-updated')).toBeVisible();
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('snapshot-note')).toContainText('Ngoại tuyến');
	await expect(page.getByTestId('standings-row')).toHaveCount(3);
	await expect(page.getByTestId('standings-status')).toContainText('Tạm tính');
	await context.setOffline(false);
});

test('chart.js is in no other route’s JavaScript and the standings pages keep the P2 budget', async ({ request }, testInfo) => {
	const graph = loadBuildGraph();
	const chart = chunksContaining('Canvas is already in use');
	expect(chart).toHaveLength(1);
	const chartChunk = chart[0]!;
	const standingsRoutes = ['/(app)/app/standings', '/(public)/standings'];

	// Only the standings routes can ever load chart.js (statically or on demand).
	const loaders = [...graph.routes.keys()].filter((id) => routeFiles(graph, id, { withDynamic: true }).has(chartChunk));
	expect(loaders.sort()).toEqual(standingsRoutes);

	const figures: Record<string, number> = {};
	for (const [path, routeId, budget] of [
		['/', '/(public)', 50],
		['/gallery', '/(public)/gallery', 50],
		['/standings', '/(public)/standings', 130],
		['/app/standings', '/(app)/app/standings', 130]
	] as const) {
		const html = await (await request.get(path)).text();
		// Pages without client-side rendering load no script at all.
		const files = /import\("\/_app\/immutable\/entry\//.test(html) ? routeFiles(graph, routeId) : new Set<string>();
		expect(files.has(chartChunk), `${path} loads chart.js up front`).toBe(false);
		figures[path] = gzipKiB(files);
		expect(figures[path], `${path} initial JS (KiB gzip)`).toBeLessThanOrEqual(budget);
	}
	figures['chart.js chunk'] = gzipKiB([chartChunk]);
	testInfo.annotations.push({ type: 'initial JS, KiB gzip', description: JSON.stringify(figures) });
	console.log('initial JS, KiB gzip:', figures);
});
