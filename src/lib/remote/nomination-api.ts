// Award nominations against the server: the award forms, nominations in the reader's scope, one nomination with its
// dossier files (private bucket 'dossiers' at {unit_id}/{nomination_id}/{file_id}.{ext}), appraisals, votes, tally
// and audit trail, and every step of the workflow. Online only: the cluster, the city and the council act on what the
// server holds. Every write asks for its rows back (RLS filters writes silently: no row back is a failure shown).
import type { DocumentKind, NominationStatus, NomineeKind, Occasion, Vote } from '$lib/domain/nomination';
import { getSupabase } from './client';
import type { Database } from './database.types';
import { CycleError, fileExtension, noRow, toStorageCycleError } from './cycle-error';

const BUCKET = 'dossiers';

export interface AwardForm {
	id: string;
	code: string;
	name: string;
	nameEn: string | null;
	appliesTo: NomineeKind[];
	proposers: ('unit' | 'cluster')[];
	conferredBy: string;
	requirements: Partial<Record<Occasion, DocumentKind[]>>;
	validFrom: string;
	validTo: string | null;
}

export interface NominationSummary {
	id: string;
	code: string;
	year: number;
	unitId: string;
	unitName: string;
	proposedByCluster: boolean;
	awardFormId: string;
	awardFormName: string;
	occasion: Occasion;
	nomineeKind: NomineeKind;
	nomineeName: string;
	nomineePosition: string | null;
	achievements: string;
	status: NominationStatus;
	returnReason: string | null;
	returnedFrom: NominationStatus | null;
	sourceStoryId: string | null;
	updatedAt: string;
	submittedAt: string | null;
}

export interface StorySnapshot {
	title: string;
	body: string;
	subject_name: string;
	occurred_on: string;
	created_at: string;
	reviewed_at: string | null;
	published_at: string | null;
	photos: { path: string; thumb: string | null; caption: string | null }[];
}

export interface DossierFile {
	id: string;
	documentKind: DocumentKind;
	storagePath: string;
	fileName: string;
	contentType: string;
	byteSize: number;
	uploadedAt: string;
}

export interface Appraisal {
	id: string;
	standardsOk: boolean;
	conditionsOk: boolean;
	procedureOk: boolean;
	documentsOk: boolean;
	outcome: 'passed' | 'returned';
	note: string | null;
	appraisedAt: string;
}

export interface NominationEvent {
	id: number;
	at: string;
	actorName: string | null;
	action: string;
	fromStatus: string | null;
	toStatus: string | null;
	changes: Record<string, unknown>;
	reason: string | null;
}

export interface Tally {
	members: number;
	conflicted: number;
	eligible: number;
	approve: number;
	reject: number;
	abstain: number;
	conflictedVotes: number;
	thresholdPercent: number;
	needed: number;
	passes: boolean;
}

export interface NominationDetail extends NominationSummary {
	nomineeBirthYear: number | null;
	storySnapshot: StorySnapshot | null;
	decision: { number: string; signedOn: string; title: string } | null;
	files: DossierFile[];
	appraisals: Appraisal[];
}

export interface NominationDraft {
	unitId: string;
	year: number;
	proposedByCluster: boolean;
	awardFormId: string;
	occasion: Occasion;
	nomineeKind: NomineeKind;
	nomineeName: string;
	nomineePosition: string | null;
	nomineeBirthYear: number | null;
	achievements: string;
	sourceStoryId: string | null;
}

type DbError = { message: string; code?: string; details?: string | null; hint?: string | null };

