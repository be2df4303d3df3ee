// The scoring grid as data: cell keys, the scores of a unit by stage, totals the way the database counts them
// (bonus added, penalty subtracted, the highest stage present wins: city over cluster over self), and where the
// focus goes on Enter or an arrow key. Pure: no Svelte, no Supabase.
import type { ScoreEntry, ScoreStage } from '$lib/remote/cluster-scoring-api';
import type { CriterionGroup, CriterionKind } from '$lib/remote/criteria-api';

export function cellKey(roundId: string, unitId: string, criterionId: string): string {
	return `${roundId}|${unitId}|${criterionId}`;
}

export function parseCellKey(key: string): { roundId: string; unitId: string; criterionId: string } {
	const [roundId = '', unitId = '', criterionId = ''] = key.split('|');
	return { roundId, unitId, criterionId };
}

/** A unit's column in the grid. */
export interface GridColumn {
	unitId: string;
	unitName: string;
	/** The lead's own home unit (or one it came from or became): never scored by him. */
	conflict: boolean;
}

export type StageScores = Partial<Record<ScoreStage, ScoreEntry>>;

/** Scores by unit and criterion: `index.get(unitId)?.get(criterionId)?.cluster`. */
export function indexScores(scores: readonly ScoreEntry[]): Map<string, Map<string, StageScores>> {
	const byUnit = new Map<string, Map<string, StageScores>>();
	for (const s of scores) {
		let byCriterion = byUnit.get(s.unitId);
		if (!byCriterion) byUnit.set(s.unitId, (byCriterion = new Map()));
		const stages = byCriterion.get(s.criterionId) ?? {};
		stages[s.stage] = s;
		byCriterion.set(s.criterionId, stages);
	}
	return byUnit;
}

export function signed(kind: CriterionKind, points: number): number {
	return kind === 'penalty' ? -points : points;
}

export interface Total {
	/** Rounded to the hundredth. */
	points: number;
	/** Criteria with a score. */
	counted: number;
	/** Criteria in the set. */
	of: number;
}

/** The total of the points `pick` gives per criterion (null: not scored), the way the standings count it. */
export function total(groups: readonly Pick<CriterionGroup, 'criteria'>[], pick: (criterionId: string) => number | null | undefined): Total {
	let points = 0;
	let counted = 0;
	let of = 0;
	for (const g of groups) {
		for (const c of g.criteria) {
			of++;
			const p = pick(c.id);
			if (p === null || p === undefined) continue;
			counted++;
			points += signed(c.kind, p);
		}
	}
	return { points: Math.round(points * 100) / 100, counted, of };
}

const PRECEDENCE: ScoreStage[] = ['city', 'cluster', 'self'];

/** The score that counts for a criterion: the highest stage present. */
export function effectivePoints(stages: StageScores | undefined): number | null {
	for (const stage of PRECEDENCE) {
		const s = stages?.[stage];
		if (s) return s.points;
	}
	return null;
}

export type NavKey = 'up' | 'down' | 'left' | 'right';

/**
 * The cell to focus from (row, col) in a direction, skipping cells that cannot be edited (a conflicted unit's
 * column); null at the edge. Rows run over criteria, columns over units.
 */
export function neighbour(
	from: { row: number; col: number },
	key: NavKey,
	size: { rows: number; cols: number },
	editable: (row: number, col: number) => boolean
): { row: number; col: number } | null {
	const [dr, dc] = key === 'up' ? [-1, 0] : key === 'down' ? [1, 0] : key === 'left' ? [0, -1] : [0, 1];
	let row = from.row + dr;
	let col = from.col + dc;
	while (row >= 0 && row < size.rows && col >= 0 && col < size.cols) {
		if (editable(row, col)) return { row, col };
		row += dr;
		col += dc;
	}
	return null;
}
