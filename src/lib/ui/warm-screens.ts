// The service worker precaches only the field journey (src/pwa/precache-core.ts). The other screens a signed-in person
// can open — their tabs and the screens under them — are fetched here, in idle time, once the worker controls the page:
// the worker's runtime cache keeps them (CacheFirst on /_app/immutable/), so a unit officer who goes offline later still
// opens review, nominations or scoring. One screen at a time, so it never competes with what the person is doing.
import { version } from '$app/environment';
import { preloadCode } from '$app/navigation';

/** Screens reached from a tab rather than being one (a dynamic segment only needs a placeholder to match its route). */
const SUB_SCREENS: Record<string, string[]> = {
	'/app/movements': ['/app/movements/_'],
	'/app/nominations': ['/app/nominations/new', '/app/nominations/_'],
	'/app/plans': ['/app/plans/_'],
	'/app/scoring': ['/app/scoring/self', '/app/scoring/cluster', '/app/scoring/city'],
	'/app/admin': ['/app/admin/units', '/app/admin/people', '/app/admin/clusters']
};

/** The tabs and their sub-screens, in tab order, without repeats. */
export function screensToWarm(tabs: readonly string[]): string[] {
	return [...new Set(tabs.flatMap((tab) => [tab, ...(SUB_SCREENS[tab] ?? [])]))];
}

function idle(): Promise<void> {
	return new Promise((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5_000 });
		else setTimeout(resolve, 200);
	});
}

/** Resolves once a service worker controls this page (never, where there is none: nothing would keep the code). */
function controlled(): Promise<void> {
	if (!('serviceWorker' in navigator)) return new Promise(() => {});
	if (navigator.serviceWorker.controller) return Promise.resolve();
	return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

let warmed: Promise<void> | null = null;

/** Remembered per app version and set of screens: the worker's cache keeps them, so later page loads skip the work. */
const doneKey = (screens: string[]) => `thidua-screens-warm:${version}:${screens.join(',')}`;

function remembered(key: string): boolean {
	try {
		return localStorage.getItem(key) !== null;
	} catch {
		return false;
	}
}

function remember(key: string): void {
	try {
		for (const k of Object.keys(localStorage)) if (k.startsWith('thidua-screens-warm:')) localStorage.removeItem(k);
		localStorage.setItem(key, new Date().toISOString());
	} catch {
		// Storage refused (private mode, full): the next page load warms again, which is only wasted work.
	}
}

/**
 * Fetch the code of these tabs' screens ahead, once per app version (a page load per person would otherwise fetch
 * and evaluate every screen again: ~20 modules for the city). Failures (offline, an update removed a file) are
 * ignored and leave it to be tried on a later page load; the screen is fetched when opened, as without this.
 * Marks `<html data-screens-warm>` when done.
 */
export function warmScreens(tabs: readonly string[]): Promise<void> {
	warmed ??= (async () => {
		const screens = screensToWarm(tabs);
		const key = doneKey(screens);
		if (!remembered(key)) {
			await controlled();
			let complete = true;
			for (const screen of screens) {
				await idle();
				const ok = navigator.onLine && (await preloadCode(screen as Parameters<typeof preloadCode>[0]).then(() => true, () => false));
				complete &&= ok;
			}
			if (complete) remember(key);
		}
		document.documentElement.dataset.screensWarm = 'yes';
	})();
	return warmed;
}
