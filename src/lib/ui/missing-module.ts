// A dynamic import that failed because the module could not be fetched (offline, or removed by a newer deploy), as
// each engine words it: Chromium "Failed to fetch dynamically imported module", Firefox "error loading dynamically
// imported module", Safari "Importing a module script failed"; and Vite's preload helper, which loads a screen's CSS
// before its code and fails first with "Unable to preload CSS for …".
const MISSING = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isMissingModule(error: unknown): boolean {
	return error instanceof Error && MISSING.test(error.message);
}
