import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type CellBase, type SaveRequest, type SavedScore } from './autosave-queue.svelte';

const BASE: CellBase = { max: 10, below: 8, points: null, reason: null };
const failure = (needsReason = false) => ({ messageKey: needsReason ? 'reason' : 'boom', params: {}, needsReason });

/** A save whose answers the test releases one by one, in the order it chooses. */
function controlledSave() {
	const calls: { request: SaveRequest; resolve: (s: SavedScore) => void; reject: (e: unknown) => void }[] = [];
	const save = vi.fn(
		(request: SaveRequest) =>
			new Promise<SavedScore>((resolve, reject) => {
				calls.push({ request, resolve, reject });
			})
	);
	return { save, calls };
}

function okSave() {
	return vi.fn(async (r: SaveRequest): Promise<SavedScore> => ({ points: r.points, reason: r.reason }));
}

function queueWith(save: (r: SaveRequest) => Promise<SavedScore>) {
	return new AutosaveQueue({
		save,
		classify: (e) => failure(e instanceof Error && e.message === 'needs reason'),
		delayMs: 800
	});
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('AutosaveQueue', () => {
	it('saves once, 800 ms after typing stops, with the last value typed', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', { ...BASE, below: 8.5 });
		q.editPoints('a', '8');
		await vi.advanceTimersByTimeAsync(500);
		q.editPoints('a', '8,');
		await vi.advanceTimersByTimeAsync(500);
		q.editPoints('a', '8,5');
		expect(q.cell('a')?.status).toBe('pending');
		await vi.advanceTimersByTimeAsync(799);
		expect(save).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		await q.settled();
		expect(save).toHaveBeenCalledTimes(1);
		expect(save).toHaveBeenCalledWith({ key: 'a', points: 8.5, reason: null });
		expect(q.cell('a')?.status).toBe('saved');
	});

	it('keeps a score that differs from the one below until its reason is given, then saves both', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '7');
		await vi.advanceTimersByTimeAsync(800);
		expect(save).not.toHaveBeenCalled();
		expect(q.cell('a')?.status).toBe('needsReason');
		expect(q.cell('a')?.showReason).toBe(true);
		expect(q.unsavedCount).toBe(1);

		q.editReason('a', '  Thiếu biên bản  ');
		await vi.advanceTimersByTimeAsync(800);
		await q.settled();
		expect(save).toHaveBeenCalledExactlyOnceWith({ key: 'a', points: 7, reason: 'Thiếu biên bản' });
		expect(q.cell('a')?.status).toBe('saved');
		expect(q.unsavedCount).toBe(0);
	});

	it('saves a score equal to the one below without asking for a reason', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8');
		expect(q.cell('a')?.showReason).toBe(false);
		await vi.advanceTimersByTimeAsync(800);
		await q.settled();
		expect(save).toHaveBeenCalledExactlyOnceWith({ key: 'a', points: 8, reason: null });
		expect(q.cell('a')?.status).toBe('saved');
	});

	it('saves at once when the field is left, without waiting for the pause', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8.0');
		q.flush('a');
		await q.settled();
		expect(save).toHaveBeenCalledExactlyOnceWith({ key: 'a', points: 8, reason: null });
		await vi.advanceTimersByTimeAsync(2000);
		expect(save).toHaveBeenCalledTimes(1);
	});

	it('keeps a failed value marked with its reason, and saves it on retry', async () => {
		const { save, calls } = controlledSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8');
		q.flush('a');
		expect(q.cell('a')?.status).toBe('saving');
		calls[0]!.reject(new Error('offline'));
		await q.settled();
		const cell = q.cell('a')!;
		expect(cell.status).toBe('error');
		expect(cell.failure?.messageKey).toBe('boom');
		expect(cell.text).toBe('8');
		expect(q.unsavedCount).toBe(1);
		expect(q.failedCount).toBe(1);
		// Nothing retries behind the person's back…
		await vi.advanceTimersByTimeAsync(5000);
		expect(save).toHaveBeenCalledTimes(1);
		// …until asked.
		q.retry('a');
		calls[1]!.resolve({ points: 8, reason: null });
		await q.settled();
		expect(save).toHaveBeenCalledTimes(2);
		expect(cell.status).toBe('saved');
		expect(cell.failure).toBeNull();
		expect(q.unsavedCount).toBe(0);
	});

	it('retries every failed cell at once (back online)', async () => {
		let fail = true;
		const save = vi.fn(async (r: SaveRequest): Promise<SavedScore> => {
			if (fail) throw new Error('offline');
			return { points: r.points, reason: r.reason };
		});
		const q = queueWith(save);
		q.seed('a', BASE);
		q.seed('b', BASE);
		q.editPoints('a', '8');
		q.editPoints('b', '8');
		await vi.advanceTimersByTimeAsync(800);
		await q.settled();
		expect(q.failedCount).toBe(2);
		fail = false;
		q.retryFailed();
		await q.settled();
		expect(q.failedCount).toBe(0);
		expect(q.cell('a')?.status).toBe('saved');
		expect(q.cell('b')?.status).toBe('saved');
	});

	it('marks the cell as needing a reason when the server refuses a score without one', async () => {
		const save = vi.fn(async (): Promise<SavedScore> => {
			throw new Error('needs reason');
		});
		// The self score the page knew was 8; the unit changed it to 9 meanwhile, so 8 now differs on the server.
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8');
		q.flush('a');
		await q.settled();
		const cell = q.cell('a')!;
		expect(cell.status).toBe('error');
		expect(cell.failure?.needsReason).toBe(true);
		expect(cell.showReason).toBe(true);
	});

	it('sends a newer value only after the running save answered, and ends with the last value', async () => {
		const { save, calls } = controlledSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8');
		q.flush('a');
		q.editPoints('a', '9');
		q.editReason('a', 'Có thêm minh chứng');
		q.flush('a');
		// One save at a time for a cell: the second waits.
		expect(calls).toHaveLength(1);
		expect(q.cell('a')?.status).toBe('pending');
		calls[0]!.resolve({ points: 8, reason: null });
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toHaveLength(2);
		expect(calls[1]!.request).toEqual({ key: 'a', points: 9, reason: 'Có thêm minh chứng' });
		expect(q.cell('a')?.status).toBe('saving');
		calls[1]!.resolve({ points: 9, reason: 'Có thêm minh chứng' });
		await q.settled();
		expect(q.cell('a')?.status).toBe('saved');
		expect(q.cell('a')?.base.points).toBe(9);
		expect(q.cell('a')?.text).toBe('9');
	});

	it('does not call a cell saved when it was edited again while its save ran', async () => {
		const { save, calls } = controlledSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '8');
		q.flush('a');
		q.editPoints('a', '8,5');
		calls[0]!.resolve({ points: 8, reason: null });
		await vi.advanceTimersByTimeAsync(0);
		expect(q.cell('a')?.status).toBe('pending');
		expect(q.unsavedCount).toBe(1);
	});

	it('refuses what is not a score without sending it', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', BASE);
		q.editPoints('a', '12');
		await vi.advanceTimersByTimeAsync(800);
		expect(save).not.toHaveBeenCalled();
		expect(q.cell('a')?.status).toBe('invalid');
		expect(q.cell('a')?.problem).toBe('aboveMax');
		q.editPoints('a', 'abc');
		q.flush('a');
		expect(q.cell('a')?.problem).toBe('format');
		expect(q.unsavedCount).toBe(1);
	});

	it('withdraws a saved score when the field is emptied', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', { ...BASE, points: 8 });
		expect(q.cell('a')?.text).toBe('8');
		q.editPoints('a', '');
		q.flush('a');
		await q.settled();
		expect(save).toHaveBeenCalledExactlyOnceWith({ key: 'a', points: null, reason: null });
	});

	it('sends nothing when the value typed is back to what the server holds', async () => {
		const save = okSave();
		const q = queueWith(save);
		q.seed('a', { ...BASE, points: 7, reason: 'Thiếu biên bản' });
		q.editPoints('a', '6');
		q.editPoints('a', '7,0');
		await vi.advanceTimersByTimeAsync(800);
		expect(save).not.toHaveBeenCalled();
		expect(q.unsavedCount).toBe(0);
	});

	it('lets a reload update untouched cells but never overwrite a value still to be saved', async () => {
		const q = queueWith(okSave());
		q.seed('a', BASE);
		q.seed('b', BASE);
		q.editPoints('b', '7');
		q.seed('a', { ...BASE, points: 9, reason: 'Cụm khác chấm' });
		q.seed('b', { ...BASE, points: 9, reason: 'Cụm khác chấm' });
		expect(q.cell('a')?.text).toBe('9');
		expect(q.cell('a')?.reasonText).toBe('Cụm khác chấm');
		expect(q.cell('b')?.text).toBe('7');
		expect(q.cell('b')?.base.points).toBe(9);
	});
});
