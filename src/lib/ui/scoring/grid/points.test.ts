import { describe, expect, it } from 'vitest';
import { formatPoints, parsePoints, samePoints } from './points';

describe('parsePoints', () => {
	it('reads a decimal comma and a decimal dot alike', () => {
		expect(parsePoints('8,5')).toEqual({ ok: true, points: 8.5 });
		expect(parsePoints('8.5')).toEqual({ ok: true, points: 8.5 });
		expect(parsePoints(' 10 ')).toEqual({ ok: true, points: 10 });
		expect(parsePoints('7,25')).toEqual({ ok: true, points: 7.25 });
		expect(parsePoints('0')).toEqual({ ok: true, points: 0 });
	});

	it('takes a trailing separator as a whole number (the person is still typing)', () => {
		expect(parsePoints('8,')).toEqual({ ok: true, points: 8 });
	});

	it('reads an empty field as no score', () => {
		expect(parsePoints('')).toEqual({ ok: true, points: null });
		expect(parsePoints('   ')).toEqual({ ok: true, points: null });
	});

	it('refuses what is not a non-negative number', () => {
		for (const text of ['abc', '-1', '8,5,1', '1e2', ',5', '8 .5x', '+3']) {
			expect(parsePoints(text), text).toEqual({ ok: false, problem: 'format' });
		}
	});

	it('refuses more than two decimals (the database keeps hundredths)', () => {
		expect(parsePoints('8,555')).toEqual({ ok: false, problem: 'decimals' });
		expect(parsePoints('1,000')).toEqual({ ok: false, problem: 'decimals' });
	});

	it('refuses points above the criterion maximum, and accepts the maximum itself', () => {
		expect(parsePoints('10,5', 10)).toEqual({ ok: false, problem: 'overMax' });
		expect(parsePoints('10', 10)).toEqual({ ok: true, points: 10 });
	});
});

describe('formatPoints', () => {
	it('writes the decimal comma without trailing zeros', () => {
		expect(formatPoints(8.5)).toBe('8,5');
		expect(formatPoints(10)).toBe('10');
		expect(formatPoints(7.25)).toBe('7,25');
		expect(formatPoints(0.1 + 0.2)).toBe('0,3');
	});

	it('writes nothing for no score', () => {
		expect(formatPoints(null)).toBe('');
		expect(formatPoints(undefined)).toBe('');
	});

	it('round-trips through parsePoints', () => {
		for (const n of [0, 0.5, 8.5, 9.75, 15, 100.01]) {
			expect(parsePoints(formatPoints(n))).toEqual({ ok: true, points: n });
		}
	});
});

describe('samePoints', () => {
	it('compares to the hundredth and treats two empty scores as the same', () => {
		expect(samePoints(0.1 + 0.2, 0.3)).toBe(true);
		expect(samePoints(8.5, 8)).toBe(false);
		expect(samePoints(null, null)).toBe(true);
		expect(samePoints(null, 0)).toBe(false);
	});
});
