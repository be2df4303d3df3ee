// Exports read back: the CSV parsed as Excel would (BOM, semicolons, quotes, decimal comma), the XLSX opened with
// read-excel-file (the companion reader of the writer used) and compared cell by cell.
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { setLocale } from '$lib/i18n';
import type { ClusterStandings, CriterionGroupInfo, CriterionInfo, ScoreRow } from '$lib/remote/standings-api';
import { CSV_BOM, exportFileName, scoresTable, standingsTable, toCsv, type ExportInput } from './standings-export';
import { standingsWorkbook } from './standings-xlsx';

const groups: CriterionGroupInfo[] = [
	{ criteriaSetId: 's', code: 'A', name: 'Công tác tập hợp, đoàn kết Nhân dân', position: 1 },
	{ criteriaSetId: 's', code: 'E', name: 'Điểm thưởng và điểm trừ', position: 2 }
];

const standings: ClusterStandings = {
	roundId: 'r',
	clusterId: 'c',
	official: false,
	decisionNumber: null,
	decisionSignedOn: null,
	rows: [
		{
			unitId: 'u1',
			unitName: 'Phường Ngọc Hà',
			rank: 1,
			previousRank: 3,
			rankChange: 2,
			total: 18.5,
			selfTotal: 20,
			groupTotals: { A: 17.5, E: 1 },
			scoredCriteria: 3,
			gapToNext: null,
			updatedAt: '2026-11-20T02:00:00Z'
		},
		{
			unitId: 'u2',
			unitName: 'Xã "Đông Anh"; thử',
			rank: 2,
			previousRank: 1,
			rankChange: -1,
			total: 16,
			selfTotal: 16,
			groupTotals: { A: 16 },
			scoredCriteria: 2,
			gapToNext: 2.5,
			updatedAt: '2026-11-20T02:00:00Z'
		}
	]
};

const input: ExportInput = {
	clusterName: 'Cụm thi đua số 1',
	roundLabel: 'Tổng kết năm 2026',
	statusText: 'Tạm tính',
	groups,
	standings
};

const criteria: CriterionInfo[] = [
	{ id: 'c2', groupCode: 'E', code: 'E2', name: 'Chậm gửi báo cáo', kind: 'penalty', maxPoints: 5, position: 11 },
	{ id: 'c1', groupCode: 'A', code: 'A1', name: 'Ngày hội Đại đoàn kết', kind: 'base', maxPoints: 10, position: 1 },
	{ id: 'c3', groupCode: 'E', code: 'E1', name: 'Mô hình mới', kind: 'bonus', maxPoints: 5, position: 10 }
];

const scores: ScoreRow[] = [
	{ unitId: 'u1', criterionId: 'c1', stage: 'self', points: 9.5, reason: null },
	{ unitId: 'u1', criterionId: 'c1', stage: 'cluster', points: 8.5, reason: '=HYPERLINK("x"); thiếu biên bản\nbổ sung sau' },
	{ unitId: 'u1', criterionId: 'c2', stage: 'self', points: 1, reason: null },
	{ unitId: 'u1', criterionId: 'c3', stage: 'self', points: 2, reason: null }
];

/** RFC 4180 with ';' — the way Excel in a vi-VN locale splits the file. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += ch;
	}
	return rows;
}

describe('standings CSV', () => {
	setLocale('vi');

	it('starts with a UTF-8 BOM and parses back to the table, with decimal commas and quoted names', () => {
		const csv = toCsv(standingsTable(input));
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		const rows = parseCsv(csv.slice(1));
		expect(rows[0]).toEqual([
			'Hạng',
			'Thay đổi thứ hạng',
			'Đơn vị',
			'Tổng điểm',
			'Kém hạng trên (điểm)',
			'A. Công tác tập hợp, đoàn kết Nhân dân',
			'E. Điểm thưởng và điểm trừ',
			'Tổng điểm tự chấm',
			'Số tiêu chí đã chấm',
			'Trạng thái'
		]);
		expect(rows[1]).toEqual(['1', '2', 'Phường Ngọc Hà', '18,5', '', '17,5', '1', '20', '3', 'Tạm tính']);
		expect(rows[2]).toEqual(['2', '-1', 'Xã "Đông Anh"; thử', '16', '2,5', '16', '0', '16', '2', 'Tạm tính']);
		expect(rows).toHaveLength(3);
		expect(csv).toContain('"Xã ""Đông Anh""; thử"');
	});

	it('lists every stage of each readable score, the counted points signed, reasons quoted and never run as formulas', () => {
		const table = scoresTable(input, { criteria, scores });
		const rows = parseCsv(toCsv(table).slice(1));
		// Only Ngọc Hà: the reader may see no score of the other unit. Criteria in their order.
		expect(rows.map((r) => r[2])).toEqual(['Mã tiêu chí', 'A1', 'E1', 'E2']);
		expect(rows[1]).toEqual([
			'Phường Ngọc Hà',
			'A',
			'A1',
			'Ngày hội Đại đoàn kết',
			'Cơ bản',
			'10',
			'9,5',
			'8,5',
			'',
			'8,5',
			`'=HYPERLINK("x"); thiếu biên bản\nbổ sung sau`,
			''
		]);
		expect(rows[3]?.slice(4, 10)).toEqual(['Điểm trừ', '5', '1', '', '', '-1']);
		// The counted points add up to the unit's total when every score is readable.
		const counted = table.slice(1).reduce((sum, r) => sum + Number(r[9] ?? 0), 0);
		expect(counted).toBe(9.5);
	});

	it('names files after the cluster and the round without diacritics', () => {
		expect(exportFileName('standings', input, 'csv')).toBe('xep-hang_cum-thi-dua-so-1_tong-ket-nam-2026.csv');
		expect(exportFileName('scores', input, 'xlsx')).toBe('diem-tieu-chi_cum-thi-dua-so-1_tong-ket-nam-2026.xlsx');
	});
});

describe('standings XLSX', () => {
	it('reads back with both sheets, numbers as numbers and Vietnamese text intact', async () => {
		setLocale('vi');
		const blob = await standingsWorkbook(input, { criteria, scores });
		expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
		expect(sheets.map((s) => s.sheet)).toEqual(['Xếp hạng', 'Điểm theo tiêu chí']);

		const ranking = sheets[0]!.data;
		expect(ranking[0]?.[0]).toBe('Bảng xếp hạng Cụm thi đua số 1 — Tổng kết năm 2026');
		expect(ranking[1]?.[0]).toBe('Tạm tính');
		expect(ranking[3]).toEqual(standingsTable(input)[0]);
		expect(ranking[4]).toEqual([1, 2, 'Phường Ngọc Hà', 18.5, null, 17.5, 1, 20, 3, 'Tạm tính']);
		expect(ranking[5]).toEqual([2, -1, 'Xã "Đông Anh"; thử', 16, 2.5, 16, 0, 16, 2, 'Tạm tính']);

		const detail = sheets[1]!.data;
		expect(detail).toEqual(scoresTable(input, { criteria, scores }));
		// A reason starting with '=' stays text in a workbook (no formula cell is ever written).
		expect(detail[1]?.[10]).toBe('=HYPERLINK("x"); thiếu biên bản\nbổ sung sau');
	});
});
