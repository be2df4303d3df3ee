// Criteria sets (bộ tiêu chí) of a year with their groups and criteria, and the assessment rounds opened on them.
// Straight against the server: the city drafts and freezes criteria online. Every write asks for the row back; a
// write that returns nothing did not happen (RLS, or a frozen set refused by the database's guard).
import { getSupabase } from './client';
import { noRow, toCycleError } from './cycle-error';
import type { TablesInsert } from './database.types';

export type CriteriaSetStatus = 'draft' | 'frozen';
export type CriterionKind = 'base' | 'bonus' | 'penalty';
export type RoundPeriod = 'mid_year' | 'year_end';
export type RoundStatus = 'open' | 'published';

export interface Criterion {
	id: string;
	groupId: string;
	code: string;
	name: string;
	guidance: string | null;
	kind: CriterionKind;
	maxPoints: number;
	position: number;
}

export interface CriterionGroup {
	id: string;
	code: string;
	name: string;
	position: number;
	criteria: Criterion[];
}

export interface AssessmentRound {
	id: string;
	year: number;
	period: RoundPeriod;
	criteriaSetId: string;
	status: RoundStatus;
	publishedAt: string | null;
	decisionNumber: string | null;
}

export interface CriteriaSet {
	id: string;
	year: number;
	title: string;
	status: CriteriaSetStatus;
	frozenAt: string | null;
	groups: CriterionGroup[];
}

export interface CriteriaSetSummary {
	id: string;
	year: number;
	title: string;
	status: CriteriaSetStatus;
}

export type CriterionFields = Pick<Criterion, 'code' | 'name' | 'guidance' | 'kind' | 'maxPoints'>;
export type GroupFields = Pick<CriterionGroup, 'code' | 'name'>;

interface CriterionRow {
	id: string;
	group_id: string;
	code: string;
	name: string;
	guidance: string | null;
	kind: string;
	max_points: number;
	position: number;
}
interface GroupRow {
	id: string;
	code: string;
	name: string;
	position: number;
}
interface SetRow {
	id: string;
	year: number;
	title: string;
	status: string;
	frozen_at: string | null;
	criterion_group: GroupRow[];
	criterion: CriterionRow[];
}
interface RoundRow {
	id: string;
	year: number;
	period: string;
	criteria_set_id: string;
	status: string;
	published_at: string | null;
	decision: { number: string } | null;
}

const SET_COLUMNS =
	'id, year, title, status, frozen_at, criterion_group(id, code, name, position), ' +
	'criterion(id, group_id, code, name, guidance, kind, max_points, position)';
const ROUND_COLUMNS = 'id, year, period, criteria_set_id, status, published_at, decision(number)';

function toCriterion(row: CriterionRow): Criterion {
	return {
		id: row.id,
		groupId: row.group_id,
		code: row.code,
		name: row.name,
		guidance: row.guidance,
		kind: row.kind as CriterionKind,
		maxPoints: Number(row.max_points),
		position: row.position
	};
}

const byPosition = (a: { position: number; code: string }, b: { position: number; code: string }) =>
	a.position - b.position || a.code.localeCompare(b.code, 'vi', { numeric: true });

export function toCriteriaSet(row: SetRow): CriteriaSet {
	const criteria = row.criterion.map(toCriterion).sort(byPosition);
	return {
		id: row.id,
		year: row.year,
		title: row.title,
		status: row.status as CriteriaSetStatus,
		frozenAt: row.frozen_at,
		groups: [...row.criterion_group].sort(byPosition).map((g) => ({
			id: g.id,
			code: g.code,
			name: g.name,
			position: g.position,
			criteria: criteria.filter((c) => c.groupId === g.id)
		}))
	};
}

export function toRound(row: RoundRow): AssessmentRound {
	return {
		id: row.id,
		year: row.year,
		period: row.period as RoundPeriod,
		criteriaSetId: row.criteria_set_id,
		status: row.status as RoundStatus,
		publishedAt: row.published_at,
		decisionNumber: row.decision?.number ?? null
	};
}

/** Every year that has a criteria set, newest first (criteria are public). */
export async function listCriteriaSets(): Promise<CriteriaSetSummary[]> {
	const { data, error, status } = await getSupabase().from('criteria_set').select('id, year, title, status').order('year', { ascending: false });
	if (error) throw toCycleError(error, status);
	return (data ?? []).map((r) => ({ id: r.id, year: r.year, title: r.title, status: r.status as CriteriaSetStatus }));
}

/** The set of `year` with its groups and criteria in order, or null when the city has not made one. */
export async function getCriteriaSet(year: number): Promise<CriteriaSet | null> {
	const { data, error, status } = await getSupabase().from('criteria_set').select(SET_COLUMNS).eq('year', year).maybeSingle();
	if (error) throw toCycleError(error, status);
	return data ? toCriteriaSet(data as unknown as SetRow) : null;
}

