// The read side of the standings screens: how numbers, rank changes, gaps and status read; which round and cluster
// open by default; what the charts are given.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import { compareStandingRows, type StandingRow, type StandingsCatalog } from '$lib/remote/standings-api';
import { breakdownChartConfig, chartHeight, rankingChartConfig } from './standings-chart';
import { selectStandings } from './standings-selection';
import { formatClock, formatPoints, gapText, rankChange, statusText } from './standings-text';

afterEach(() => setLocale('vi'));

function row(unitName: string, rank: number | null, total: number, groupTotals: Record<string, number> = {}): StandingRow {
	return {
		unitId: unitName,
		unitName,
		rank,
		previousRank: null,
		rankChange: null,
		total,
		selfTotal: total,
		groupTotals,
		scoredCriteria: 1,
		gapToNext: null,
		updatedAt: ''
	};
}

describe('standings text', () => {
	it('writes points with a decimal comma in Vietnamese and a point in English', () => {
		expect(formatPoints(8.5)).toBe('8,5');
		expect(formatPoints(72)).toBe('72');
		expect(formatPoints(72.25)).toBe('72,25');
		expect(formatPoints(8.5, 'en')).toBe('8.5');
	});

	it('says the rank change in words beside the arrow', () => {
		expect(rankChange(2)).toEqual({ arrow: '▲', direction: 'up', places: 2, text: 'tăng 2 bậc' });
		expect(rankChange(-1)).toEqual({ arrow: '▼', direction: 'down', places: 1, text: 'giảm 1 bậc' });
		expect(rankChange(0).text).toBe('giữ nguyên thứ hạng');
		expect(rankChange(null).direction).toBe('none');
	});

	it('gives the gap to the next place, and "Dẫn đầu" for the leaders', () => {
		expect(gapText(2.5)).toBe('kém hạng trên 2,5 điểm');
		expect(gapText(null)).toBe('Dẫn đầu');
	});

	it('marks standings provisional until published, then names the decision', () => {
		expect(statusText({ official: false, decisionNumber: null, decisionSignedOn: null })).toBe('Tạm tính');
		expect(statusText({ official: true, decisionNumber: '45/QĐ-MTTQ-BTT', decisionSignedOn: '2026-07-10' })).toBe(
			'Chính thức — Quyết định số 45/QĐ-MTTQ-BTT, ngày 10/07/2026'
		);
	});

	it('shows update times as HH:mm:ss in Hanoi', () => {
		expect(formatClock('2026-11-20T17:05:09Z')).toBe('00:05:09');
	});

	it('orders tied units by name after rank (1, 2, 2, 4)', () => {
		const rows = [row('Xã Đông Anh', 2, 10), row('Phường Ba Đình', 4, 5), row('Phường Ngọc Hà', 2, 10), row('Phường Cửa Nam', 1, 12)];
		expect(rows.sort(compareStandingRows).map((r) => r.unitName)).toEqual([
			'Phường Cửa Nam',
			'Phường Ngọc Hà',
			'Xã Đông Anh',
			'Phường Ba Đình'
		]);
	});
});

const catalog: StandingsCatalog = {
	rounds: [
		{ id: 'ye26', year: 2026, period: 'year_end', official: false, publishedAt: null, criteriaSetId: 's26' },
		{ id: 'my26', year: 2026, period: 'mid_year', official: true, publishedAt: '2026-07-10T08:00:00Z', criteriaSetId: 's26' },
		{ id: 'ye25', year: 2025, period: 'year_end', official: true, publishedAt: '2025-12-01T08:00:00Z', criteriaSetId: 's25' }
	],
	clusters: [
		{ id: 'k1', year: 2026, name: 'Cụm thi đua số 1', unitIds: ['badinh', 'donganh', 'ngocha'] },
		{ id: 'k2', year: 2026, name: 'Cụm thi đua số 2', unitIds: ['hoankiem'] },
		{ id: 'k25', year: 2025, name: 'Cụm thi đua số 1', unitIds: ['quan-ba-dinh'] }
	],
	groups: []
};

describe('selectStandings', () => {
	it("opens this year's latest round in the reader's own cluster", () => {
		const s = selectStandings(catalog, { year: 2026, myUnitIds: ['hoankiem'] });
		expect([s?.round.id, s?.cluster.id]).toEqual(['ye26', 'k2']);
		expect(s?.clusters.map((c) => c.id)).toEqual(['k1', 'k2']);
	});

	it('prefers the cluster a lead leads, and falls back to the first cluster', () => {
		expect(selectStandings(catalog, { year: 2026, myClusterIds: ['k1'], myUnitIds: ['hoankiem'] })?.cluster.id).toBe('k1');
		expect(selectStandings(catalog, { year: 2026 })?.cluster.id).toBe('k1');
	});

	it('takes the round and cluster from the address, keeping the cluster within the round’s year', () => {
		expect(selectStandings(catalog, { year: 2026, roundId: 'my26', clusterId: 'k2' })?.cluster.id).toBe('k2');
		const past = selectStandings(catalog, { year: 2026, roundId: 'ye25', clusterId: 'k2' });
		expect([past?.round.id, past?.cluster.id]).toEqual(['ye25', 'k25']);
	});

	it('falls back to the newest round when this year has none, and to nothing without rounds', () => {
		expect(selectStandings(catalog, { year: 2027 })?.round.id).toBe('ye26');
		expect(selectStandings({ rounds: [], clusters: [], groups: [] }, { year: 2026 })).toBeNull();
	});
});

describe('standings charts', () => {
	const rows = [row('Phường Ngọc Hà', 1, 80.5, { A: 18, E: -1 }), row('Xã Đông Anh', 2, 70, { A: 17 })];
	const groups = [
		{ criteriaSetId: 's', code: 'A', name: 'Tập hợp', position: 1 },
		{ criteriaSetId: 's', code: 'E', name: 'Thưởng, trừ', position: 2 }
	];

	it('draws one bar per unit in rank order, labelled with the rank', () => {
		const config = rankingChartConfig(rows, { label: 'Điểm' });
		expect(config.data.labels).toEqual(['1. Phường Ngọc Hà', '2. Xã Đông Anh']);
		expect(config.data.datasets[0]?.data).toEqual([80.5, 70]);
		expect(config.options?.indexAxis).toBe('y');
	});

	it('stacks one segment per group, missing groups as zero', () => {
		const config = breakdownChartConfig(rows, groups, { label: 'Điểm' });
		expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['A. Tập hợp', [18, 17]],
			['E. Thưởng, trừ', [-1, 0]]
		]);
		expect(config.options?.scales?.x?.stacked).toBe(true);
	});

	it('cuts long group names in the legend only', () => {
		const long = [{ criteriaSetId: 's', code: 'D', name: 'Công tác thi đua, khen thưởng và chuyển đổi số', position: 1 }];
		const config = breakdownChartConfig(rows, long, { label: 'Điểm' });
		expect(config.data.datasets[0]?.label).toBe('D. Công tác thi đua, khen…');
	});

	it('gives every unit room for its label', () => {
		expect(chartHeight(3)).toBe(188);
		expect(chartHeight(12)).toBeGreaterThan(chartHeight(3));
	});
});