/** The database's refusals carry a Vietnamese sentence, and a hint naming the rule, shown with it. */
export function toNominationError(error: DbError, status = 0): CycleError {
	const text = `${error.message} ${error.details ?? ''}`;
	const detail = { detail: error.message };
	if (status === 0 || /fetch|network|timeout|abort/i.test(error.message)) return new CycleError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new CycleError('error.unauthorized', text);
	if (error.hint === 'double_award') return new CycleError('nomination.error.doubleAward', text, { code: error.details ?? '' });
	if (error.hint === 'deadline') return new CycleError('nomination.error.deadline', text, detail);
	// "…: to_trinh, bao_cao_thanh_tich": the codes, for the screen to name in the reader's language.
	if (error.hint === 'documents') return new CycleError('nomination.error.documents', text, { codes: error.message.split(':').pop()?.trim() ?? '' });
	if (error.hint === 'achievements') return new CycleError('nomination.error.achievements', text);
	if (error.code === '23505') return new CycleError('nomination.error.doubleAward', text, { code: '' });
	if (error.code === '42501' || status === 403) return new CycleError('cycle.error.refused', text, detail);
	if (['22023', '23514', '23502', '22P02', 'P0002'].includes(error.code ?? '')) return new CycleError('cycle.error.invalid', text, detail);
	return new CycleError('error.unknown', text);
}

function fail(r: { error: DbError | null; status: number }): void {
	if (r.error) throw toNominationError(r.error, r.status);
}

interface FormRow {
	id: string;
	code: string;
	name: string;
	name_en: string | null;
	applies_to: NomineeKind[];
	proposers: ('unit' | 'cluster')[];
	conferred_by: string;
	requirements: AwardForm['requirements'];
	position: number;
	catalogue_version: { valid_from: string; valid_to: string | null } | null;
}

/** Award forms of every catalogue version (public), in catalogue order; `formsInForce` picks a year's. */
export async function listAwardForms(): Promise<AwardForm[]> {
	const r = await getSupabase()
		.from('award_form')
		.select('id, code, name, name_en, applies_to, proposers, conferred_by, requirements, position, catalogue_version(valid_from, valid_to)')
		.order('position');
	fail(r);
	return ((r.data ?? []) as unknown as FormRow[]).map((f) => ({
		id: f.id,
		code: f.code,
		name: f.name,
		nameEn: f.name_en,
		appliesTo: f.applies_to,
		proposers: f.proposers,
		conferredBy: f.conferred_by,
		requirements: f.requirements,
		validFrom: f.catalogue_version?.valid_from ?? '1900-01-01',
		validTo: f.catalogue_version?.valid_to ?? null
	}));
}

export function formsInForce(forms: AwardForm[], year: number): AwardForm[] {
	return forms.filter((f) => f.validFrom <= `${year}-12-31` && (f.validTo === null || f.validTo > `${year}-01-01`));
}

const SUMMARY_COLUMNS =
	'id, code, year, unit_id, proposed_by_cluster, award_form_id, occasion, nominee_kind, nominee_name, nominee_position, ' +
	'achievements, status, return_reason, returned_from, source_story_id, updated_at, submitted_at, unit:unit_id(name), award_form(name)';

interface SummaryRow {
	id: string;
	code: string;
	year: number;
	unit_id: string;
	proposed_by_cluster: boolean;
	award_form_id: string;
	occasion: Occasion;
	nominee_kind: NomineeKind;
	nominee_name: string;
	nominee_position: string | null;
	achievements: string;
	status: NominationStatus;
	return_reason: string | null;
	returned_from: NominationStatus | null;
	source_story_id: string | null;
	updated_at: string;
	submitted_at: string | null;
	unit: { name: string } | null;
	award_form: { name: string } | null;
}

function toSummary(r: SummaryRow): NominationSummary {
	return {
		id: r.id,
		code: r.code,
		year: r.year,
		unitId: r.unit_id,
		unitName: r.unit?.name ?? '',
		proposedByCluster: r.proposed_by_cluster,
		awardFormId: r.award_form_id,
		awardFormName: r.award_form?.name ?? '',
		occasion: r.occasion,
		nomineeKind: r.nominee_kind,
		nomineeName: r.nominee_name,
		nomineePosition: r.nominee_position,
		achievements: r.achievements,
		status: r.status,
		returnReason: r.return_reason,
		returnedFrom: r.returned_from,
		sourceStoryId: r.source_story_id,
		updatedAt: r.updated_at,
		submittedAt: r.submitted_at
	};
}

/** Every nomination of a year the reader may see (RLS decides: own unit, cluster, city, council). */
export async function listNominations(year: number): Promise<NominationSummary[]> {
	const r = await getSupabase().from('nomination').select(SUMMARY_COLUMNS).eq('year', year).order('code');
	fail(r);
	return ((r.data ?? []) as unknown as SummaryRow[]).map(toSummary);
}

