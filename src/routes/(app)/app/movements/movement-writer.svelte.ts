// One way for the movement screens to run a city admin's write: one at a time (buttons disable while `busy`),
// success confirmed and every failure (a refusal, or a write that came back with no row) told through the notices
// funnel. Writes need the server: offline they are refused here with a sentence, not attempted.
import type { MessageParams } from '$lib/i18n';
import { MovementError } from '$lib/remote/movement-api';
import { notices } from '$lib/ui/notices.svelte';

export class MovementWriter {
	#busy = $state(false);

	get busy(): boolean {
		return this.#busy;
	}

	/** The written row, or null when it failed (already told to the person). Never throws. */
	async run<T>(write: () => Promise<T>, success: { key: string; params?: MessageParams }): Promise<T | null> {
		if (this.#busy) return null;
		if (typeof navigator !== 'undefined' && !navigator.onLine) {
			notices.error('movement.onlineOnly');
			return null;
		}
		this.#busy = true;
		try {
			const result = await write();
			notices.success(success.key, success.params);
			return result;
		} catch (error) {
			if (error instanceof MovementError) notices.error(error.messageKey, error.params);
			else notices.error('error.unknown');
			return null;
		} finally {
			this.#busy = false;
		}
	}
}
