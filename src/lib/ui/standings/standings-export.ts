// A cluster's standings and per-criterion scores as tables, and as CSV for Vietnamese Excel: UTF-8 with a BOM (or
// Excel guesses a legacy code page and mangles "Phường"), semicolons between fields and a decimal comma (the vi-VN
// list separator and decimal symbol, so Excel opens the file straight into numeric columns), CRLF, RFC 4180 quoting.
// The XLSX workbook is built from the same tables by standings-xlsx.ts, which is loaded only when exporting.
import { t } from '$lib/i18n';
import { foldText } from '$lib/ui/admin/fold-text';
import type {
	ClusterStandings,
	CriterionGroupInfo,
	CriterionInfo,
	ScoreRow,
	StandingRow,
	Stage
} from '$lib/remote/standings-api';

export type ExportCell = string | number | null;
export type ExportTable = ExportCell[][];

export interface ExportInput {
	clusterName: string;
	roundLabel: string;
	statusText: string;
	groups: CriterionGroupInfo[];
	standings: ClusterStandings;
}

export interface ScoreSheetInput {
	criteria: CriterionInfo[];
	scores: ScoreRow[];
}

export function standingsTable(input: ExportInput): ExportTable {
	const header: ExportCell[] = [
		t('standings.col.rank'),
		t('standings.export.col.rankChange'),
		t('standings.col.unit'),
		t('standings.col.total'),
		t('standings.export.col.gap'),
		...input.groups.map((g) => `${g.code}. ${g.name}`),
		t('standings.export.col.selfTotal'),
		t('standings.export.col.scored'),
		t('standings.export.col.status')
	];
	const body = input.standings.rows.map((r: StandingRow): ExportCell[] => [
		r.rank,
		r.rankChange,
		r.unitName,
		r.total,
		r.gapToNext,
		...input.groups.map((g) => r.groupTotals[g.code] ?? 0),
		r.selfTotal,
		r.scoredCriteria,
		input.statusText
	]);
	return [header, ...body];
}

const stageOrder: Stage[] = ['city', 'cluster', 'self'];

/** One row per unit and criterion that the reader may see any score of, in rank then criterion order. */
export function scoresTable(input: ExportInput, sheet: ScoreSheetInput): ExportTable {
	const header: ExportCell[] = [
		t('standings.col.unit'),
		t('standings.export.col.group'),
		t('standings.export.col.criterionCode'),
		t('standings.export.col.criterion'),
		t('standings.export.col.kind'),
		t('standings.export.col.max'),
		t('standings.export.col.self'),
		t('standings.export.col.cluster'),
		t('standings.export.col.city'),
		t('standings.export.col.effective'),
		t('standings.export.col.reasonCluster'),
		t('standings.export.col.reasonCity')
	];
	const byKey = new Map<string, ScoreRow>();
	for (const s of sheet.scores) byKey.set(`${s.unitId}|${s.criterionId}|${s.stage}`, s);
	const criteria = [...sheet.criteria].sort((a, b) => a.position - b.position);
	const body: ExportTable = [];
	for (const unit of input.standings.rows) {
		if (!sheet.scores.some((s) => s.unitId === unit.unitId)) continue;
		for (const c of criteria) {
			const at = (stage: Stage) => byKey.get(`${unit.unitId}|${c.id}|${stage}`);
			const best = stageOrder.map(at).find((s) => s !== undefined);
			const effective = best === undefined ? null : c.kind === 'penalty' ? -best.points : best.points;
			body.push([
				unit.unitName,
				c.groupCode,
				c.code,
				c.name,
				t(`standings.kind.${c.kind}`),
				c.maxPoints,
				at('self')?.points ?? null,
				at('cluster')?.points ?? null,
				at('city')?.points ?? null,
				effective,
				at('cluster')?.reason ?? null,
				at('city')?.reason ?? null
			]);
		}
	}
	return [header, ...body];
}

const csvNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, useGrouping: false });

/** A text cell that Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP). */
function neutralise(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: ExportCell): string {
	if (cell === null) return '';
	const text = typeof cell === 'number' ? csvNumber.format(cell) : neutralise(cell);
	return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

export function toCsv(table: ExportTable): string {
	return CSV_BOM + table.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function slug(text: string): string {
	return foldText(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** "xep-hang_cum-thi-dua-so-1_tong-ket-nam-2026.csv" */
export function exportFileName(kind: 'standings' | 'scores', input: Pick<ExportInput, 'clusterName' | 'roundLabel'>, ext: 'csv' | 'xlsx'): string {
	const prefix = t(kind === 'standings' ? 'standings.export.fileStandings' : 'standings.export.fileScores');
	return `${prefix}_${slug(input.clusterName)}_${slug(input.roundLabel)}.${ext}`;
}
