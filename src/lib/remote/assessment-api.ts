// A unit's self-assessment in a round: its scores at every stage it may read (self, cluster, city, with reasons),
// writing its own 'self' scores, and its evidence (linked stories, links, files in the private 'evidence' bucket at
// {unit_id}/{round_id}/{evidence_id}.{ext}). Online only; every write asks for the row back. Cluster and city
// scoring live in cluster-api.ts.
import { getSupabase } from './client';
import { CycleError, fileExtension, noRow, toCycleError, toStorageCycleError } from './cycle-error';

export type ScoreStage = 'self' | 'cluster' | 'city';
export type EvidenceKind = 'story' | 'link' | 'file';

export interface StageScore {
	criterionId: string;
	stage: ScoreStage;
	points: number;
	reason: string | null;
	scoredAt: string;
}

export interface Evidence {
	id: string;
	criterionId: string;
	kind: EvidenceKind;
	storyId: string | null;
	storyTitle: string | null;
	url: string | null;
	storagePath: string | null;
	caption: string | null;
	addedAt: string;
}

export interface EvidenceStory {
	id: string;
	title: string;
	status: 'verified' | 'published';
	occurredOn: string;
}

export interface UnitRoundKey {
	roundId: string;
	unitId: string;
}

const EVIDENCE_BUCKET = 'evidence';

interface EvidenceRow {
	id: string;
	criterion_id: string;
	kind: string;
	story_id: string | null;
	url: string | null;
	storage_path: string | null;
	caption: string | null;
	added_at: string;
	story: { title: string } | null;
}

function toEvidence(row: EvidenceRow): Evidence {
	return {
		id: row.id,
		criterionId: row.criterion_id,
		kind: row.kind as EvidenceKind,
		storyId: row.story_id,
		storyTitle: row.story?.title ?? null,
		url: row.url,
		storagePath: row.storage_path,
		caption: row.caption,
		addedAt: row.added_at
	};
}

/** Every score of the unit in the round that the reader may see (a unit's officers see all three stages). */
export async function listUnitScores(key: UnitRoundKey): Promise<StageScore[]> {
	const { data, error, status } = await getSupabase()
		.from('score')
		.select('criterion_id, stage, points, reason, scored_at')
		.eq('round_id', key.roundId)
		.eq('unit_id', key.unitId);
	if (error) throw toCycleError(error, status);
	return (data ?? []).map((r) => ({
		criterionId: r.criterion_id,
		stage: r.stage as ScoreStage,
		points: Number(r.points),
		reason: r.reason,
		scoredAt: r.scored_at
	}));
}

export async function listEvidence(key: UnitRoundKey): Promise<Evidence[]> {
	const { data, error, status } = await getSupabase()
		.from('evidence')
		.select('id, criterion_id, kind, story_id, url, storage_path, caption, added_at, story(title)')
		.eq('round_id', key.roundId)
		.eq('unit_id', key.unitId)
		.order('added_at');
	if (error) throw toCycleError(error, status);
	return ((data ?? []) as unknown as EvidenceRow[]).map(toEvidence);
}

/** The unit's stories that may stand as evidence: verified by the unit or published by the city. */
export async function listEvidenceStories(unitId: string): Promise<EvidenceStory[]> {
	const { data, error, status } = await getSupabase()
		.from('story')
		.select('id, title, status, occurred_on')
		.eq('unit_id', unitId)
		.in('status', ['verified', 'published'])
		.order('occurred_on', { ascending: false });
	if (error) throw toCycleError(error, status);
	return (data ?? []).map((r) => ({ id: r.id, title: r.title, status: r.status as EvidenceStory['status'], occurredOn: r.occurred_on }));
}

/**
 * Writes the unit's own score for one criterion. Not an upsert: PostgREST's upsert would also set the key columns,
 * which only inserts may write. `exists` says what the page knows; a score that appeared meanwhile is updated.
 */
export async function saveSelfScore(key: UnitRoundKey & { criterionId: string; points: number; exists: boolean }): Promise<StageScore> {
	const match = { round_id: key.roundId, unit_id: key.unitId, criterion_id: key.criterionId, stage: 'self' } as const;
	const columns = 'criterion_id, stage, points, reason, scored_at';
	const update = () => getSupabase().from('score').update({ points: key.points }).match(match).select(columns);
	const insert = () => getSupabase().from('score').insert({ ...match, points: key.points }).select(columns);
	let result = key.exists ? await update() : await insert();
	if (!key.exists && result.error?.code === '23505') result = await update();
	else if (key.exists && !result.error && !result.data?.length) result = await insert();
	if (result.error) throw toCycleError(result.error, result.status);
	const row = result.data?.[0];
	if (!row) throw noRow('score write');
	return { criterionId: row.criterion_id, stage: 'self', points: Number(row.points), reason: row.reason, scoredAt: row.scored_at };
}

