import { describe, expect, it } from 'vitest';
import { formatPoints, parseCellPoints } from './points';

describe('parseCellPoints', () => {
	it('reads a decimal comma and a decimal dot alike', () => {
		expect(parseCellPoints('8,5', 10)).toEqual({ ok: true, points: 8.5 });
		expect(parseCellPoints('8.5', 10)).toEqual({ ok: true, points: 8.5 });
		expect(parseCellPoints(' 10 ', 10)).toEqual({ ok: true, points: 10 });
		expect(parseCellPoints('7,25', 10)).toEqual({ ok: true, points: 7.25 });
		expect(parseCellPoints('0', 10)).toEqual({ ok: true, points: 0 });
	});

	it('takes a trailing separator as a whole number (the person is still typing)', () => {
		expect(parseCellPoints('8,', 10)).toEqual({ ok: true, points: 8 });
		expect(parseCellPoints('8.', 10)).toEqual({ ok: true, points: 8 });
	});

	it('reads an empty field as no score', () => {
		expect(parseCellPoints('', 10)).toEqual({ ok: true, points: null });
		expect(parseCellPoints('   ', 10)).toEqual({ ok: true, points: null });
	});

	it('refuses what is not a non-negative number', () => {
		for (const text of ['abc', '-1', '8,5,1', '1e2', ',5', ',', '8 .5x', '+3']) {
			expect(parseCellPoints(text, 10), text).toEqual({ ok: false, problem: 'format' });
		}
	});

	it('refuses more than two decimals (the database keeps hundredths)', () => {
		expect(parseCellPoints('8,555', 10)).toEqual({ ok: false, problem: 'precision' });
		expect(parseCellPoints('1,000', 10)).toEqual({ ok: false, problem: 'precision' });
	});

	it('refuses points above the criterion maximum, and accepts the maximum itself', () => {
		expect(parseCellPoints('10,5', 10)).toEqual({ ok: false, problem: 'aboveMax' });
		expect(parseCellPoints('10', 10)).toEqual({ ok: true, points: 10 });
	});

	it('round-trips with formatPoints', () => {
		for (const n of [0, 0.5, 8.5, 9.75, 15, 100.01]) {
			expect(parseCellPoints(formatPoints(n), 1000)).toEqual({ ok: true, points: n });
		}
	});
});