export async function getNomination(id: string): Promise<NominationDetail | null> {
	const r = await getSupabase()
		.from('nomination')
		.select(
			`${SUMMARY_COLUMNS}, nominee_birth_year, story_snapshot, decision(number, signed_on, title), ` +
				'dossier_file(id, document_kind, storage_path, file_name, content_type, byte_size, uploaded_at), ' +
				'appraisal(id, standards_ok, conditions_ok, procedure_ok, documents_ok, outcome, note, appraised_at)'
		)
		.eq('id', id)
		.maybeSingle();
	fail(r);
	if (!r.data) return null;
	const row = r.data as unknown as SummaryRow & {
		nominee_birth_year: number | null;
		story_snapshot: StorySnapshot | null;
		decision: { number: string; signed_on: string; title: string } | null;
		dossier_file: { id: string; document_kind: DocumentKind; storage_path: string; file_name: string; content_type: string; byte_size: number; uploaded_at: string }[];
		appraisal: { id: string; standards_ok: boolean; conditions_ok: boolean; procedure_ok: boolean; documents_ok: boolean; outcome: 'passed' | 'returned'; note: string | null; appraised_at: string }[];
	};
	return {
		...toSummary(row),
		nomineeBirthYear: row.nominee_birth_year,
		storySnapshot: row.story_snapshot,
		decision: row.decision ? { number: row.decision.number, signedOn: row.decision.signed_on, title: row.decision.title } : null,
		files: row.dossier_file
			.map((f) => ({ id: f.id, documentKind: f.document_kind, storagePath: f.storage_path, fileName: f.file_name, contentType: f.content_type, byteSize: f.byte_size, uploadedAt: f.uploaded_at }))
			.sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt)),
		appraisals: row.appraisal
			.map((a) => ({ id: a.id, standardsOk: a.standards_ok, conditionsOk: a.conditions_ok, procedureOk: a.procedure_ok, documentsOk: a.documents_ok, outcome: a.outcome, note: a.note, appraisedAt: a.appraised_at }))
			.sort((a, b) => a.appraisedAt.localeCompare(b.appraisedAt))
	};
}

/** The audit trail; only the city and the council may read it (others get an empty list from RLS). */
export async function listEvents(id: string): Promise<NominationEvent[]> {
	const r = await getSupabase()
		.from('nomination_event')
		.select('id, at, actor_name, action, from_status, to_status, changes, reason')
		.eq('nomination_id', id)
		.order('id');
	fail(r);
	return ((r.data ?? []) as { id: number; at: string; actor_name: string | null; action: string; from_status: string | null; to_status: string | null; changes: Record<string, unknown>; reason: string | null }[]).map((e) => ({
		id: e.id, at: e.at, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, changes: e.changes, reason: e.reason
	}));
}

export async function getTally(id: string): Promise<Tally> {
	const r = await getSupabase().rpc('nomination_tally', { p_nomination: id }).single();
	fail(r);
	const t = r.data as unknown as { members: number; conflicted: number; eligible: number; approve: number; reject: number; abstain: number; conflicted_votes: number; threshold_percent: number; needed: number; passes: boolean };
	return { members: t.members, conflicted: t.conflicted, eligible: t.eligible, approve: t.approve, reject: t.reject, abstain: t.abstain, conflictedVotes: t.conflicted_votes, thresholdPercent: t.threshold_percent, needed: t.needed, passes: t.passes };
}

/** The signed-in member's own vote on a nomination, if any. */
export async function myVote(id: string, userId: string): Promise<Vote | null> {
	const r = await getSupabase().from('council_vote').select('vote').eq('nomination_id', id).eq('voter_id', userId).maybeSingle();
	fail(r);
	return (r.data as { vote: Vote } | null)?.vote ?? null;
}

export async function hasConflictOfInterest(unitId: string): Promise<boolean> {
	const r = await getSupabase().rpc('has_conflict_of_interest', { p_unit: unitId });
	fail(r);
	return r.data === true;
}

