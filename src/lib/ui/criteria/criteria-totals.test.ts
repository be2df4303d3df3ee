import { describe, expect, it } from 'vitest';
import type { CriterionKind } from '$lib/remote/criteria-api';
import { maxTotals, scoreTotals } from './criteria-totals';

const c = (id: string, kind: CriterionKind, maxPoints: number) => ({ id, kind, maxPoints });
const criteria = [c('a1', 'base', 10), c('a2', 'base', 15), c('b1', 'base', 10.5), c('e1', 'bonus', 5), c('e2', 'penalty', 5)];

describe('maxTotals', () => {
	it('sums the maximum by kind', () => {
		expect(maxTotals(criteria)).toEqual({ base: 35.5, bonus: 5, penalty: 5 });
	});

	it('is zero for an empty set', () => {
		expect(maxTotals([])).toEqual({ base: 0, bonus: 0, penalty: 0 });
	});
});

describe('scoreTotals', () => {
	it('adds base and bonus points and subtracts penalty points', () => {
		const points = new Map([
			['a1', 8.5],
			['a2', 12],
			['e1', 2],
			['e2', 1.5]
		]);
		expect(scoreTotals(criteria, points)).toEqual({ base: 20.5, bonus: 2, penalty: 1.5, total: 21, scored: 4 });
	});

	it('counts criteria without points as nothing, and adds decimals without float drift', () => {
		const points = new Map([
			['a1', 0.1],
			['a2', 0.2]
		]);
		expect(scoreTotals(criteria, points)).toMatchObject({ base: 0.3, total: 0.3, scored: 2 });
	});

	it('ignores points of criteria that are not in the set', () => {
		expect(scoreTotals(criteria, new Map([['zz', 4]]))).toMatchObject({ total: 0, scored: 0 });
	});
});
