// The yearly plan (kế hoạch) and its milestones, straight against the server: plans are the city admin's to copy,
// edit and publish online (no outbox); everyone signed in reads published ones. Every write asks for its row back:
// RLS filters writes silently, so a write that returns no row is a failure shown to the user, never a success.
import { AdminError, toAdminError } from './admin-api';
import { getSupabase } from './client';

export const RESPONSIBLES = ['unit', 'cluster', 'council'] as const;
export type Responsible = (typeof RESPONSIBLES)[number];
export const COMPLETIONS = ['registration', 'covenant', 'report'] as const;
export type Completion = (typeof COMPLETIONS)[number];
export type PlanStatus = 'draft' | 'published';

export interface PlanSummary {
	id: string;
	year: number;
	title: string;
	documentRef: string | null;
	status: PlanStatus;
	publishedAt: string | null;
	copiedFromPlanId: string | null;
	milestoneCount: number;
}

export interface Milestone {
	id: string;
	planId: string;
	code: string;
	title: string;
	deliverable: string;
	responsible: Responsible;
	completion: Completion;
	dueOn: string;
	position: number;
	note: string | null;
}

export interface PlanDetail extends PlanSummary {
	milestones: Milestone[];
}

/** The editable content of a milestone (the code is set once, when it is added). */
export interface MilestoneFields {
	title: string;
	deliverable: string;
	responsible: Responsible;
	completion: Completion;
	dueOn: string;
	note: string | null;
}

type DbError = { message: string; code?: string; details?: string | null };
type Result<T> = { data: T | null; error: DbError | null; status: number };

/** Plan-specific refusals first (one plan per year, one code per plan), then the admin screens' classification. */
export function toPlanError(error: DbError, status = 0): AdminError {
	const text = `${error.message} ${error.details ?? ''}`;
	if (error.code === '23505' && /plan_year_key|đã có kế hoạch/i.test(text)) return new AdminError('plan.error.yearTaken', text);
	if (error.code === '23505' && /milestone_plan_id_code_key/.test(text)) return new AdminError('plan.error.codeTaken', text);
	if (error.code === 'P0002') return new AdminError('plan.error.sourceMissing', text);
	return toAdminError(error, status);
}

function rowsOrThrow<T>(r: Result<T[]>, what: string): T[] {
	if (r.error) throw toPlanError(r.error, r.status);
	if (!r.data || r.data.length === 0) throw new AdminError('admin.error.notApplied', `${what} returned no row`);
	return r.data;
}

interface PlanRow {
	id: string;
	year: number;
	title: string;
	document_ref: string | null;
	status: string;
	published_at: string | null;
	copied_from_plan_id: string | null;
}

interface MilestoneRow {
	id: string;
	plan_id: string;
	code: string;
	title: string;
	deliverable: string;
	responsible: string;
	completion: string;
	due_on: string;
	position: number;
	note: string | null;
}

const PLAN_COLUMNS = 'id, year, title, document_ref, status, published_at, copied_from_plan_id';
const MILESTONE_COLUMNS = 'id, plan_id, code, title, deliverable, responsible, completion, due_on, position, note';

function toPlan(r: PlanRow, milestoneCount: number): PlanSummary {
	return {
		id: r.id,
		year: r.year,
		title: r.title,
		documentRef: r.document_ref,
		status: r.status === 'published' ? 'published' : 'draft',
		publishedAt: r.published_at,
		copiedFromPlanId: r.copied_from_plan_id,
		milestoneCount
	};
}

function toMilestone(r: MilestoneRow): Milestone {
	return {
		id: r.id,
		planId: r.plan_id,
		code: r.code,
		title: r.title,
		deliverable: r.deliverable,
		responsible: r.responsible as Responsible,
		completion: r.completion as Completion,
		dueOn: r.due_on,
		position: r.position,
		note: r.note
	};
}

