// Public photos: downloaded from the private `story-photos` bucket as the anonymous role, so RLS decides — only photos
// of published stories come back; everything else (unpublished, withdrawn, missing, malformed) is a plain 404.
import { error } from '@sveltejs/kit';
import { STORY_PHOTO_BUCKET } from '$lib/domain/story';
import { getAnonSupabase } from '$lib/server/supabase';
import type { RequestHandler } from './$types';

const PHOTO_PATH = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}(-thumb)?\.(webp|jpg)$/;

export const GET: RequestHandler = async ({ params }) => {
	const path = params.path;
	if (!PHOTO_PATH.test(path)) error(404);
	const { data, error: downloadError } = await getAnonSupabase().storage.from(STORY_PHOTO_BUCKET).download(path);
	if (downloadError || !data) error(404);
	// The bucket accepts only these two types; the extension is the app's, not the uploader's claim.
	const contentType = path.endsWith('.jpg') ? 'image/jpeg' : 'image/webp';
	return new Response(data.stream(), {
		headers: {
			'content-type': contentType,
			'content-length': String(data.size),
			// Short: withdrawing consent must take a photo down soon, even from shared caches.
			'cache-control': 'public, max-age=300',
			'x-content-type-options': 'nosniff'
		}
	});
};