export async function nominationDeadline(year: number, occasion: Occasion): Promise<string | null> {
	const r = await getSupabase().rpc('nomination_deadline', { p_year: year, p_occasion: occasion });
	fail(r);
	return (r.data as string | null) ?? null;
}

export async function getThreshold(year: number): Promise<number> {
	const r = await getSupabase().from('council_setting').select('threshold_percent').eq('year', year).maybeSingle();
	fail(r);
	return (r.data as { threshold_percent: number } | null)?.threshold_percent ?? 50;
}

export async function setThreshold(year: number, percent: number): Promise<void> {
	const r = await getSupabase().from('council_setting').upsert({ year, threshold_percent: percent }).select('year');
	fail(r);
	if (!r.data?.length) throw noRow('council_setting upsert');
}

/** Published stories of the reader's units (to start a nomination from one). */
export async function listPublishedStories(unitIds: string[]): Promise<{ id: string; unitId: string; title: string; subjectName: string; subjectKind: 'person' | 'collective'; body: string; occurredOn: string }[]> {
	if (unitIds.length === 0) return [];
	const r = await getSupabase()
		.from('story')
		.select('id, unit_id, title, subject_name, subject_kind, body, occurred_on')
		.eq('status', 'published')
		.in('unit_id', unitIds)
		.order('published_at', { ascending: false })
		.limit(200);
	fail(r);
	return ((r.data ?? []) as { id: string; unit_id: string; title: string; subject_name: string; subject_kind: 'person' | 'collective'; body: string; occurred_on: string }[]).map((s) => ({
		id: s.id, unitId: s.unit_id, title: s.title, subjectName: s.subject_name, subjectKind: s.subject_kind, body: s.body, occurredOn: s.occurred_on
	}));
}

async function updateOne(id: string, patch: Database['public']['Tables']['nomination']['Update'], what: string): Promise<void> {
	const r = await getSupabase().from('nomination').update(patch).eq('id', id).select('id');
	fail(r);
	if (!r.data?.length) throw noRow(what);
}

export async function createNomination(d: NominationDraft): Promise<string> {
	const id = crypto.randomUUID();
	const r = await getSupabase()
		.from('nomination')
		.insert({
			id,
			year: d.year,
			unit_id: d.unitId,
			proposed_by_cluster: d.proposedByCluster,
			award_form_id: d.awardFormId,
			occasion: d.occasion,
			nominee_kind: d.nomineeKind,
			nominee_name: d.nomineeName,
			nominee_position: d.nomineePosition,
			nominee_birth_year: d.nomineeKind === 'individual' ? d.nomineeBirthYear : null,
			achievements: d.achievements,
			source_story_id: d.sourceStoryId
		})
		.select('id');
	fail(r);
	if (!r.data?.length) throw noRow('nomination insert');
	return id;
}

export type NominationEdit = Pick<NominationDraft, 'awardFormId' | 'occasion' | 'nomineeKind' | 'nomineeName' | 'nomineePosition' | 'nomineeBirthYear' | 'achievements'>;

export function saveNomination(id: string, e: NominationEdit): Promise<void> {
	return updateOne(id, {
		award_form_id: e.awardFormId,
		occasion: e.occasion,
		nominee_kind: e.nomineeKind,
		nominee_name: e.nomineeName,
		nominee_position: e.nomineePosition,
		nominee_birth_year: e.nomineeKind === 'individual' ? e.nomineeBirthYear : null,
		achievements: e.achievements
	}, 'nomination save');
}

export const submitNomination = (id: string) => updateOne(id, { status: 'submitted' }, 'nomination submit');
export const withdrawNomination = (id: string) => updateOne(id, { status: 'withdrawn' }, 'nomination withdraw');
export const clusterReview = (id: string) => updateOne(id, { status: 'cluster_reviewed' }, 'nomination cluster review');
export const openVoting = (id: string) => updateOne(id, { status: 'voting' }, 'nomination open voting');
export const returnNomination = (id: string, reason: string) =>
	updateOne(id, { status: 'returned', return_reason: reason.trim() }, 'nomination return');

