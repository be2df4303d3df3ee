// Turns the rows of milestone_status into what the deadline screens show: the reader's own duties, and for those
// who oversee units (cluster leads, city leaders, city admins) per-milestone tallies of done / open / late. Pure.
import { deadlineState, type DeadlineState } from '$lib/domain/deadline';
import type { MilestoneProgress } from '$lib/remote/deadline-api';

export interface Scope {
	officerUnitIds: string[];
	ledClusterIds: string[];
	isCouncil: boolean;
}

export interface Duty extends MilestoneProgress {
	state: DeadlineState;
}

/** Rows the reader must deliver themself: their unit's, their cluster's, or the council's. */
export function myDuties(rows: readonly MilestoneProgress[], scope: Scope, now: Date): Duty[] {
	return rows
		.filter(
			(r) =>
				(r.partyKind === 'unit' && r.unitId !== null && scope.officerUnitIds.includes(r.unitId)) ||
				(r.partyKind === 'cluster' && r.clusterId !== null && scope.ledClusterIds.includes(r.clusterId)) ||
				(r.partyKind === 'council' && scope.isCouncil)
		)
		.map((r) => ({ ...r, state: deadlineState(r.dueOn, r.completedAt, now) }));
}

/** Open duties that need attention now (late or due within the reminder window), most urgent first. */
export function reminders(duties: readonly Duty[]): Duty[] {
	return duties
		.filter((d) => d.state === 'late' || d.state === 'due_soon')
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.position - b.position);
}

export interface MilestoneTally {
	milestoneId: string;
	code: string;
	title: string;
	dueOn: string;
	completion: MilestoneProgress['completion'];
	partyKind: MilestoneProgress['partyKind'];
	parties: Duty[];
	done: number;
	doneLate: number;
	open: number;
	late: number;
}

const order: Record<DeadlineState, number> = { late: 0, due_soon: 1, pending: 2, done_late: 3, done: 4 };

/** Every milestone with its parties (late first, then by name) and the counts per state. */
export function tallies(rows: readonly MilestoneProgress[], now: Date): MilestoneTally[] {
	const byMilestone = new Map<string, MilestoneTally>();
	for (const r of rows) {
		let t = byMilestone.get(r.milestoneId);
		if (!t) {
			t = {
				milestoneId: r.milestoneId,
				code: r.code,
				title: r.title,
				dueOn: r.dueOn,
				completion: r.completion,
				partyKind: r.partyKind,
				parties: [],
				done: 0,
				doneLate: 0,
				open: 0,
				late: 0
			};
			byMilestone.set(r.milestoneId, t);
		}
		const state = deadlineState(r.dueOn, r.completedAt, now);
		t.parties.push({ ...r, state });
		if (state === 'done') t.done += 1;
		else if (state === 'done_late') t.doneLate += 1;
		else if (state === 'late') t.late += 1;
		else t.open += 1;
	}
	const name = (d: Duty) => d.unitName ?? d.clusterName ?? '';
	return [...byMilestone.values()]
		.map((t) => ({ ...t, parties: t.parties.sort((a, b) => order[a.state] - order[b.state] || name(a).localeCompare(name(b), 'vi')) }))
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
