// The UI's handle on the sync engine, loaded after first paint: the engine pulls in supabase-js (~50 KiB gzip),
// which the capture form does not need to appear. Getters read the engine's own runes, so they stay reactive.
import type { SyncEngine } from '$lib/sync/sync-engine.svelte';
import { afterFirstView } from './after-first-view';

class SyncStatus {
	#engine = $state<SyncEngine | null>(null);
	#loading: Promise<SyncEngine> | null = null;
	#wantsRunning = false;

	get pendingCount(): number {
		return this.#engine?.pendingCount ?? 0;
	}
	get isSyncing(): boolean {
		return this.#engine?.isSyncing ?? false;
	}
	get isOnline(): boolean {
		return this.#engine?.isOnline ?? (typeof navigator === 'undefined' || navigator.onLine);
	}
	get lastRunAt(): number | null {
		return this.#engine?.lastRunAt ?? null;
	}
	get lastError(): SyncEngine['lastError'] {
		return this.#engine?.lastError ?? null;
	}

	#load(): Promise<SyncEngine> {
		this.#loading ??= import('$lib/sync/sync-engine.svelte').then(({ sync }) => (this.#engine = sync));
		return this.#loading;
	}

	/**
	 * Starts the engine once the first view is up and the engine is loaded, unless stop() came first (e.g. a sign-out
	 * during the load). "Sync now" does not wait.
	 */
	start(): void {
		this.#wantsRunning = true;
		void afterFirstView()
			.then(() => this.#load())
			.then((engine) => {
				if (this.#wantsRunning) engine.start();
			});
	}

	stop(): void {
		this.#wantsRunning = false;
		this.#engine?.stop();
	}

	async syncNow(): Promise<void> {
		await (await this.#load()).syncNow();
	}
}

export const sync = new SyncStatus();
