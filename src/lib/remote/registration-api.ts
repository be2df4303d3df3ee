// Registration (đăng ký thi đua) against the server: the catalogue of titles, a unit's registration with its titles,
// the registrations sent to a reviewer, and who in the reader's scope has not registered. Writes go straight to the
// server (no outbox: the cluster and the city review what the server holds). Every write asks for its rows back:
// RLS filters writes silently, so a write that returns no row is a failure shown to the user, never a success.
import { getSupabase } from './client';

export type RegistrationStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type AppliesTo = 'collective' | 'individual';

export interface CatalogueTitle {
	id: string;
	code: string;
	name: string;
	nameEn: string | null;
	appliesTo: AppliesTo;
	conferredBy: string;
	position: number;
}

export interface CatalogueVersion {
	id: string;
	code: string;
	name: string;
	legalBasis: string;
	validFrom: string;
	validTo: string | null;
	titles: CatalogueTitle[];
}

export interface RegisteredTitle {
	titleId: string;
	/** Individuals registered for an individual title; null for a collective one. */
	headcount: number | null;
	/** The title's name and kind, when the reader can see the catalogue row (always, it is public). */
	name?: string;
	nameEn?: string | null;
	appliesTo?: AppliesTo;
}

export interface Registration {
	id: string;
	unitId: string;
	unitName: string;
	year: number;
	status: RegistrationStatus;
	topics: string[];
	note: string | null;
	submittedAt: string | null;
	reviewedAt: string | null;
	reviewNote: string | null;
	updatedAt: string;
	titles: RegisteredTitle[];
}

/** One unit of the reader's scope on the registration milestone of a published plan (view milestone_status). */
export interface RegistrationProgress {
	unitId: string;
	unitName: string;
	clusterName: string | null;
	dueOn: string;
	completedAt: string | null;
	/** The unit's registration status, or null when it has none at all. */
	status: RegistrationStatus | null;
}

/** What the person is told; `messageKey` is an i18n key, `params` fill it (the server's own sentence as `detail`). */
export class RegistrationError extends Error {
	readonly messageKey: string;
	readonly params: Record<string, string>;
	constructor(messageKey: string, detail: string, params: Record<string, string> = {}) {
		super(detail);
		this.name = 'RegistrationError';
		this.messageKey = messageKey;
		this.params = params;
	}
}

type DbError = { message: string; code?: string; details?: string | null };
type Result<T> = { data: T | null; error: DbError | null; status: number };

/** Classifies a PostgREST / fetch failure once, into a sentence the officer or reviewer can act on. */
export function toRegistrationError(error: DbError, status = 0): RegistrationError {
	const text = `${error.message} ${error.details ?? ''}`;
	const detail = { detail: error.message };
	if (status === 0 || /fetch|network|timeout|abort/i.test(error.message)) return new RegistrationError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new RegistrationError('error.unauthorized', text);
	if (error.code === '23514' && text.includes('registration_returned_needs_reason')) {
		return new RegistrationError('registration.review.reasonRequired', text);
	}
	if (error.code === '23514' && /topics/.test(text)) return new RegistrationError('registration.error.topics', text);
	if (error.code === '23505') return new RegistrationError('registration.error.exists', text);
	// The workflow trigger raises 42501 with a Vietnamese sentence (a step not allowed, one's own unit, already sent).
	if (error.code === '42501' || status === 403) return new RegistrationError('registration.error.refused', text, detail);
	if (error.code === '22023' || error.code === '23514' || error.code === '22P02') {
		return new RegistrationError('registration.error.invalid', text, detail);
	}
	return new RegistrationError('error.unknown', text);
}

function dataOrThrow<T>(r: Result<T>): T {
	if (r.error) throw toRegistrationError(r.error, r.status);
	if (r.data === null) throw new RegistrationError('error.unknown', 'no data');
	return r.data;
}

function rowsOrThrow<T>(r: Result<T[]>, what: string, expected = 1): T[] {
	if (r.error) throw toRegistrationError(r.error, r.status);
	if (!r.data || r.data.length < expected) throw new RegistrationError('registration.error.notApplied', `${what} returned too few rows`);
	return r.data;
}

interface TitleRow {
	id: string;
	code: string;
	name: string;
	name_en: string | null;
	applies_to: string;
	conferred_by: string;
	position: number;
}

/** Every version of the catalogue with its titles (public data), titles in catalogue order. */
export async function listCatalogues(): Promise<CatalogueVersion[]> {
	const rows = dataOrThrow(
		await getSupabase()
			.from('catalogue_version')
			.select('id, code, name, legal_basis, valid_from, valid_to, emulation_title(id, code, name, name_en, applies_to, conferred_by, position)')
			.order('valid_from')
	) as unknown as {
		id: string;
		code: string;
		name: string;
		legal_basis: string;
		valid_from: string;
		valid_to: string | null;
		emulation_title: TitleRow[];
	}[];
	return rows.map((v) => ({
		id: v.id,
		code: v.code,
		name: v.name,
		legalBasis: v.legal_basis,
		validFrom: v.valid_from,
		validTo: v.valid_to,
		titles: v.emulation_title
			.map((t) => ({
				id: t.id,
				code: t.code,
				name: t.name,
				nameEn: t.name_en,
				appliesTo: (t.applies_to === 'individual' ? 'individual' : 'collective') as AppliesTo,
				conferredBy: t.conferred_by,
				position: t.position
			}))
			.sort((a, b) => a.position - b.position)
	}));
}

