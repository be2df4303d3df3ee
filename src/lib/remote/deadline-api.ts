// Progress of a year's plan: per milestone and per responsible party in the reader's scope (public.milestone_status,
// cut to that scope by the database), and "done" reports for milestones the app cannot detect by itself.
import { getSupabase } from './client';
import { noRow, toCycleError } from './cycle-error';

export type Responsible = 'unit' | 'cluster' | 'council';
export type Completion = 'registration' | 'covenant' | 'report';
export type PartyKind = 'unit' | 'cluster' | 'council';

export interface MilestoneProgress {
	milestoneId: string;
	year: number;
	code: string;
	title: string;
	deliverable: string;
	responsible: Responsible;
	completion: Completion;
	dueOn: string;
	position: number;
	partyKind: PartyKind;
	unitId: string | null;
	unitName: string | null;
	clusterId: string | null;
	clusterName: string | null;
	completedAt: string | null;
	/** The registration's or covenant's status, when the milestone is detected from one. */
	detail: string | null;
}

export interface PlanMilestone {
	id: string;
	code: string;
	title: string;
	deliverable: string;
	responsible: Responsible;
	completion: Completion;
	dueOn: string;
	position: number;
	note: string | null;
}

export interface PlanTimeline {
	planId: string;
	year: number;
	title: string;
	documentRef: string | null;
	milestones: PlanMilestone[];
}

export async function listProgress(year: number): Promise<MilestoneProgress[]> {
	const { data, error, status } = await getSupabase()
		.from('milestone_status')
		.select(
			'milestone_id, year, code, title, deliverable, responsible, completion, due_on, position, party_kind, unit_id, unit_name, cluster_id, cluster_name, completed_at, detail'
		)
		.eq('year', year)
		.order('due_on')
		.order('position');
	if (error) throw toCycleError(error, status);
	return (data ?? []).flatMap((r) =>
		r.milestone_id && r.year !== null && r.code && r.title && r.due_on && r.party_kind
			? [
					{
						milestoneId: r.milestone_id,
						year: r.year,
						code: r.code,
						title: r.title,
						deliverable: r.deliverable ?? '',
						responsible: r.responsible as Responsible,
						completion: r.completion as Completion,
						dueOn: r.due_on,
						position: r.position ?? 0,
						partyKind: r.party_kind as PartyKind,
						unitId: r.unit_id,
						unitName: r.unit_name,
						clusterId: r.cluster_id,
						clusterName: r.cluster_name,
						completedAt: r.completed_at,
						detail: r.detail
					}
				]
			: []
	);
}

/** The published plan of `year` (city admins also see a draft), with its milestones in date order; null if none. */
export async function getPlanTimeline(year: number): Promise<PlanTimeline | null> {
	const { data, error, status } = await getSupabase()
		.from('plan')
		.select('id, year, title, document_ref, milestone(id, code, title, deliverable, responsible, completion, due_on, position, note)')
		.eq('year', year)
		.maybeSingle();
	if (error) throw toCycleError(error, status);
	if (!data) return null;
	return {
		planId: data.id,
		year: data.year,
		title: data.title,
		documentRef: data.document_ref,
		milestones: data.milestone
			.map((m) => ({
				id: m.id,
				code: m.code,
				title: m.title,
				deliverable: m.deliverable,
				responsible: m.responsible as Responsible,
				completion: m.completion as Completion,
				dueOn: m.due_on,
				position: m.position,
				note: m.note
			}))
			.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.position - b.position)
	};
}

/** "Done" for a milestone detected by report: the party is a unit, a cluster, or neither (the council). */
export async function reportMilestoneDone(milestoneId: string, party: { unitId?: string | null; clusterId?: string | null }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('milestone_report')
		.insert({ milestone_id: milestoneId, unit_id: party.unitId ?? null, cluster_id: party.clusterId ?? null })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('milestone_report insert');
}
