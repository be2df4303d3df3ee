// Read model of the public gallery: published stories through the `public_story` views, as the anonymous role.
// Only columns without personal data exist in those views; this module must never read `story` directly.
import type { StoryKind } from '$lib/domain/story';
import { getAnonSupabase } from './supabase';

export interface GalleryCard {
	id: string;
	kind: StoryKind;
	title: string;
	unitName: string;
	movementName: string | null;
	occurredOn: string;
	/** The thumbnail (400 px edge), and the full photo (1600 px edge) for wide screens and dense displays. */
	coverUrl: string | null;
	coverFullUrl: string | null;
	coverWidth: number | null;
	coverHeight: number | null;
	/** The search text appears as typed (diacritics included): ranked first. */
	exact: boolean;
}

export interface GalleryStory {
	id: string;
	kind: StoryKind;
	title: string;
	unitName: string;
	occurredOn: string;
	body: string;
	subjectName: string;
	subjectKind: 'person' | 'collective';
	publishedAt: string | null;
	photos: { id: string; url: string; thumbUrl: string; width: number | null; height: number | null; caption: string | null }[];
	/** Units that adopted this model (nhân rộng), oldest first. */
	adoptions: { unitName: string; adoptedOn: string }[];
}

interface PublicStoryRow {
	id: string;
	kind: StoryKind;
	title: string;
	body: string;
	subject_name: string;
	subject_kind: 'person' | 'collective';
	occurred_on: string;
	unit_name: string;
	published_at: string | null;
	cover_path: string | null;
	cover_thumb_path: string | null;
}

interface PublicPhotoRow {
	id: string;
	storage_path: string;
	thumb_path: string | null;
	width: number | null;
	height: number | null;
	caption: string | null;
}

export const GALLERY_PAGE_SIZE = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Photos are served by our own /media endpoint, which reads the private bucket as anon (RLS: published only). */
export function mediaUrl(path: string): string {
	return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** What the gallery is asked for: a search (any spelling, with or without diacritics) and filters, all optional. */
export interface GalleryQuery {
	q: string | null;
	kind: StoryKind | null;
	unit: string | null;
	movement: string | null;
	year: number | null;
	page: number;
}

export interface GalleryFacets {
	units: { id: string; name: string; stories: number }[];
	movements: { id: string; name: string; stories: number }[];
	years: number[];
}

const KINDS: readonly StoryKind[] = ['good_deed', 'exemplary_model'];

/** Reads the query from the address, dropping anything malformed (a bad filter is no filter, never an error). */
export function parseGalleryQuery(params: URLSearchParams): GalleryQuery {
	// Control characters match nothing a person reads, and Postgres refuses U+0000 in text; cut by characters, not
	// UTF-16 units, so an emoji at the cut is not halved into JSON PostgREST refuses (both made the gallery answer 503).
	const text = [...(params.get('q') ?? '').replace(/\p{Cc}/gu, ' ').trim()].slice(0, 200).join('').trim();
	const kind = params.get('kind');
	const year = Number(params.get('year'));
	const page = Number(params.get('page') ?? '1');
	const uuid = (v: string | null) => (v && UUID.test(v) ? v.toLowerCase() : null);
	return {
		q: text || null,
		kind: KINDS.includes(kind as StoryKind) ? (kind as StoryKind) : null,
		unit: uuid(params.get('unit')),
		movement: uuid(params.get('movement')),
		year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
		page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1
	};
}

/** The address of a query (only what is set), for links that keep the other filters. */
export function galleryHref(q: GalleryQuery, change: Partial<GalleryQuery> = {}): string {
	const next = { ...q, ...change };
	const params = new URLSearchParams();
	if (next.q) params.set('q', next.q);
	if (next.kind) params.set('kind', next.kind);
	if (next.unit) params.set('unit', next.unit);
	if (next.movement) params.set('movement', next.movement);
	if (next.year) params.set('year', String(next.year));
	if (next.page > 1) params.set('page', String(next.page));
	const text = params.toString();
	return text ? `/gallery?${text}` : '/gallery';
}

interface SearchRow {
	id: string;
	kind: StoryKind;
	title: string;
	unit_name: string;
	movement_name: string | null;
	occurred_on: string;
	cover_path: string | null;
	cover_thumb_path: string | null;
	cover_width: number | null;
	cover_height: number | null;
	exact: boolean;
	total: number;
}

/**
 * One page of published stories matching the query, exact matches first, ranked and counted in Postgres
 * (search_public_stories: unaccent + full text), as the anonymous role.
 */
export async function searchPublishedStories(q: GalleryQuery): Promise<{ cards: GalleryCard[]; total: number }> {
	const { data, error } = await getAnonSupabase().rpc('search_public_stories', {
		p_query: q.q ?? undefined,
		p_kind: q.kind ?? undefined,
		p_unit: q.unit ?? undefined,
		p_movement: q.movement ?? undefined,
		p_year: q.year ?? undefined,
		p_limit: GALLERY_PAGE_SIZE,
		p_offset: (q.page - 1) * GALLERY_PAGE_SIZE
	});
	if (error) throw new Error(`search_public_stories: ${error.message}`);
	const rows = (data ?? []) as SearchRow[];
	return {
		total: rows[0]?.total ?? 0,
		cards: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			title: r.title,
			unitName: r.unit_name,
			movementName: r.movement_name,
			occurredOn: r.occurred_on,
			coverUrl: r.cover_thumb_path ? mediaUrl(r.cover_thumb_path) : r.cover_path ? mediaUrl(r.cover_path) : null,
			coverFullUrl: r.cover_path ? mediaUrl(r.cover_path) : null,
			coverWidth: r.cover_width,
			coverHeight: r.cover_height,
			exact: r.exact
		}))
	};
}