interface RegistrationRow {
	id: string;
	unit_id: string;
	year: number;
	status: RegistrationStatus;
	topics: string[];
	note: string | null;
	submitted_at: string | null;
	reviewed_at: string | null;
	review_note: string | null;
	updated_at: string;
	unit: { name: string } | null;
	registration_title: {
		title_id: string;
		headcount: number | null;
		emulation_title: { name: string; name_en: string | null; applies_to: string; position: number } | null;
	}[];
}

const REGISTRATION_COLUMNS =
	'id, unit_id, year, status, topics, note, submitted_at, reviewed_at, review_note, updated_at, unit:unit_id(name), ' +
	'registration_title(title_id, headcount, emulation_title(name, name_en, applies_to, position))';

function toRegistration(r: RegistrationRow): Registration {
	const titles = [...r.registration_title]
		.sort((a, b) => (a.emulation_title?.position ?? 0) - (b.emulation_title?.position ?? 0))
		.map((t) => ({
			titleId: t.title_id,
			headcount: t.headcount,
			...(t.emulation_title
				? {
						name: t.emulation_title.name,
						nameEn: t.emulation_title.name_en,
						appliesTo: (t.emulation_title.applies_to === 'individual' ? 'individual' : 'collective') as AppliesTo
					}
				: {})
		}));
	return {
		id: r.id,
		unitId: r.unit_id,
		unitName: r.unit?.name ?? r.unit_id,
		year: r.year,
		status: r.status,
		topics: r.topics,
		note: r.note,
		submittedAt: r.submitted_at,
		reviewedAt: r.reviewed_at,
		reviewNote: r.review_note,
		updatedAt: r.updated_at,
		titles
	};
}

async function readRegistration(id: string): Promise<Registration> {
	const r = await getSupabase().from('registration').select(REGISTRATION_COLUMNS).eq('id', id).maybeSingle();
	const row = dataOrThrow(r as Result<unknown>) as RegistrationRow;
	return toRegistration(row);
}

/** The unit's registration for the year, or null when the unit has not started one. */
export async function getUnitRegistration(unitId: string, year: number): Promise<Registration | null> {
	const r = await getSupabase().from('registration').select(REGISTRATION_COLUMNS).eq('unit_id', unitId).eq('year', year).maybeSingle();
	if (r.error) throw toRegistrationError(r.error, r.status);
	return r.data ? toRegistration(r.data as unknown as RegistrationRow) : null;
}

