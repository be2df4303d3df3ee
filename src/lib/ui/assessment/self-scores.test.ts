import { describe, expect, it, vi } from 'vitest';
import type { Criterion } from '$lib/remote/criteria-api';
import { SelfScores } from './self-scores.svelte';

const criterion = (id: string, maxPoints: number, kind: Criterion['kind'] = 'base'): Criterion => ({
	id,
	groupId: 'g',
	code: id.toUpperCase(),
	name: id,
	guidance: null,
	kind,
	maxPoints,
	position: 1
});
const criteria = [criterion('a1', 10), criterion('a2', 10), criterion('e2', 5, 'penalty')];

function loaded(saved: [string, number][] = []): SelfScores {
	const scores = new SelfScores();
	scores.load(criteria, new Map(saved));
	return scores;
}

describe('SelfScores', () => {
	it('shows saved scores with a decimal comma and lists no change at first', () => {
		const scores = loaded([['a1', 8.5]]);
		expect(scores.draft('a1')).toBe('8,5');
		expect(scores.draft('a2')).toBe('');
		expect(scores.changedIds).toEqual([]);
	});

	it('lists changed fields, valid or not, and counts only acceptable text in the live points', () => {
		const scores = loaded([['a1', 8.5]]);
		scores.setDraft('a1', '9');
		scores.setDraft('a2', '12');
		scores.setDraft('e2', '1,5');
		expect(scores.changedIds).toEqual(['a1', 'a2', 'e2']);
		expect([...scores.livePoints]).toEqual([
			['a1', 9],
			['e2', 1.5]
		]);
	});

	it('sends nothing for points above the maximum', async () => {
		const scores = loaded();
		const write = vi.fn();
		scores.setDraft('a2', '10,5');
		expect(await scores.save('a2', write)).toBe(false);
		expect(write).not.toHaveBeenCalled();
	});

	it('sends a new score and then shows what the server stored', async () => {
		const scores = loaded();
		scores.setDraft('a1', '7.5');
		const write = vi.fn(async () => 7.5);
		expect(await scores.save('a1', write)).toBe(true);
		expect(write).toHaveBeenCalledWith('a1', { kind: 'set', points: 7.5 });
		expect(scores.draft('a1')).toBe('7,5');
		expect(scores.changedIds).toEqual([]);
	});

	it('withdraws a score whose field was emptied', async () => {
		const scores = loaded([['a1', 8]]);
		scores.setDraft('a1', '');
		const write = vi.fn(async () => null);
		await scores.save('a1', write);
		expect(write).toHaveBeenCalledWith('a1', { kind: 'clear' });
		expect(scores.saved('a1')).toBeNull();
	});

	it('keeps the typed text when the write fails', async () => {
		const scores = loaded([['a1', 8]]);
		scores.setDraft('a1', '9');
		await expect(scores.save('a1', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		expect(scores.draft('a1')).toBe('9');
		expect(scores.isSaving('a1')).toBe(false);
	});

	it('keeps a field being edited when the server’s scores are loaded again', () => {
		const scores = loaded([['a1', 8]]);
		scores.setDraft('a1', '9');
		scores.load(criteria, new Map([['a1', 8], ['a2', 6]]));
		expect(scores.draft('a1')).toBe('9');
		expect(scores.draft('a2')).toBe('6');
	});
});