export async function getCriteriaSetById(id: string): Promise<CriteriaSet> {
	const { data, error, status } = await getSupabase().from('criteria_set').select(SET_COLUMNS).eq('id', id).single();
	if (error) throw toCycleError(error, status);
	return toCriteriaSet(data as unknown as SetRow);
}

/** Rounds of one year, or of every year when `year` is omitted; newest year first, mid-year before year-end. */
export async function listRounds(year?: number): Promise<AssessmentRound[]> {
	let query = getSupabase().from('assessment_round').select(ROUND_COLUMNS);
	if (year !== undefined) query = query.eq('year', year);
	const { data, error, status } = await query.order('year', { ascending: false }).order('period');
	if (error) throw toCycleError(error, status);
	return ((data ?? []) as unknown as RoundRow[]).map(toRound);
}

export async function createCriteriaSet(input: { year: number; title: string }): Promise<string> {
	const { data, error, status } = await getSupabase()
		.from('criteria_set')
		.insert({ year: input.year, title: input.title, status: 'draft' })
		.select('id');
	if (error) throw toCycleError(error, status);
	const id = data?.[0]?.id;
	if (!id) throw noRow('criteria_set insert');
	return id;
}

/**
 * A new draft for `year` with the groups and criteria of `source`. Three requests, not one transaction: if a later
 * one fails the half-made draft is removed again, so the admin can simply try once more.
 */
export async function copyCriteriaSet(source: CriteriaSet, input: { year: number; title: string }): Promise<string> {
	const id = await createCriteriaSet(input);
	try {
		const groupIds = new Map(source.groups.map((g) => [g.id, crypto.randomUUID()]));
		await insertRows(
			'criterion_group',
			source.groups.map((g) => ({ id: groupIds.get(g.id) as string, criteria_set_id: id, code: g.code, name: g.name, position: g.position }))
		);
		const criteria = source.groups.flatMap((g) => g.criteria);
		await insertRows(
			'criterion',
			criteria.map((c) => ({
				criteria_set_id: id,
				group_id: groupIds.get(c.groupId) as string,
				code: c.code,
				name: c.name,
				guidance: c.guidance,
				kind: c.kind,
				max_points: c.maxPoints,
				position: c.position
			}))
		);
	} catch (error) {
		await getSupabase().from('criteria_set').delete().eq('id', id);
		throw error;
	}
	return id;
}

async function insertRows<T extends 'criterion_group' | 'criterion'>(table: T, rows: TablesInsert<T>[]): Promise<void> {
	if (rows.length === 0) return;
	const { data, error, status } = await getSupabase()
		.from(table as 'criterion')
		.insert(rows as TablesInsert<'criterion'>[])
		.select('id');
	if (error) throw toCycleError(error, status);
	if ((data?.length ?? 0) !== rows.length) throw noRow(`${table} insert`);
}

export async function renameCriteriaSet(id: string, title: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('criteria_set').update({ title }).eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criteria_set update');
}

/** Irreversible: the database refuses every later change to the set, its groups and criteria. */
export async function freezeCriteriaSet(id: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('criteria_set').update({ status: 'frozen' }).eq('id', id).select('id, status');
	if (error) throw toCycleError(error, status);
	if (data?.[0]?.status !== 'frozen') throw noRow('criteria_set freeze');
}

export async function removeCriteriaSet(id: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('criteria_set').delete().eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criteria_set delete');
}

export async function addGroup(setId: string, fields: GroupFields & { position: number }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('criterion_group')
		.insert({ criteria_set_id: setId, code: fields.code, name: fields.name, position: fields.position })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion_group insert');
}

export async function updateGroup(id: string, fields: GroupFields): Promise<void> {
	const { data, error, status } = await getSupabase().from('criterion_group').update(fields).eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion_group update');
}

/** Removes the group with its criteria. */
export async function removeGroup(id: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('criterion_group').delete().eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion_group delete');
}

function criterionColumns(fields: CriterionFields) {
	return { code: fields.code, name: fields.name, guidance: fields.guidance, kind: fields.kind, max_points: fields.maxPoints };
}

export async function addCriterion(
	input: { setId: string; groupId: string; position: number } & CriterionFields
): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('criterion')
		.insert({ criteria_set_id: input.setId, group_id: input.groupId, position: input.position, ...criterionColumns(input) })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion insert');
}

export async function updateCriterion(id: string, fields: CriterionFields): Promise<void> {
	const { data, error, status } = await getSupabase().from('criterion').update(criterionColumns(fields)).eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion update');
}

export async function removeCriterion(id: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('criterion').delete().eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('criterion delete');
}

/** Opens a round on the year's frozen set (the database refuses a draft set or a second round of the same period). */
export async function openRound(input: { year: number; period: RoundPeriod; criteriaSetId: string }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('assessment_round')
		.insert({ year: input.year, period: input.period, criteria_set_id: input.criteriaSetId, status: 'open' })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('assessment_round insert');
}
