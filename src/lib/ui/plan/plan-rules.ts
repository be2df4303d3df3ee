// Pure rules of the plan screens: which plan to copy to which year by default, the shifted dates shown before a copy
// is confirmed, a new milestone's code, and what makes a milestone's fields acceptable (the same checks the database
// makes, so the admin is told before sending). No Svelte, no Supabase: unit-tested.
import { shiftYears } from '$lib/domain/deadline';
import type { Completion, Milestone, MilestoneFields, PlanSummary, Responsible } from '$lib/remote/plan-api';
import { foldText } from '$lib/ui/admin/fold-text';

/** Milestones as the plan lists them: by date, then by their place in the plan. */
export function sortMilestones<T extends { dueOn: string; position: number }>(milestones: readonly T[]): T[] {
	return [...milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.position - b.position);
}

/** The plan to copy by default: the newest one (by year). */
export function defaultSource(plans: readonly PlanSummary[]): PlanSummary | null {
	return plans.reduce<PlanSummary | null>((best, p) => (best === null || p.year > best.year ? p : best), null);
}

/** The year a new plan is for by default: the year after the newest plan (or next year if there is none). */
export function defaultTargetYear(plans: readonly PlanSummary[], currentYear: number): number {
	const newest = defaultSource(plans);
	return newest ? newest.year + 1 : currentYear + 1;
}

/** Years that may receive a copy: from last year to five years ahead, without those that already have a plan. */
export function freeYears(plans: readonly PlanSummary[], currentYear: number): number[] {
	const taken = new Set(plans.map((p) => p.year));
	return Array.from({ length: 7 }, (_, i) => currentYear - 1 + i).filter((y) => !taken.has(y));
}

/** The title the copy gets (what copy_plan does when no title is given): the source's year replaced by the target's. */
export function copiedTitle(title: string, fromYear: number, toYear: number): string {
	return title.split(String(fromYear)).join(String(toYear));
}

export interface ShiftedMilestone {
	id: string;
	title: string;
	responsible: Responsible;
	from: string;
	to: string;
}

/** What the copy will contain: each milestone with its date moved by whole years (29/02 → 28/02), in date order. */
export function previewCopy(milestones: readonly Milestone[], fromYear: number, toYear: number): ShiftedMilestone[] {
	return sortMilestones(milestones).map((m) => ({
		id: m.id,
		title: copiedTitle(m.title, fromYear, toYear),
		responsible: m.responsible,
		from: m.dueOn,
		to: shiftYears(m.dueOn, toYear - fromYear)
	}));
}

const CODE = /^[a-z0-9_]{2,40}$/;

/** A code for a new milestone from its title (`^[a-z0-9_]{2,40}$`, unique in the plan). */
export function milestoneCode(title: string, taken: readonly string[]): string {
	let base = foldText(title)
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 34)
		.replace(/_+$/g, '');
	if (!CODE.test(base)) base = 'moc';
	const used = new Set(taken);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}_${n}`;
		if (!used.has(candidate)) return candidate;
	}
}

export type MilestoneField = 'title' | 'deliverable' | 'dueOn' | 'completion' | 'note';

/** Field → message key of what is wrong; empty when the milestone can be sent. */
export function milestoneIssues(m: MilestoneFields, planYear: number): Partial<Record<MilestoneField, string>> {
	const issues: Partial<Record<MilestoneField, string>> = {};
	const title = m.title.trim().length;
	if (title < 3 || title > 300) issues.title = 'plan.milestone.error.title';
	const deliverable = m.deliverable.trim().length;
	if (deliverable < 3 || deliverable > 2000) issues.deliverable = 'plan.milestone.error.deliverable';
	const date = /^(\d{4})-\d{2}-\d{2}$/.exec(m.dueOn);
	if (!date || Number.isNaN(Date.parse(m.dueOn))) issues.dueOn = 'plan.milestone.error.date';
	else if (Math.abs(Number(date[1]) - planYear) > 1) issues.dueOn = 'plan.milestone.error.dateYear';
	if (m.completion === 'registration' && m.responsible !== 'unit') issues.completion = 'plan.milestone.error.registrationUnit';
	if ((m.note ?? '').length > 1000) issues.note = 'plan.milestone.error.note';
	return issues;
}

/** The form's values as the database wants them: trimmed, an empty note is no note. */
export function cleanMilestone(m: MilestoneFields): MilestoneFields {
	const note = (m.note ?? '').trim();
	return { ...m, title: m.title.trim(), deliverable: m.deliverable.trim(), note: note === '' ? null : note };
}

/** The position a new milestone takes: after every other one. */
export function nextPosition(milestones: readonly { position: number }[]): number {
	return milestones.reduce((max, m) => Math.max(max, m.position), 0) + 1;
}

export function isCompletion(value: string): value is Completion {
	return value === 'registration' || value === 'covenant' || value === 'report';
}

export function isResponsible(value: string): value is Responsible {
	return value === 'unit' || value === 'cluster' || value === 'council';
}