/** Deletes a draft: its files first (Storage lets the proposer remove them only while the draft exists), then the row. */
export async function discardNomination(id: string, files: Pick<DossierFile, 'id' | 'storagePath'>[] = []): Promise<void> {
	for (const f of files) await removeDossierFile(f);
	const r = await getSupabase().from('nomination').delete().eq('id', id).select('id');
	fail(r);
	if (!r.data?.length) throw noRow('nomination delete');
}

export async function appraise(
	id: string,
	checks: { standardsOk: boolean; conditionsOk: boolean; procedureOk: boolean; documentsOk: boolean },
	outcome: 'passed' | 'returned',
	note: string | null
): Promise<void> {
	const r = await getSupabase()
		.from('appraisal')
		.insert({
			nomination_id: id,
			standards_ok: checks.standardsOk,
			conditions_ok: checks.conditionsOk,
			procedure_ok: checks.procedureOk,
			documents_ok: checks.documentsOk,
			outcome,
			note: note?.trim() || null
		})
		.select('id');
	fail(r);
	if (!r.data?.length) throw noRow('appraisal insert');
}

export async function castVote(id: string, userId: string, vote: Vote): Promise<void> {
	const r = await getSupabase().from('council_vote').upsert({ nomination_id: id, voter_id: userId, vote }).select('vote');
	fail(r);
	if (!r.data?.length) throw noRow('vote');
}

export async function decide(ids: string[], number: string, signedOn: string, title: string): Promise<string> {
	const r = await getSupabase().rpc('decide_nominations', { p_ids: ids, p_number: number.trim(), p_signed_on: signedOn, p_title: title.trim() });
	fail(r);
	return r.data as string;
}

// ---- Dossier files ------------------------------------------------------------------------------------------

const storageFailure = (error: unknown): CycleError =>
	toStorageCycleError(error, { tooLarge: 'nomination.file.tooLarge', fileType: 'nomination.file.type' });

/** Uploads a checked file, then records it; if the row is refused, the file is removed again. */
export async function addDossierFile(
	n: { id: string; unitId: string },
	file: { blob: Blob; contentType: string; fileName: string; documentKind: DocumentKind }
): Promise<void> {
	const fileId = crypto.randomUUID();
	const path = `${n.unitId}/${n.id}/${fileId}.${fileExtension(file.contentType)}`;
	const storage = getSupabase().storage.from(BUCKET);
	const { error } = await storage.upload(path, file.blob, { contentType: file.contentType, upsert: false });
	if (error) throw storageFailure(error);
	const r = await getSupabase()
		.from('dossier_file')
		.insert({
			id: fileId,
			nomination_id: n.id,
			document_kind: file.documentKind,
			storage_path: path,
			file_name: file.fileName.slice(0, 200) || 'tai-lieu',
			content_type: file.contentType,
			byte_size: file.blob.size
		})
		.select('id');
	if (r.error || !r.data?.length) {
		await storage.remove([path]).catch(() => undefined);
		if (r.error) throw toNominationError(r.error, r.status);
		throw noRow('dossier_file insert');
	}
}

export async function removeDossierFile(f: Pick<DossierFile, 'id' | 'storagePath'>): Promise<void> {
	const r = await getSupabase().from('dossier_file').delete().eq('id', f.id).select('id');
	fail(r);
	if (!r.data?.length) throw noRow('dossier_file delete');
	await getSupabase().storage.from(BUCKET).remove([f.storagePath]).catch(() => undefined);
}

export async function dossierFileUrl(storagePath: string): Promise<string> {
	const { data, error } = await getSupabase().storage.from(BUCKET).createSignedUrl(storagePath, 300);
	if (error || !data) throw storageFailure(error);
	return data.signedUrl;
}

/** Member units of the clusters a lead leads, by name (the units a cluster may propose for). */
export async function listClusterUnits(clusterIds: string[]): Promise<{ id: string; name: string }[]> {
	if (clusterIds.length === 0) return [];
	const r = await getSupabase().from('cluster_member').select('unit:unit_id(id, name)').in('cluster_id', clusterIds);
	fail(r);
	return ((r.data ?? []) as unknown as { unit: { id: string; name: string } | null }[])
		.flatMap((m) => (m.unit ? [m.unit] : []))
		.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
