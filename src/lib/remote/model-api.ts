// Replication of exemplary models (nhân rộng): the published models, the adoptions a unit recorded, and recording or
// removing one. Online only; every write asks for its row back (RLS filters silently: no row back is a failure).
import { getSupabase } from './client';
import { noRow, toCycleError } from './cycle-error';

export interface ExemplaryModel {
	id: string;
	title: string;
	unitId: string;
	unitName: string;
	publishedAt: string | null;
}

export interface Adoption {
	id: string;
	storyId: string;
	unitId: string;
	adoptedOn: string;
	note: string | null;
}

export async function listModels(): Promise<ExemplaryModel[]> {
	const { data, error, status } = await getSupabase()
		.from('story')
		.select('id, title, unit_id, published_at, unit:unit_id(name)')
		.eq('status', 'published')
		.eq('kind', 'exemplary_model')
		.order('published_at', { ascending: false })
		.limit(200);
	if (error) throw toCycleError(error, status);
	return ((data ?? []) as unknown as { id: string; title: string; unit_id: string; published_at: string | null; unit: { name: string } | null }[]).map((r) => ({
		id: r.id,
		title: r.title,
		unitId: r.unit_id,
		unitName: r.unit?.name ?? '',
		publishedAt: r.published_at
	}));
}

export async function listAdoptions(unitIds: string[]): Promise<Adoption[]> {
	if (unitIds.length === 0) return [];
	const { data, error, status } = await getSupabase().from('model_adoption').select('id, story_id, unit_id, adopted_on, note').in('unit_id', unitIds);
	if (error) throw toCycleError(error, status);
	return (data ?? []).map((r) => ({ id: r.id, storyId: r.story_id, unitId: r.unit_id, adoptedOn: r.adopted_on, note: r.note }));
}

export async function adoptModel(a: { storyId: string; unitId: string; adoptedOn: string; note: string | null }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('model_adoption')
		.insert({ story_id: a.storyId, unit_id: a.unitId, adopted_on: a.adoptedOn, note: a.note?.trim() || null })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('model_adoption insert');
}

export async function removeAdoption(id: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('model_adoption').delete().eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('model_adoption delete');
}
