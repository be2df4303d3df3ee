import { getLocalStory } from '$lib/offline/story-queries';
import type { PageLoad } from './$types';

// The story as this device holds it (photos with their bytes): readable offline.
export const load: PageLoad = async ({ params }) => ({ id: params.id, local: (await getLocalStory(params.id)) ?? null });
