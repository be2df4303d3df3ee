// One way for admin screens to run a write: one at a time (buttons disable while `busy`), success confirmed and
// every failure (including a write that came back with no row) reported through the notices funnel.
import type { MessageParams } from '$lib/i18n';
import { AdminError } from '$lib/remote/admin-api';
import { notices } from '$lib/ui/notices.svelte';

export class AdminAction {
	#busy = $state(false);

	get busy(): boolean {
		return this.#busy;
	}

	/** Runs `write`; true when it succeeded (then `after` reloads what changed). Never throws. */
	async run(
		write: () => Promise<unknown>,
		success: { key: string; params?: MessageParams },
		after?: () => Promise<void>
	): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = true;
		try {
			await write();
			notices.success(success.key, success.params);
			return true;
		} catch (error) {
			reportAdminError(error);
			return false;
		} finally {
			this.#busy = false;
			// Reload even after a failure: a refused write often means the data changed under us.
			if (after) await after();
		}
	}
}

export function reportAdminError(error: unknown): void {
	if (error instanceof AdminError) notices.error(error.messageKey, error.params);
	else notices.error('error.unknown');
}
