import { describe, expect, it } from 'vitest';
import { livePoints, scoreChange } from './score-change';

describe('scoreChange', () => {
	it('asks for nothing when the field shows the saved score, however it is written', () => {
		expect(scoreChange('8,5', 8.5, 10)).toEqual({ kind: 'none' });
		expect(scoreChange('8.50', 8.5, 10)).toEqual({ kind: 'none' });
		expect(scoreChange('', null, 10)).toEqual({ kind: 'none' });
	});

	it('asks for a new score when the points differ or nothing was saved', () => {
		expect(scoreChange('9', 8.5, 10)).toEqual({ kind: 'set', points: 9 });
		expect(scoreChange('0', null, 10)).toEqual({ kind: 'set', points: 0 });
	});

	it('withdraws a saved score when the field is emptied', () => {
		expect(scoreChange('  ', 8.5, 10)).toEqual({ kind: 'clear' });
	});

	it('sends nothing for points above the maximum or malformed text', () => {
		expect(scoreChange('11', 8.5, 10)).toEqual({ kind: 'invalid', problem: 'aboveMax' });
		expect(scoreChange('8,5đ', null, 10)).toEqual({ kind: 'invalid', problem: 'format' });
	});
});

describe('livePoints', () => {
	it('counts what is typed when acceptable, the saved score otherwise, nothing for an emptied field', () => {
		expect(livePoints('9,5', 8, 10)).toBe(9.5);
		expect(livePoints('12', 8, 10)).toBe(8);
		expect(livePoints('', 8, 10)).toBeNull();
		expect(livePoints('abc', null, 10)).toBeNull();
	});
});
