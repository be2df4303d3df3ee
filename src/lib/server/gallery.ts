// Read model of the public gallery: published stories through the `public_story` views, as the anonymous role.
// Only columns without personal data exist in those views; this module must never read `story` directly.
import type { StoryKind } from '$lib/domain/story';
import { getAnonSupabase } from './supabase';

export interface GalleryCard {
	id: string;
	kind: StoryKind;
	title: string;
	unitName: string;
	occurredOn: string;
	coverUrl: string | null;
}

export interface GalleryStory extends Omit<GalleryCard, 'coverUrl'> {
	body: string;
	subjectName: string;
	subjectKind: 'person' | 'collective';
	publishedAt: string | null;
	photos: { id: string; url: string; thumbUrl: string; width: number | null; height: number | null; caption: string | null }[];
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

export async function listPublishedStories(page: number): Promise<{ cards: GalleryCard[]; total: number }> {
	const from = (page - 1) * GALLERY_PAGE_SIZE;
	const { data, error, count } = await getAnonSupabase()
		.from('public_story')
		.select('id, kind, title, unit_name, occurred_on, cover_path, cover_thumb_path', { count: 'exact' })
		.order('published_at', { ascending: false, nullsFirst: false })
		.order('id')
		.range(from, from + GALLERY_PAGE_SIZE - 1);
	// PGRST103: the page starts past the last row — an empty page, which the route answers with 404.
	if (error?.code === 'PGRST103') return { cards: [], total: 0 };
	if (error) throw new Error(`public_story: ${error.message}`);
	const rows = (data ?? []) as Pick<
		PublicStoryRow,
		'id' | 'kind' | 'title' | 'unit_name' | 'occurred_on' | 'cover_path' | 'cover_thumb_path'
	>[];
	return {
		total: count ?? rows.length,
		cards: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			title: r.title,
			unitName: r.unit_name,
			occurredOn: r.occurred_on,
			coverUrl: r.cover_thumb_path ? mediaUrl(r.cover_thumb_path) : r.cover_path ? mediaUrl(r.cover_path) : null
		}))
	};
}

/** The published story, or null when it does not exist or is not (any longer) published. */
export async function getPublishedStory(id: string): Promise<GalleryStory | null> {
	if (!UUID.test(id)) return null;
	const supabase = getAnonSupabase();
	const [story, photos] = await Promise.all([
		supabase
			.from('public_story')
			.select('id, kind, title, body, subject_name, subject_kind, occurred_on, unit_name, published_at')
			.eq('id', id)
			.maybeSingle(),
		supabase
			.from('public_story_photo')
			.select('id, storage_path, thumb_path, width, height, caption')
			.eq('story_id', id)
			.order('position')
	]);
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
		}))
	};
}