export async function galleryFacets(): Promise<GalleryFacets> {
	const { data, error } = await getAnonSupabase().rpc('gallery_facets');
	if (error) throw new Error(`gallery_facets: ${error.message}`);
	const rows = (data ?? []) as { facet: string; id: string; name: string; stories: number }[];
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
	return {
		units: rows.filter((r) => r.facet === 'unit').map((r) => ({ id: r.id, name: r.name, stories: r.stories })).sort(byName),
		movements: rows.filter((r) => r.facet === 'movement').map((r) => ({ id: r.id, name: r.name, stories: r.stories })).sort(byName),
		years: rows.filter((r) => r.facet === 'year').map((r) => Number(r.id)).sort((a, b) => b - a)
	};
}

/** The published story, or null when it does not exist or is not (any longer) published. */
export async function getPublishedStory(id: string): Promise<GalleryStory | null> {
	if (!UUID.test(id)) return null;
	const supabase = getAnonSupabase();
	const [story, photos, adoptions] = await Promise.all([
		supabase
			.from('public_story')
			.select('id, kind, title, body, subject_name, subject_kind, occurred_on, unit_name, published_at')
			.eq('id', id)
			.maybeSingle(),
		supabase
			.from('public_story_photo')
			.select('id, storage_path, thumb_path, width, height, caption')
			.eq('story_id', id)
			.order('position'),
		supabase.from('public_model_adoption').select('unit_name, adopted_on').eq('story_id', id).order('adopted_on')
	]);
	if (adoptions.error) throw new Error(`public_model_adoption: ${adoptions.error.message}`);
	if (story.error) throw new Error(`public_story: ${story.error.message}`);
	if (photos.error) throw new Error(`public_story_photo: ${photos.error.message}`);
	const r = story.data as Omit<PublicStoryRow, 'cover_path' | 'cover_thumb_path'> | null;
	if (!r) return null;
	return {
		id: r.id,
		kind: r.kind,
		title: r.title,
		body: r.body,
		subjectName: r.subject_name,
		subjectKind: r.subject_kind,
		occurredOn: r.occurred_on,
		unitName: r.unit_name,
		publishedAt: r.published_at,
		photos: ((photos.data ?? []) as PublicPhotoRow[]).map((p) => ({
			id: p.id,
			url: mediaUrl(p.storage_path),
			thumbUrl: mediaUrl(p.thumb_path ?? p.storage_path),
			width: p.width,
			height: p.height,
			caption: p.caption
		})),
		adoptions: ((adoptions.data ?? []) as { unit_name: string; adopted_on: string }[]).map((a) => ({ unitName: a.unit_name, adoptedOn: a.adopted_on }))
	};
}

