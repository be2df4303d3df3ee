// A failed score save, classified once for the cell that shows it: the message key of the one error funnel and
// whether the server asked for a reason (so the cell opens its reason field).
import { CycleError } from '$lib/remote/cycle-error';
import { REASON_REQUIRED_KEY } from '$lib/remote/cluster-scoring-api';
import type { CellFailure } from './autosave-queue.svelte';

export function classifySaveFailure(error: unknown): CellFailure {
	if (error instanceof CycleError) {
		return { messageKey: error.messageKey, params: error.params, needsReason: error.messageKey === REASON_REQUIRED_KEY };
	}
	return { messageKey: 'error.unknown', params: {}, needsReason: false };
}
