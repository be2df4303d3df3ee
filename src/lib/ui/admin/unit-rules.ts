// Pure rules of the units screen: what "current" means on a given day, the list filter, and a unit's lineage read
// both ways. No Supabase here: the screen passes rows in, so these are unit-tested.
import type { LineageEdge, UnitRow } from '$lib/remote/admin-api';
import { todayInHanoi } from '$lib/i18n';
import { matchesQuery, matchRank } from './fold-text';

/** The emulation year is the calendar year in Asia/Ho_Chi_Minh (on 31/12 at 18:00 UTC Hanoi is already in the next). */
export function currentYearInHanoi(now: Date = new Date()): number {
	return Number(todayInHanoi(now).slice(0, 4));
}

export type Validity = 'current' | 'historical' | 'all';

/** valid_to is exclusive (a unit that ended on 01/07/2025 was last valid on 30/06/2025). Dates are yyyy-mm-dd. */
export function isCurrentOn(unit: Pick<UnitRow, 'validFrom' | 'validTo'>, today: string): boolean {
	return unit.validFrom <= today && (unit.validTo === null || unit.validTo > today);
}

export interface UnitFilter {
	query: string;
	kind: string;
	validity: Validity;
	today: string;
}

/** Units matching the filter; exact matches of the typed (accented) text first, then by name in Vietnamese order. */
export function filterUnits(units: readonly UnitRow[], f: UnitFilter): UnitRow[] {
	const collator = new Intl.Collator('vi');
	return units
		.filter((u) => f.kind === '' || u.kind === f.kind)
		.filter((u) => f.validity === 'all' || isCurrentOn(u, f.today) === (f.validity === 'current'))
		.filter((u) => matchesQuery(f.query, u.name, u.code))
		.sort((a, b) => matchRank(f.query, a.name) - matchRank(f.query, b.name) || collator.compare(a.name, b.name));
}

export interface LineageLink {
	unitId: string;
	name: string;
	change: LineageEdge['change'];
	effectiveOn: string;
}

/** "trước đây là …" (edges into the unit) and "nay là …" (edges out of it), oldest first. */
export function lineageOf(
	unitId: string,
	edges: readonly LineageEdge[],
	nameOf: (id: string) => string
): { formerly: LineageLink[]; nowIs: LineageLink[] } {
	const link = (id: string, e: LineageEdge): LineageLink => ({ unitId: id, name: nameOf(id), change: e.change, effectiveOn: e.effectiveOn });
	const byDate = (a: LineageLink, b: LineageLink) => a.effectiveOn.localeCompare(b.effectiveOn) || a.name.localeCompare(b.name, 'vi');
	return {
		formerly: edges.filter((e) => e.toUnitId === unitId).map((e) => link(e.fromUnitId, e)).sort(byDate),
		nowIs: edges.filter((e) => e.fromUnitId === unitId).map((e) => link(e.toUnitId, e)).sort(byDate)
	};
}
