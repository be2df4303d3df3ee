// Public photos: downloaded from the private `story-photos` bucket as the anonymous role, so RLS decides — only photos
// of published stories come back; everything else (unpublished, withdrawn, missing, malformed) is a plain 404.
// Storage trusts the content type an uploader declares (supabase/storage#639), so a client that bypasses the app can
// store HTML or SVG as "image/jpeg": the bytes are checked here, and only what really starts as the JPEG or WebP the
// path names is served, with nosniff and a sandboxing CSP in case a browser is opened on it directly.
import { error } from '@sveltejs/kit';
import { sniffImageType, SNIFF_BYTES } from '$lib/capture/sniff-image';
import { STORY_PHOTO_BUCKET } from '$lib/domain/story';
import { getAnonSupabase } from '$lib/server/supabase';
import type { RequestHandler } from './$types';

const PHOTO_PATH = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}(-thumb)?\.(webp|jpg)$/;

export const GET: RequestHandler = async ({ params }) => {
	const path = params.path;
	if (!PHOTO_PATH.test(path)) error(404);
	const { data, error: downloadError } = await getAnonSupabase().storage.from(STORY_PHOTO_BUCKET).download(path);
	if (downloadError || !data) error(404);
	// The extension is the app's, not the uploader's claim; the first bytes must agree with it.
	const expected = path.endsWith('.jpg') ? 'jpeg' : 'webp';
	if (sniffImageType(new Uint8Array(await data.slice(0, SNIFF_BYTES).arrayBuffer())) !== expected) error(404);
	const contentType = expected === 'jpeg' ? 'image/jpeg' : 'image/webp';
	return new Response(data.stream(), {
		headers: {
			'content-type': contentType,
			'content-length': String(data.size),
			// Short: withdrawing consent must take a photo down soon, even from shared caches.
			'cache-control': 'public, max-age=300',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'content-disposition': 'inline'
		}
	});
};
