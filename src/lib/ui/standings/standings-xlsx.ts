// The XLSX workbook of a cluster's standings (sheet 1) and per-criterion scores (sheet 2), written with
// write-excel-file. Imported dynamically when the reader asks for it: the library is in no page's first load.
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import { t } from '$lib/i18n';
import type { ExportInput, ExportTable, ScoreSheetInput } from './standings-export';
import { scoresTable, standingsTable } from './standings-export';

function cells(row: ExportTable[number], bold = false): Row {
	return row.map((value): Cell => (value === null ? null : bold ? { value, fontWeight: 'bold', wrap: true } : { value }));
}

/** Widths in characters: short for ranks and points, wide for names and reasons. */
function widths(header: ExportTable[number], wide: number[]): { width: number }[] {
	return header.map((_, i) => ({ width: wide.includes(i) ? 36 : 13 }));
}

export async function standingsWorkbook(input: ExportInput, sheet: ScoreSheetInput): Promise<Blob> {
	const [standingsHeader = [], ...standingsBody] = standingsTable(input);
	const [scoresHeader = [], ...scoresBody] = scoresTable(input, sheet);
	const standingsData: Row[] = [
		[{ value: t('standings.caption', { cluster: input.clusterName, round: input.roundLabel }), fontWeight: 'bold', fontSize: 14 }],
		[{ value: input.statusText }],
		[],
		cells(standingsHeader, true),
		...standingsBody.map((r) => cells(r))
	];
	const sheets: Sheet<Blob>[] = [
		{
			sheet: t('standings.export.sheetStandings'),
			data: standingsData,
			columns: widths(standingsHeader, [2]),
			stickyRowsCount: 4
		},
		{
			sheet: t('standings.export.sheetScores'),
			data: [cells(scoresHeader, true), ...scoresBody.map((r) => cells(r))],
			columns: widths(scoresHeader, [0, 3, 10, 11]),
			stickyRowsCount: 1
		}
	];
	return writeXlsxFile(sheets).toBlob();
}