/** Registrations the reader may see that were sent (RLS decides: the cluster lead's, the supervisor's, the city's). */
export async function listSentRegistrations(year: number): Promise<Registration[]> {
	const r = await getSupabase()
		.from('registration')
		.select(REGISTRATION_COLUMNS)
		.eq('year', year)
		.neq('status', 'draft')
		.order('submitted_at', { ascending: true });
	const rows = dataOrThrow(r as Result<unknown[]>) as RegistrationRow[];
	return rows.map(toRegistration).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/** Per unit of the reader's scope, whether the year's registration milestone (a published plan's) was delivered. */
export async function listRegistrationProgress(year: number): Promise<RegistrationProgress[]> {
	const rows = dataOrThrow(
		await getSupabase()
			.from('milestone_status')
			.select('unit_id, unit_name, cluster_name, due_on, completed_at, detail')
			.eq('year', year)
			.eq('code', 'registration')
			.eq('party_kind', 'unit')
	);
	return rows
		.filter((r) => r.unit_id !== null)
		.map((r) => ({
			unitId: r.unit_id as string,
			unitName: r.unit_name ?? (r.unit_id as string),
			clusterName: r.cluster_name,
			dueOn: r.due_on as string,
			completedAt: r.completed_at,
			status: (r.detail as RegistrationStatus | null) ?? null
		}))
		.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/** The deadline of the year's registration milestone in its published plan (null when there is none). */
export async function getRegistrationDue(year: number): Promise<string | null> {
	const r = await getSupabase()
		.from('milestone')
		.select('due_on, plan!inner(year, status)')
		.eq('code', 'registration')
		.eq('plan.year', year)
		.eq('plan.status', 'published')
		.limit(1);
	const rows = dataOrThrow(r as Result<unknown[]>) as { due_on: string }[];
	return rows[0]?.due_on ?? null;
}

/** Years of published plans: a unit may register for next year once its plan is published. */
export async function listPublishedPlanYears(): Promise<number[]> {
	const rows = dataOrThrow(await getSupabase().from('plan').select('year').eq('status', 'published'));
	return rows.map((r) => r.year);
}

/** Member units of the clusters the person leads this year (clusters and members are public facts). */
export async function listClusterUnitIds(clusterIds: string[]): Promise<string[]> {
	if (clusterIds.length === 0) return [];
	const rows = dataOrThrow(await getSupabase().from('cluster_member').select('unit_id').in('cluster_id', clusterIds));
	return rows.map((r) => r.unit_id);
}

/** Units the person may not review because they are (or came from, or became) one of the person's own units. */
export async function listConflictedUnits(unitIds: string[]): Promise<string[]> {
	const answers = await Promise.all(
		unitIds.map(async (unitId) => {
			const r = await getSupabase().rpc('has_conflict_of_interest', { p_unit: unitId });
			if (r.error) throw toRegistrationError(r.error, r.status);
			return r.data === true ? [unitId] : [];
		})
	);
	return answers.flat();
}

export interface RegistrationContent {
	topics: string[];
	note: string | null;
	titles: { titleId: string; headcount: number | null }[];
}

/** Starts the unit's registration as a draft (its titles are written next, while it is still a draft). */
async function createDraft(unitId: string, year: number, c: RegistrationContent): Promise<string> {
	const r = await getSupabase()
		.from('registration')
		.insert({ unit_id: unitId, year, status: 'draft', topics: c.topics, note: c.note })
		.select('id');
	return rowsOrThrow(r, 'insert registration')[0]!.id;
}

/** Content of a draft or returned registration; the status stays as it is (the trigger allows draft→draft, returned→returned). */
async function updateContent(id: string, status: 'draft' | 'returned', c: RegistrationContent): Promise<void> {
	const r = await getSupabase()
		.from('registration')
		.update({ status, topics: c.topics, note: c.note })
		.eq('id', id)
		.eq('status', status)
		.select('id');
	rowsOrThrow(r, `update registration ${id}`);
}

/** Brings the registration's titles to `wanted`: removes the others, writes the chosen ones with their headcount. */
async function replaceTitles(id: string, before: readonly RegisteredTitle[], wanted: RegistrationContent['titles']): Promise<void> {
	const supabase = getSupabase();
	const keep = new Set(wanted.map((t) => t.titleId));
	const removed = before.filter((t) => !keep.has(t.titleId)).map((t) => t.titleId);
	if (removed.length > 0) {
		const r = await supabase.from('registration_title').delete().eq('registration_id', id).in('title_id', removed).select('title_id');
		rowsOrThrow(r, 'remove titles', removed.length);
	}
	const same = (a: { titleId: string; headcount: number | null }) =>
		before.some((b) => b.titleId === a.titleId && (b.headcount ?? null) === (a.headcount ?? null));
	const changed = wanted.filter((t) => !same(t));
	if (changed.length > 0) {
		const rows = changed.map((t) => ({ registration_id: id, title_id: t.titleId, headcount: t.headcount }));
		const r = await supabase.from('registration_title').upsert(rows, { onConflict: 'registration_id,title_id' }).select('title_id');
		rowsOrThrow(r, 'write titles', changed.length);
	}
}

/**
 * Saves the unit's registration (creating it as a draft if needed) and, with `submit`, sends it to the cluster and
 * the city. Titles can only change before sending, so the order is: content, titles, then the status.
 */
export async function saveRegistration(o: {
	unitId: string;
	year: number;
	existing: Registration | null;
	content: RegistrationContent;
	submit: boolean;
}): Promise<Registration> {
	const current = o.existing;
	if (current && current.status !== 'draft' && current.status !== 'returned') {
		throw new RegistrationError('registration.error.notEditable', `registration ${current.id} is ${current.status}`);
	}
	const id = current ? current.id : await createDraft(o.unitId, o.year, o.content);
	if (current) await updateContent(current.id, current.status as 'draft' | 'returned', o.content);
	await replaceTitles(id, current?.titles ?? [], o.content.titles);
	if (o.submit) {
		const from = current?.status ?? 'draft';
		const r = await getSupabase().from('registration').update({ status: 'submitted' }).eq('id', id).eq('status', from).select('id, status');
		const rows = rowsOrThrow(r, `submit registration ${id}`);
		if (rows[0]?.status !== 'submitted') throw new RegistrationError('registration.error.notApplied', `registration ${id} not submitted`);
	}
	return readRegistration(id);
}

/** A reviewer's decision; `from` guards against acting on a registration someone else already moved on. */
export async function reviewRegistration(o: {
	id: string;
	from: RegistrationStatus;
	decision: 'accepted' | 'returned';
	reason?: string;
}): Promise<Registration> {
	const patch = o.decision === 'returned' ? { status: o.decision, review_note: o.reason ?? '' } : { status: o.decision };
	const r = await getSupabase().from('registration').update(patch).eq('id', o.id).eq('status', o.from).select('id, status');
	const rows = rowsOrThrow(r, `review registration ${o.id}`);
	if (rows[0]?.status !== o.decision) throw new RegistrationError('registration.error.notApplied', `registration ${o.id} not ${o.decision}`);
	return readRegistration(o.id);
}
