// One way for the nomination screens to run a write: one at a time (buttons disable meanwhile), success confirmed and
// every failure (the database's refusal with its reason, or a write that came back with no row) reported through the
// notices funnel, never swallowed. The page reads the nomination again afterwards, even after a failure.
import { tKey, type MessageParams } from '$lib/i18n';
import { CycleError } from '$lib/remote/cycle-error';
import { notices } from '$lib/ui/notices.svelte';

export function reportNominationError(error: unknown): void {
	if (error instanceof CycleError && error.messageKey === 'nomination.error.documents') {
		const docs = (error.params.codes ?? '').split(',').map((c) => tKey(`nomination.doc.${c.trim()}`)).join('; ');
		notices.error(error.messageKey, { docs });
	} else if (error instanceof CycleError) notices.error(error.messageKey, error.params);
	else if (error instanceof Error && 'messageKey' in error && typeof error.messageKey === 'string') {
		const params = 'params' in error && typeof error.params === 'object' ? (error.params as MessageParams) : undefined;
		notices.error(error.messageKey, params);
	}
	else notices.error('error.unknown');
}

export class NominationAction {
	#busy = $state(false);

	get busy(): boolean {
		return this.#busy;
	}

	/** Runs `write`; true when it succeeded. Never throws. */
	async run(write: () => Promise<unknown>, success: { key: string; params?: MessageParams } | null, after?: () => Promise<void>): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = true;
		try {
			await write();
			if (success) notices.success(success.key, success.params);
			return true;
		} catch (error) {
			reportNominationError(error);
			return false;
		} finally {
			this.#busy = false;
			if (after) await after();
		}
	}
}