/** Plans the person may read (RLS: published ones; city admins drafts too), newest year first. */
export async function listPlans(): Promise<PlanSummary[]> {
	const r = await getSupabase().from('plan').select(`${PLAN_COLUMNS}, milestone(count)`).order('year', { ascending: false });
	if (r.error) throw toPlanError(r.error, r.status);
	const rows = (r.data ?? []) as unknown as (PlanRow & { milestone: { count: number }[] })[];
	return rows.map((p) => toPlan(p, p.milestone[0]?.count ?? 0));
}

/** One plan with its milestones in date order; null when it does not exist or the person may not read it. */
export async function getPlan(id: string): Promise<PlanDetail | null> {
	const r = await getSupabase()
		.from('plan')
		.select(`${PLAN_COLUMNS}, milestone(${MILESTONE_COLUMNS})`)
		.eq('id', id)
		.maybeSingle();
	if (r.error) throw toPlanError(r.error, r.status);
	if (!r.data) return null;
	const row = r.data as unknown as PlanRow & { milestone: MilestoneRow[] };
	const milestones = row.milestone.map(toMilestone).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.position - b.position);
	return { ...toPlan(row, milestones.length), milestones };
}

/** Next year's plan: a draft copy of `sourceId` with every date shifted by whole years (rpc copy_plan). */
export async function copyPlan(sourceId: string, year: number, title?: string): Promise<string> {
	const r = await getSupabase().rpc('copy_plan', { p_source: sourceId, p_year: year, ...(title ? { p_title: title } : {}) });
	if (r.error) throw toPlanError(r.error, r.status);
	if (!r.data) throw new AdminError('admin.error.notApplied', 'copy_plan returned no id');
	return r.data;
}

export async function updatePlan(id: string, patch: { title: string; documentRef: string | null }): Promise<void> {
	const r = await getSupabase().from('plan').update({ title: patch.title, document_ref: patch.documentRef }).eq('id', id).select('id');
	rowsOrThrow(r, `update plan ${id}`);
}

/** Publishing is one way (the database refuses published → draft); units see the plan from now on. */
export async function publishPlan(id: string): Promise<void> {
	const r = await getSupabase().from('plan').update({ status: 'published' }).eq('id', id).eq('status', 'draft').select('id, status');
	const rows = rowsOrThrow(r, `publish plan ${id}`);
	if (rows[0]?.status !== 'published') throw new AdminError('admin.error.notApplied', `plan ${id} not published`);
}

/** Only drafts can be removed (RLS); a copy made to the wrong year is discarded this way. */
export async function deleteDraftPlan(id: string): Promise<void> {
	rowsOrThrow(await getSupabase().from('plan').delete().eq('id', id).eq('status', 'draft').select('id'), `delete plan ${id}`);
}

function milestonePatch(m: MilestoneFields) {
	return {
		title: m.title,
		deliverable: m.deliverable,
		responsible: m.responsible,
		completion: m.completion,
		due_on: m.dueOn,
		note: m.note
	};
}

export async function addMilestone(planId: string, code: string, position: number, m: MilestoneFields): Promise<Milestone> {
	const r = await getSupabase()
		.from('milestone')
		.insert({ plan_id: planId, code, position, ...milestonePatch(m) })
		.select(MILESTONE_COLUMNS);
	return toMilestone(rowsOrThrow(r, 'insert milestone')[0] as MilestoneRow);
}

export async function updateMilestone(id: string, m: MilestoneFields): Promise<Milestone> {
	const r = await getSupabase().from('milestone').update(milestonePatch(m)).eq('id', id).select(MILESTONE_COLUMNS);
	return toMilestone(rowsOrThrow(r, `update milestone ${id}`)[0] as MilestoneRow);
}

export async function deleteMilestone(id: string): Promise<void> {
	rowsOrThrow(await getSupabase().from('milestone').delete().eq('id', id).select('id'), `delete milestone ${id}`);
}
