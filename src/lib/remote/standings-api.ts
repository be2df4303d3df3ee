// Standings read model: rounds, clusters, criterion groups and the trigger-maintained `standings` view, plus the score
// rows an export needs. Read-only; RLS decides what each reader sees (anon: published rounds only). Every function
// takes the client, so the signed-in app passes the browser client and the public pages the server's anon client.
import type { SupabaseClient } from '@supabase/supabase-js';

export type Period = 'mid_year' | 'year_end';
export type Stage = 'self' | 'cluster' | 'city';
export type CriterionKind = 'base' | 'bonus' | 'penalty';

export interface StandingsRound {
	id: string;
	year: number;
	period: Period;
	official: boolean;
	publishedAt: string | null;
	criteriaSetId: string;
}

export interface StandingsCluster {
	id: string;
	year: number;
	name: string;
	unitIds: string[];
}

export interface CriterionGroupInfo {
	criteriaSetId: string;
	code: string;
	name: string;
	position: number;
}

/** What the pickers offer: every round the reader can see, the clusters of those years and their criterion groups. */
export interface StandingsCatalog {
	rounds: StandingsRound[];
	clusters: StandingsCluster[];
	groups: CriterionGroupInfo[];
}

export interface StandingRow {
	unitId: string;
	unitName: string;
	rank: number | null;
	previousRank: number | null;
	/** previous rank − rank: positive means the unit moved up. Null when there is no earlier ranking. */
	rankChange: number | null;
	total: number;
	selfTotal: number;
	groupTotals: Record<string, number>;
	scoredCriteria: number;
	/** Points missing to reach the next total up; null for the leaders. */
	gapToNext: number | null;
	updatedAt: string;
}

export interface ClusterStandings {
	roundId: string;
	clusterId: string;
	official: boolean;
	decisionNumber: string | null;
	decisionSignedOn: string | null;
	rows: StandingRow[];
}

export interface CriterionInfo {
	id: string;
	groupCode: string;
	code: string;
	name: string;
	kind: CriterionKind;
	maxPoints: number;
	position: number;
}

export interface ScoreRow {
	unitId: string;
	criterionId: string;
	stage: Stage;
	points: number;
	reason: string | null;
}

// A client of any schema typing: the browser client is typed with the generated Database, the server's anon client is
// not; the rows are checked by the mappers below either way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = SupabaseClient<any, any, any>;

export class StandingsLoadError extends Error {
	readonly status: number;
	readonly code: string;
	constructor(what: string, error: { message: string; code?: string }, status: number) {
		super(`${what}: ${error.message}`);
		this.name = 'StandingsLoadError';
		this.status = status;
		this.code = error.code ?? '';
	}
}

interface RoundRow {
	id: string;
	year: number;
	period: Period;
	status: string;
	published_at: string | null;
	criteria_set_id: string;
}
interface ClusterRow {
	id: string;
	year: number;
	name: string;
	cluster_member: { unit_id: string }[] | null;
}
interface GroupRow {
	criteria_set_id: string;
	code: string;
	name: string;
	position: number;
}
interface StandingsViewRow {
	round_id: string;
	cluster_id: string;
	official: boolean | null;
	decision_number: string | null;
	decision_signed_on: string | null;
	unit_id: string;
	unit_name: string;
	total: number | string;
	self_total: number | string;
	group_totals: Record<string, number | string> | null;
	scored_criteria: number;
	rank: number | null;
	previous_rank: number | null;
	rank_change: number | null;
	gap_to_next: number | string | null;
	updated_at: string;
}

/** PostgREST sends numeric as a JSON number; a string is accepted too, so a server setting cannot break the maths. */
function num(value: number | string | null | undefined): number {
	const n = typeof value === 'string' ? Number(value) : (value ?? 0);
	return Number.isFinite(n) ? n : 0;
}

const collator = new Intl.Collator('vi');

/** Rank first; tied units (same rank) by name, as the tie rule says. Unranked rows last. */
export function compareStandingRows(a: StandingRow, b: StandingRow): number {
	const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
	const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
	return ra - rb || collator.compare(a.unitName, b.unitName);
}

export function toStandingRow(r: StandingsViewRow): StandingRow {
	const groups: Record<string, number> = {};
	for (const [code, points] of Object.entries(r.group_totals ?? {})) groups[code] = num(points);
	return {
		unitId: r.unit_id,
		unitName: r.unit_name,
		rank: r.rank,
		previousRank: r.previous_rank,
		rankChange: r.rank_change,
		total: num(r.total),
		selfTotal: num(r.self_total),
		groupTotals: groups,
		scoredCriteria: r.scored_criteria,
		gapToNext: r.gap_to_next === null ? null : num(r.gap_to_next),
		updatedAt: r.updated_at
	};
}

