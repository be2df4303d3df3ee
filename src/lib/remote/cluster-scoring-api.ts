// Scoring rounds, their criteria and the scores of a cluster's member units, straight against the server (the grid
// autosaves each cell online; a failed save stays on the screen, not in an outbox). Also the one way a cluster or
// city score is written (`saveScore`), used by the city's review too. Every write asks for its row back: RLS
// filters writes silently, so no row is a failure. A score differing from the stage below without a reason is
// refused by the database (23514): that refusal keeps its own message key so the cell can ask for the reason.
import type { ScoreStage } from './assessment-api';
import { getSupabase } from './client';
import type { RoundPeriod, RoundStatus } from './criteria-api';
import { CycleError, noRow, toCycleError } from './cycle-error';

export type { ScoreStage };

export interface RoundDecision {
	id: string;
	number: string;
	signedOn: string;
	title: string;
}

/** A round with the decision that published it (the criteria screen's round knows only its number). */
export interface ScoringRound {
	id: string;
	year: number;
	period: RoundPeriod;
	status: RoundStatus;
	publishedAt: string | null;
	criteriaSetId: string;
	decision: RoundDecision | null;
}

export interface ScoreEntry {
	unitId: string;
	criterionId: string;
	stage: ScoreStage;
	points: number;
	reason: string | null;
	scoredAt: string;
}

export interface ClusterMember {
	unitId: string;
	unitName: string;
}

export interface ClusterSheet {
	clusterId: string;
	clusterName: string;
	year: number;
	members: ClusterMember[];
	/** City leaders assigned to supervise the cluster (Phân công). */
	supervisorIds: string[];
}

/** The server refused a score that differs from the stage below without a reason. */
export const REASON_REQUIRED_KEY = 'assessment.cluster.error.reasonRequired';

export function toScoringError(error: { message: string; code?: string; details?: string | null }, status = 0): CycleError {
	if (error.code === '23514') return new CycleError(REASON_REQUIRED_KEY, error.message, { detail: error.message });
	return toCycleError(error, status);
}

interface RoundRow {
	id: string;
	year: number;
	period: string;
	status: string;
	published_at: string | null;
	criteria_set_id: string;
	decision: { id: string; number: string; signed_on: string; title: string } | null;
}

export function toRound(row: RoundRow): ScoringRound {
	return {
		id: row.id,
		year: row.year,
		period: row.period as RoundPeriod,
		status: row.status as RoundStatus,
		publishedAt: row.published_at,
		criteriaSetId: row.criteria_set_id,
		decision: row.decision
			? { id: row.decision.id, number: row.decision.number, signedOn: row.decision.signed_on, title: row.decision.title }
			: null
	};
}

/** Every round, newest year first, mid-year before year-end within a year. */
export async function listRounds(): Promise<ScoringRound[]> {
	const { data, error, status } = await getSupabase()
		.from('assessment_round')
		.select('id, year, period, status, published_at, criteria_set_id, decision:decision!assessment_round_decision_id_fkey(id, number, signed_on, title)')
		.order('year', { ascending: false })
		.order('period');
	if (error) throw toScoringError(error, status);
	return ((data ?? []) as unknown as RoundRow[]).map(toRound);
}

/** The round to open on: this year's first open round, else the newest round. */
export function defaultRound(rounds: readonly ScoringRound[], year: number): ScoringRound | null {
	const open = rounds.filter((r) => r.year === year && r.status === 'open');
	open.sort((a, b) => (a.period === b.period ? 0 : a.period === 'mid_year' ? -1 : 1));
	return open[0] ?? rounds[0] ?? null;
}

interface ClusterRow {
	id: string;
	name: string;
	year: number;
	cluster_member: { unit_id: string; unit: { name: string } | null }[];
	cluster_leader_assignment: { user_id: string }[];
}