/** Withdraws the unit's own score for one criterion (an emptied field). */
export async function clearSelfScore(key: UnitRoundKey & { criterionId: string }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('score')
		.delete()
		.match({ round_id: key.roundId, unit_id: key.unitId, criterion_id: key.criterionId, stage: 'self' })
		.select('criterion_id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('score delete');
}

type EvidenceTarget = UnitRoundKey & { criterionId: string };

async function insertEvidence(
	target: EvidenceTarget,
	fields: { id?: string; kind: EvidenceKind; story_id?: string; url?: string; storage_path?: string; caption?: string | null }
): Promise<Evidence> {
	const { data, error, status } = await getSupabase()
		.from('evidence')
		.insert({ round_id: target.roundId, unit_id: target.unitId, criterion_id: target.criterionId, ...fields })
		.select('id, criterion_id, kind, story_id, url, storage_path, caption, added_at, story(title)');
	if (error) throw toCycleError(error, status);
	const row = data?.[0];
	if (!row) throw noRow('evidence insert');
	return toEvidence(row as unknown as EvidenceRow);
}

export function addStoryEvidence(target: EvidenceTarget, storyId: string): Promise<Evidence> {
	return insertEvidence(target, { kind: 'story', story_id: storyId });
}

export function addLinkEvidence(target: EvidenceTarget, link: { url: string; caption: string | null }): Promise<Evidence> {
	return insertEvidence(target, { kind: 'link', url: link.url, caption: link.caption });
}

/** The file's extension from its (already checked) content type. */
export const evidenceExtension = fileExtension;

export function evidencePath(target: UnitRoundKey, id: string, contentType: string): string {
	return `${target.unitId}/${target.roundId}/${id}.${evidenceExtension(contentType)}`;
}

const storageFailure = (error: unknown): CycleError =>
	toStorageCycleError(error, { tooLarge: 'assessment.evidence.tooLarge', fileType: 'assessment.evidence.fileType' });

/**
 * Uploads a prepared file (a photo already re-encoded without metadata, or a PDF) and records it. The file goes
 * first, so no row points at missing bytes; if the row is refused the file is removed again.
 */
export async function addFileEvidence(
	target: EvidenceTarget,
	file: { blob: Blob; contentType: string; caption: string | null }
): Promise<Evidence> {
	const id = crypto.randomUUID();
	const path = evidencePath(target, id, file.contentType);
	const storage = getSupabase().storage.from(EVIDENCE_BUCKET);
	const { error } = await storage.upload(path, file.blob, { contentType: file.contentType, upsert: false });
	if (error) throw storageFailure(error);
	try {
		return await insertEvidence(target, { id, kind: 'file', storage_path: path, caption: file.caption });
	} catch (failure) {
		await storage.remove([path]).catch(() => undefined);
		throw failure;
	}
}

/** Removes the row, then the file it pointed at (a file left behind is harmless: nothing refers to it). */
export async function removeEvidence(evidence: Pick<Evidence, 'id' | 'storagePath'>): Promise<void> {
	const { data, error, status } = await getSupabase().from('evidence').delete().eq('id', evidence.id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('evidence delete');
	if (evidence.storagePath) await getSupabase().storage.from(EVIDENCE_BUCKET).remove([evidence.storagePath]).catch(() => undefined);
}

/** A short-lived address to open a private evidence file. */
export async function evidenceFileUrl(storagePath: string): Promise<string> {
	const { data, error } = await getSupabase().storage.from(EVIDENCE_BUCKET).createSignedUrl(storagePath, 300);
	if (error || !data) throw storageFailure(error);
	return data.signedUrl;
}

/** Addresses for many files at once (the page's photos and PDFs), valid for an hour; a path without one is left out. */
export async function evidenceFileUrls(storagePaths: string[]): Promise<Map<string, string>> {
	if (storagePaths.length === 0) return new Map();
	const { data, error } = await getSupabase().storage.from(EVIDENCE_BUCKET).createSignedUrls(storagePaths, 3600);
	if (error || !data) throw storageFailure(error);
	return new Map(data.flatMap((d) => (d.path && d.signedUrl && !d.error ? [[d.path, d.signedUrl] as const] : [])));
}
