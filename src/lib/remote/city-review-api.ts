// The city's final review of a round, straight against the server: the history of a unit's scores, publishing the
// round with its decision (publish_round) and correcting a published result by a new decision (correct_result), and
// the decisions a round carries. Scores themselves are written with saveScore (cluster-scoring-api). The database
// freezes published rounds; these functions only ask, and every refusal comes back as a sentence to show.
import { getSupabase } from './client';
import { CycleError, noRow, toCycleError } from './cycle-error';
import { toScoringError, type ScoreStage } from './cluster-scoring-api';

export interface ScoreChange {
	id: number;
	criterionId: string;
	stage: ScoreStage;
	oldPoints: number | null;
	newPoints: number | null;
	reason: string | null;
	changedBy: string | null;
	changedByName: string | null;
	changedAt: string;
	decisionId: string | null;
}

export interface RecordedDecision {
	id: string;
	kind: 'publish' | 'correction';
	number: string;
	signedOn: string;
	title: string;
	reason: string | null;
	createdAt: string;
}

export interface PublishInput {
	roundId: string;
	number: string;
	/** yyyy-mm-dd */
	signedOn: string;
	title: string;
}

export interface CorrectionInput {
	roundId: string;
	unitId: string;
	criterionId: string;
	points: number;
	number: string;
	/** yyyy-mm-dd */
	signedOn: string;
	reason: string;
}

/** The decision number is unique within a year: say so in words, not "duplicate record". */
export const DUPLICATE_NUMBER_KEY = 'assessment.city.error.duplicateNumber';

function toDecisionError(error: { message: string; code?: string; details?: string | null }, status: number): CycleError {
	if (error.code === '23505') return new CycleError(DUPLICATE_NUMBER_KEY, error.message);
	return toCycleError(error, status);
}

/** Every change of a unit's scores in the round, newest first, with who made it (when the reader may see names). */
export async function loadUnitHistory(roundId: string, unitId: string): Promise<ScoreChange[]> {
	const db = getSupabase();
	const { data, error, status } = await db
		.from('score_history')
		.select('id, criterion_id, stage, old_points, new_points, reason, changed_by, changed_at, decision_id')
		.eq('round_id', roundId)
		.eq('unit_id', unitId)
		.order('changed_at', { ascending: false })
		.order('id', { ascending: false });
	if (error) throw toScoringError(error, status);
	const rows = data ?? [];
	const people = [...new Set(rows.flatMap((r) => (r.changed_by ? [r.changed_by] : [])))];
	const names = new Map<string, string>();
	if (people.length > 0) {
		const p = await db.from('profile').select('user_id, full_name').in('user_id', people);
		// Names are a courtesy: without them the history still says what changed and when.
		for (const row of p.data ?? []) names.set(row.user_id, row.full_name);
	}
	return rows.map((r) => ({
		id: r.id,
		criterionId: r.criterion_id,
		stage: r.stage as ScoreStage,
		oldPoints: r.old_points === null ? null : Number(r.old_points),
		newPoints: r.new_points === null ? null : Number(r.new_points),
		reason: r.reason,
		changedBy: r.changed_by,
		changedByName: r.changed_by ? (names.get(r.changed_by) ?? null) : null,
		changedAt: r.changed_at,
		decisionId: r.decision_id
	}));
}

export interface RoundRef {
	id: string;
	year: number;
	publishedAt: string | null;
	/** The decision that published it. */
	decisionId: string | null;
}

/**
 * The round's publishing decision and the corrections made since, oldest first. A correction that changed a score is
 * tied to the round by the score's history; one that gave a criterion its first city score leaves no history row, so
 * corrections of the round's year recorded after its publication count too, unless the history ties them to another
 * round.
 */
export async function listRoundDecisions(round: RoundRef): Promise<RecordedDecision[]> {
	if (!round.publishedAt || !round.decisionId) return [];
	const db = getSupabase();
	const { data, error, status } = await db
		.from('decision')
		.select('id, kind, number, signed_on, title, reason, created_at')
		.eq('year', round.year)
		.or(`id.eq.${round.decisionId},and(kind.eq.correction,created_at.gte."${round.publishedAt}")`)
		.order('created_at');
	if (error) throw toScoringError(error, status);
	const rows = data ?? [];
	const corrections = rows.filter((d) => d.kind === 'correction').map((d) => d.id);
	const elsewhere = new Set<string>();
	if (corrections.length > 0) {
		const h = await db.from('score_history').select('decision_id').in('decision_id', corrections).neq('round_id', round.id);
		if (h.error) throw toScoringError(h.error, h.status);
		for (const r of h.data ?? []) if (r.decision_id) elsewhere.add(r.decision_id);
	}
	return rows
		.filter((d) => !elsewhere.has(d.id))
		.map((d) => ({
			id: d.id,
			kind: d.kind as RecordedDecision['kind'],
			number: d.number,
			signedOn: d.signed_on,
			title: d.title,
			reason: d.reason,
			createdAt: d.created_at
		}));
}

/** Publishes the round's results with its decision; answers the decision's id. Cannot be undone. */
export async function publishRound(input: PublishInput): Promise<string> {
	const { data, error, status } = await getSupabase().rpc('publish_round', {
		p_round: input.roundId,
		p_number: input.number.trim(),
		p_signed_on: input.signedOn,
		p_title: input.title.trim()
	});
	if (error) throw toDecisionError(error, status);
	if (!data) throw noRow('publish_round');
	return data;
}

/** Sets a published result's city score by a new decision, recorded with its reason; answers the decision's id. */
export async function correctResult(input: CorrectionInput): Promise<string> {
	const { data, error, status } = await getSupabase().rpc('correct_result', {
		p_round: input.roundId,
		p_unit: input.unitId,
		p_criterion: input.criterionId,
		p_points: input.points,
		p_number: input.number.trim(),
		p_signed_on: input.signedOn,
		p_reason: input.reason.trim()
	});
	if (error) throw toDecisionError(error, status);
	if (!data) throw noRow('correct_result');
	return data;
}
