// One way for the registration screens to run a write: one at a time (`busyId` says which registration, buttons
// disable meanwhile), success confirmed and every failure (an error, or a write that came back with no row) reported
// through the notices funnel. The list is read again afterwards, even after a failure: the data may have moved on.
import type { MessageParams } from '$lib/i18n';
import { RegistrationError } from '$lib/remote/registration-api';
import { notices } from '$lib/ui/notices.svelte';

export function reportRegistrationError(error: unknown): void {
	if (error instanceof RegistrationError) notices.error(error.messageKey, error.params);
	else notices.error('error.unknown');
}

export class RegistrationAction {
	#busyId = $state<string | null>(null);

	get busy(): boolean {
		return this.#busyId !== null;
	}
	/** Which registration (or unit, before it has one) a write is running for. */
	get busyId(): string | null {
		return this.#busyId;
	}

	/** Runs `write`; true when it succeeded. Never throws. */
	async run(
		id: string,
		write: () => Promise<unknown>,
		success: { key: string; params?: MessageParams },
		after?: () => Promise<void>
	): Promise<boolean> {
		if (this.#busyId) return false;
		this.#busyId = id;
		try {
			await write();
			notices.success(success.key, success.params);
			return true;
		} catch (error) {
			reportRegistrationError(error);
			return false;
		} finally {
			this.#busyId = null;
			if (after) await after();
		}
	}
}
