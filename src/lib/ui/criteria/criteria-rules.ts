// Pure rules of the criteria screen: what makes a group's or a criterion's fields acceptable (the checks the database
// makes, so the city admin is told before sending), where a new one goes, which rounds can still be opened, and the
// title a new year's set gets. No Svelte, no Supabase: unit-tested.
import type { AssessmentRound, CriteriaSet, CriterionKind, RoundPeriod } from '$lib/remote/criteria-api';
import { parsePoints, type PointsProblem } from '$lib/ui/assessment/points';

export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,20}$/;
export const MAX_POINTS_LIMIT = 1000;
export const periods: readonly RoundPeriod[] = ['mid_year', 'year_end'];
export const kinds: readonly CriterionKind[] = ['base', 'bonus', 'penalty'];

export type FieldIssue = 'codeFormat' | 'codeTaken' | 'nameLength' | 'guidanceLength' | `max.${PointsProblem | 'zero'}`;

export interface GroupDraft {
	code: string;
	name: string;
}

export interface CriterionDraft extends GroupDraft {
	guidance: string;
	kind: CriterionKind;
	maxPoints: string;
}

/** Codes already used in the set by groups or by criteria, except the one being edited. */
function codesIn(set: CriteriaSet, what: 'group' | 'criterion', exceptId: string | null): Set<string> {
	const items = what === 'group' ? set.groups : set.groups.flatMap((g) => g.criteria);
	return new Set(items.filter((i) => i.id !== exceptId).map((i) => i.code.toLowerCase()));
}

function codeAndName(draft: GroupDraft, taken: Set<string>, nameMax: number): Partial<Record<'code' | 'name', FieldIssue>> {
	const issues: Partial<Record<'code' | 'name', FieldIssue>> = {};
	const code = draft.code.trim();
	if (!CODE_PATTERN.test(code)) issues.code = 'codeFormat';
	else if (taken.has(code.toLowerCase())) issues.code = 'codeTaken';
	const name = draft.name.trim().length;
	if (name < 3 || name > nameMax) issues.name = 'nameLength';
	return issues;
}

export function groupIssues(set: CriteriaSet, draft: GroupDraft, editingId: string | null = null) {
	return codeAndName(draft, codesIn(set, 'group', editingId), 300);
}

/** Issues per field; an empty object means the criterion can be sent. */
export function criterionIssues(
	set: CriteriaSet,
	draft: CriterionDraft,
	editingId: string | null = null
): Partial<Record<'code' | 'name' | 'guidance' | 'maxPoints', FieldIssue>> {
	const issues: Partial<Record<'code' | 'name' | 'guidance' | 'maxPoints', FieldIssue>> = {
		...codeAndName(draft, codesIn(set, 'criterion', editingId), 500)
	};
	if (draft.guidance.length > 4000) issues.guidance = 'guidanceLength';
	const max = parsePoints(draft.maxPoints, MAX_POINTS_LIMIT);
	if (!max.ok) issues.maxPoints = `max.${max.problem}`;
	else if (max.value <= 0) issues.maxPoints = 'max.zero';
	return issues;
}

/** The criterion as the API takes it (only once `criterionIssues` is empty). */
export function cleanCriterion(draft: CriterionDraft) {
	const max = parsePoints(draft.maxPoints, MAX_POINTS_LIMIT);
	return {
		code: draft.code.trim(),
		name: draft.name.trim(),
		guidance: draft.guidance.trim() === '' ? null : draft.guidance.trim(),
		kind: draft.kind,
		maxPoints: max.ok ? max.value : 0
	};
}

/** After the last one: positions run through the whole set (criteria are numbered across groups). */
export function nextPosition(items: readonly { position: number }[]): number {
	return items.reduce((m, i) => Math.max(m, i.position), 0) + 1;
}

/** Periods of the year that have no round yet (a round exists at most once per year and period). */
export function openablePeriods(rounds: readonly AssessmentRound[], year: number): RoundPeriod[] {
	return periods.filter((p) => !rounds.some((r) => r.year === year && r.period === p));
}

/** The title of a copy: the source's year replaced by the new one. */
export function copiedSetTitle(title: string, fromYear: number, toYear: number): string {
	return title.split(String(fromYear)).join(String(toYear));
}

/** The newest set before `year`, to offer as the source of a copy. */
export function previousSet<T extends { year: number }>(sets: readonly T[], year: number): T | null {
	return sets.filter((s) => s.year < year).reduce<T | null>((best, s) => (best === null || s.year > best.year ? s : best), null);
}