/** Every published story's address and last change, for sitemap.xml (at most 50,000: the sitemap protocol's limit). */
export async function listPublishedForSitemap(): Promise<{ id: string; publishedAt: string | null }[]> {
	const out: { id: string; publishedAt: string | null }[] = [];
	for (let from = 0; from < 50_000; from += 1000) {
		const { data, error } = await getAnonSupabase()
			.from('public_story')
			.select('id, published_at')
			.order('published_at', { ascending: false, nullsFirst: false })
			.order('id')
			.range(from, from + 999);
		if (error) throw new Error(`public_story: ${error.message}`);
		const rows = (data ?? []) as { id: string; published_at: string | null }[];
		out.push(...rows.map((r) => ({ id: r.id, publishedAt: r.published_at })));
		if (rows.length < 1000) break;
	}
	return out;
}

export interface PublicContest {
	id: string;
	title: string;
	description: string;
	opensOn: string;
	closesOn: string;
	status: string;
}

export interface PublicEntry {
	id: string;
	penName: string;
	title: string;
	body: string;
	storyId: string | null;
	storyTitle: string | null;
	publishedAt: string | null;
}

/** Announced contests, newest first (drafts are not public). */
export async function listPublicContests(): Promise<(PublicContest & { entries: number })[]> {
	const supabase = getAnonSupabase();
	const [contests, entries] = await Promise.all([
		supabase.from('contest').select('id, title, description, opens_on, closes_on, status').order('opens_on', { ascending: false }),
		supabase.from('public_contest_entry').select('contest_id')
	]);
	if (contests.error) throw new Error(`contest: ${contests.error.message}`);
	if (entries.error) throw new Error(`public_contest_entry: ${entries.error.message}`);
	const counts = new Map<string, number>();
	for (const e of (entries.data ?? []) as { contest_id: string }[]) counts.set(e.contest_id, (counts.get(e.contest_id) ?? 0) + 1);
	return ((contests.data ?? []) as { id: string; title: string; description: string; opens_on: string; closes_on: string; status: string }[]).map((c) => ({
		id: c.id, title: c.title, description: c.description, opensOn: c.opens_on, closesOn: c.closes_on, status: c.status, entries: counts.get(c.id) ?? 0
	}));
}

/** One announced contest with its published entries (the collection), or null. */
export async function getPublicContest(id: string): Promise<{ contest: PublicContest; entries: PublicEntry[] } | null> {
	if (!UUID.test(id)) return null;
	const supabase = getAnonSupabase();
	const [contest, entries] = await Promise.all([
		supabase.from('contest').select('id, title, description, opens_on, closes_on, status').eq('id', id).maybeSingle(),
		supabase.from('public_contest_entry').select('id, pen_name, title, body, story_id, story_title, published_at').eq('contest_id', id).order('published_at')
	]);
	if (contest.error) throw new Error(`contest: ${contest.error.message}`);
	if (entries.error) throw new Error(`public_contest_entry: ${entries.error.message}`);
	const c = contest.data as { id: string; title: string; description: string; opens_on: string; closes_on: string; status: string } | null;
	if (!c) return null;
	return {
		contest: { id: c.id, title: c.title, description: c.description, opensOn: c.opens_on, closesOn: c.closes_on, status: c.status },
		entries: ((entries.data ?? []) as { id: string; pen_name: string; title: string; body: string; story_id: string | null; story_title: string | null; published_at: string | null }[]).map((e) => ({
			id: e.id, penName: e.pen_name, title: e.title, body: e.body, storyId: e.story_title ? e.story_id : null, storyTitle: e.story_title, publishedAt: e.published_at
		}))
	};
}
