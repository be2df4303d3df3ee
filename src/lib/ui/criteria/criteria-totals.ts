// Sums over a criteria set: the most a unit can reach on base criteria, the bonus on top and the penalty that can
// be taken off; and a unit's total from points per criterion (penalties subtracted), as the database computes it
// for the standings. Pure: unit-tested.
import type { Criterion, CriterionKind } from '$lib/remote/criteria-api';

export interface KindTotals {
	base: number;
	bonus: number;
	penalty: number;
}

type Scored = Pick<Criterion, 'id' | 'kind' | 'maxPoints'>;

const cents = (n: number) => Math.round(n * 100);

function addTo(totals: KindTotals, kind: CriterionKind, points: number): void {
	totals[kind] = (cents(totals[kind]) + cents(points)) / 100;
}

/** Maximum points by kind (base max, bonus max, penalty max). */
export function maxTotals(criteria: readonly Scored[]): KindTotals {
	const totals: KindTotals = { base: 0, bonus: 0, penalty: 0 };
	for (const c of criteria) addTo(totals, c.kind, c.maxPoints);
	return totals;
}

/** Points given by kind, and the total: base + bonus − penalty. Criteria without points count as nothing. */
export function scoreTotals(
	criteria: readonly Scored[],
	points: ReadonlyMap<string, number>
): KindTotals & { total: number; scored: number } {
	const totals: KindTotals = { base: 0, bonus: 0, penalty: 0 };
	let scored = 0;
	for (const c of criteria) {
		const p = points.get(c.id);
		if (p === undefined) continue;
		scored += 1;
		addTo(totals, c.kind, p);
	}
	return { ...totals, total: (cents(totals.base) + cents(totals.bonus) - cents(totals.penalty)) / 100, scored };
}
