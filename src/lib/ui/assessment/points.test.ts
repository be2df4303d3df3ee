import { describe, expect, it } from 'vitest';
import { formatPoints, parsePoints, samePoints } from './points';

describe('parsePoints', () => {
	it('reads a decimal comma and a decimal dot alike', () => {
		expect(parsePoints('8,5', 10)).toEqual({ ok: true, value: 8.5 });
		expect(parsePoints('8.5', 10)).toEqual({ ok: true, value: 8.5 });
		expect(parsePoints(' 10 ', 10)).toEqual({ ok: true, value: 10 });
		expect(parsePoints('0,25', 10)).toEqual({ ok: true, value: 0.25 });
		expect(parsePoints('0', 10)).toEqual({ ok: true, value: 0 });
	});

	it('refuses an empty field, signs, letters and thousands separators', () => {
		expect(parsePoints('  ', 10)).toEqual({ ok: false, problem: 'empty' });
		for (const text of ['-1', '+2', 'abc', '8,5,1', '1.000,5', ',5', '8,', '1e2']) {
			expect(parsePoints(text, 10), text).toEqual({ ok: false, problem: 'format' });
		}
	});

	it('refuses more than two decimals, which the database cannot keep', () => {
		expect(parsePoints('8,125', 10)).toEqual({ ok: false, problem: 'precision' });
	});

	it('refuses points above the criterion’s maximum but accepts the maximum itself', () => {
		expect(parsePoints('10,5', 10)).toEqual({ ok: false, problem: 'aboveMax' });
		expect(parsePoints('10,00', 10)).toEqual({ ok: true, value: 10 });
	});
});

describe('formatPoints', () => {
	it('writes a decimal comma in Vietnamese and a dot in English', () => {
		expect(formatPoints(8.5)).toBe('8,5');
		expect(formatPoints(8.5, 'en')).toBe('8.5');
	});

	it('drops needless decimals and rounds to two', () => {
		expect(formatPoints(10)).toBe('10');
		expect(formatPoints(7.25)).toBe('7,25');
		expect(formatPoints(0.1 + 0.2)).toBe('0,3');
	});

	it('round-trips through parsePoints', () => {
		for (const value of [0, 0.5, 3.75, 9.99, 15]) expect(parsePoints(formatPoints(value), 15)).toEqual({ ok: true, value });
	});
});

describe('samePoints', () => {
	it('compares to the hundredth and treats two missing scores as the same', () => {
		expect(samePoints(8.5, 8.5000001)).toBe(true);
		expect(samePoints(8.5, 8.49)).toBe(false);
		expect(samePoints(null, null)).toBe(true);
		expect(samePoints(null, 0)).toBe(false);
	});
});
