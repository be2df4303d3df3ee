// Client-side errors the error page should explain. The one that matters offline: a screen whose code the service
// worker does not hold yet (only the field journey is precached; other screens are kept once fetched) fails to import,
// which SvelteKit reports as a 500. Say what it is and what to do instead.
import type { HandleClientError } from '@sveltejs/kit';
import { isMissingModule } from '$lib/ui/missing-module';

export const handleError: HandleClientError = ({ error }) =>
	isMissingModule(error) ? { message: 'error.screenNotOnDevice' } : { message: 'error.unknown' };
