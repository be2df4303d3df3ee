/// <reference types="vite-plugin-pwa/vanillajs" />
// Registers the generated service worker (injectRegister is off so that we decide when) and reports when a new
// version waits. Reloading is always safe: unsent stories live in IndexedDB, not in the page.
import { registerSW } from 'virtual:pwa-register';

export interface PwaHandlers {
	onNeedRefresh: () => void;
	onOfflineReady?: () => void;
}

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

/** Registers once per page; later calls are ignored. */
export function registerServiceWorker(handlers: PwaHandlers): void {
	if (update || !('serviceWorker' in navigator)) return;
	update = registerSW({
		immediate: true,
		onNeedRefresh: handlers.onNeedRefresh,
		onOfflineReady: handlers.onOfflineReady,
		onRegisterError: (error: unknown) => console.warn('service worker registration failed', error)
	});
}

/** Activates the waiting worker (skipWaiting is off, so it waits for this) and reloads the page. */
export async function applyUpdate(): Promise<void> {
	if (update) await update(true);
	else location.reload();
}