/** Rounds newest first (year-end before mid-year of the same year), clusters by name, groups by position. */
export async function fetchStandingsCatalog(client: AnyClient, opts: { publishedOnly?: boolean } = {}): Promise<StandingsCatalog> {
	let roundQuery = client.from('assessment_round').select('id, year, period, status, published_at, criteria_set_id');
	if (opts.publishedOnly) roundQuery = roundQuery.eq('status', 'published');
	const rounds = await roundQuery.order('year', { ascending: false }).order('period', { ascending: false });
	if (rounds.error) throw new StandingsLoadError('assessment_round', rounds.error, rounds.status);
	const roundRows = (rounds.data ?? []) as RoundRow[];
	if (roundRows.length === 0) return { rounds: [], clusters: [], groups: [] };
	const years = [...new Set(roundRows.map((r) => r.year))];
	const sets = [...new Set(roundRows.map((r) => r.criteria_set_id))];
	const [clusters, groups] = await Promise.all([
		client.from('cluster').select('id, year, name, cluster_member(unit_id)').in('year', years),
		client.from('criterion_group').select('criteria_set_id, code, name, position').in('criteria_set_id', sets).order('position')
	]);
	if (clusters.error) throw new StandingsLoadError('cluster', clusters.error, clusters.status);
	if (groups.error) throw new StandingsLoadError('criterion_group', groups.error, groups.status);
	return {
		rounds: roundRows.map((r) => ({
			id: r.id,
			year: r.year,
			period: r.period,
			official: r.status === 'published',
			publishedAt: r.published_at,
			criteriaSetId: r.criteria_set_id
		})),
		clusters: ((clusters.data ?? []) as ClusterRow[])
			.map((c) => ({ id: c.id, year: c.year, name: c.name, unitIds: (c.cluster_member ?? []).map((m) => m.unit_id) }))
			.sort((a, b) => collator.compare(a.name, b.name)),
		groups: ((groups.data ?? []) as GroupRow[]).map((g) => ({
			criteriaSetId: g.criteria_set_id,
			code: g.code,
			name: g.name,
			position: g.position
		}))
	};
}

/** One cluster's standings in one round (a dozen rows from an index scan: TARGETS P9). */
export async function fetchClusterStandings(
	client: AnyClient,
	where: { roundId: string; clusterId: string }
): Promise<ClusterStandings> {
	const { data, error, status } = await client
		.from('standings')
		.select(
			'round_id, cluster_id, official, decision_number, decision_signed_on, unit_id, unit_name, total, self_total, ' +
				'group_totals, scored_criteria, rank, previous_rank, rank_change, gap_to_next, updated_at'
		)
		.eq('round_id', where.roundId)
		.eq('cluster_id', where.clusterId);
	if (error) throw new StandingsLoadError('standings', error, status);
	const rows = (data ?? []) as unknown as StandingsViewRow[];
	const first = rows[0];
	return {
		roundId: where.roundId,
		clusterId: where.clusterId,
		official: first?.official ?? false,
		decisionNumber: first?.decision_number ?? null,
		decisionSignedOn: first?.decision_signed_on ?? null,
		rows: rows.map(toStandingRow).sort(compareStandingRows)
	};
}

interface CriterionRow {
	id: string;
	code: string;
	name: string;
	kind: CriterionKind;
	max_points: number | string;
	position: number;
	criterion_group: { code: string } | null;
}
interface ScoreDbRow {
	unit_id: string;
	criterion_id: string;
	stage: Stage;
	points: number | string;
	reason: string | null;
}

/** The round's criteria (public) and every stage's scores of the cluster's units that RLS lets the reader see. */
export async function fetchScoreSheet(
	client: AnyClient,
	where: { roundId: string; criteriaSetId: string; unitIds: string[] }
): Promise<{ criteria: CriterionInfo[]; scores: ScoreRow[] }> {
	const [criteria, scores] = await Promise.all([
		client
			.from('criterion')
			.select('id, code, name, kind, max_points, position, criterion_group(code)')
			.eq('criteria_set_id', where.criteriaSetId)
			.order('position'),
		where.unitIds.length === 0
			? Promise.resolve({ data: [], error: null, status: 200 })
			: client
					.from('score')
					.select('unit_id, criterion_id, stage, points, reason')
					.eq('round_id', where.roundId)
					.in('unit_id', where.unitIds)
	]);
	if (criteria.error) throw new StandingsLoadError('criterion', criteria.error, criteria.status);
	if (scores.error) throw new StandingsLoadError('score', scores.error, scores.status);
	return {
		criteria: ((criteria.data ?? []) as unknown as CriterionRow[]).map((c) => ({
			id: c.id,
			groupCode: c.criterion_group?.code ?? '',
			code: c.code,
			name: c.name,
			kind: c.kind,
			maxPoints: num(c.max_points),
			position: c.position
		})),
		scores: ((scores.data ?? []) as ScoreDbRow[]).map((s) => ({
			unitId: s.unit_id,
			criterionId: s.criterion_id,
			stage: s.stage,
			points: num(s.points),
			reason: s.reason
		}))
	};
}