/** The clusters of a year with their member units (clusters and members are public facts), by name. */
export async function listClusters(year: number): Promise<ClusterSheet[]> {
	const { data, error, status } = await getSupabase()
		.from('cluster')
		.select('id, name, year, cluster_member(unit_id, unit(name)), cluster_leader_assignment(user_id)')
		.eq('year', year)
		.order('name');
	if (error) throw toScoringError(error, status);
	return ((data ?? []) as unknown as ClusterRow[]).map((c) => ({
		clusterId: c.id,
		clusterName: c.name,
		year: c.year,
		members: c.cluster_member
			.map((m) => ({ unitId: m.unit_id, unitName: m.unit?.name ?? m.unit_id }))
			.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
		supervisorIds: c.cluster_leader_assignment.map((a) => a.user_id)
	}));
}

const PAGE = 1000;

/** Every stage's scores of these units in the round (what the reader may see), page by page past the server's row cap. */
export async function loadScores(roundId: string, unitIds: readonly string[]): Promise<ScoreEntry[]> {
	if (unitIds.length === 0) return [];
	const out: ScoreEntry[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data, error, status } = await getSupabase()
			.from('score')
			.select('unit_id, criterion_id, stage, points, reason, scored_at')
			.eq('round_id', roundId)
			.in('unit_id', [...unitIds])
			.order('unit_id')
			.order('criterion_id')
			.order('stage')
			.range(from, from + PAGE - 1);
		if (error) throw toScoringError(error, status);
		for (const s of data ?? []) {
			out.push({
				unitId: s.unit_id,
				criterionId: s.criterion_id,
				stage: s.stage as ScoreStage,
				points: Number(s.points),
				reason: s.reason,
				scoredAt: s.scored_at
			});
		}
		if ((data?.length ?? 0) < PAGE) return out;
	}
}

/** Units the person may not score because they are (or came from, or became) one of the person's own units. */
export async function listConflictedUnits(unitIds: readonly string[]): Promise<string[]> {
	const answers = await Promise.all(
		unitIds.map(async (unitId) => {
			const r = await getSupabase().rpc('has_conflict_of_interest', { p_unit: unitId });
			if (r.error) throw toScoringError(r.error, r.status);
			return r.data === true ? [unitId] : [];
		})
	);
	return answers.flat();
}

export interface ScoreWrite {
	roundId: string;
	unitId: string;
	criterionId: string;
	stage: Exclude<ScoreStage, 'self'>;
	/** Null withdraws the score. */
	points: number | null;
	reason: string | null;
}

/**
 * Writes one score and answers what the server now holds. Update first, insert when there was no row (the grants
 * allow updating points and reason only, so PostgREST's upsert, which sets every column, is refused).
 */
export async function saveScore(w: ScoreWrite): Promise<{ points: number | null; reason: string | null }> {
	const db = getSupabase();
	const key = { round_id: w.roundId, unit_id: w.unitId, criterion_id: w.criterionId, stage: w.stage };
	if (w.points === null) {
		const r = await db.from('score').delete().match(key).select('points');
		if (r.error) throw toScoringError(r.error, r.status);
		if (!r.data?.length) throw noRow('score delete');
		return { points: null, reason: null };
	}
	const update = () => db.from('score').update({ points: w.points as number, reason: w.reason }).match(key).select('points, reason');
	const first = await update();
	if (first.error) throw toScoringError(first.error, first.status);
	let row = first.data?.[0];
	if (!row) {
		const inserted = await db.from('score').insert({ ...key, points: w.points, reason: w.reason }).select('points, reason');
		if (inserted.error?.code === '23505') {
			// Written meanwhile (another tab): the update now finds it.
			const again = await update();
			if (again.error) throw toScoringError(again.error, again.status);
			row = again.data?.[0];
		} else if (inserted.error) {
			throw toScoringError(inserted.error, inserted.status);
		} else {
			row = inserted.data?.[0];
		}
	}
	if (!row) throw noRow('score write');
	return { points: Number(row.points), reason: row.reason };
}
