import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '$lib/remote/cluster-scoring-api';
import type { Criterion, CriterionGroup } from '$lib/remote/criteria-api';
import { cellKey, effectivePoints, indexScores, neighbour, parseCellKey, total } from './grid-model';

const criterion = (id: string, kind: Criterion['kind'], maxPoints: number): Criterion => ({
	id,
	groupId: 'g',
	code: id.toUpperCase(),
	name: id,
	guidance: null,
	kind,
	maxPoints,
	position: 0
});

const groups: Pick<CriterionGroup, 'criteria'>[] = [
	{ criteria: [criterion('a1', 'base', 10), criterion('a2', 'base', 10)] },
	{ criteria: [criterion('e1', 'bonus', 5), criterion('e2', 'penalty', 5)] }
];

const score = (criterionId: string, stage: ScoreEntry['stage'], points: number): ScoreEntry => ({
	unitId: 'u',
	criterionId,
	stage,
	points,
	reason: null,
	scoredAt: '2026-11-01T00:00:00Z'
});

describe('total', () => {
	it('adds base and bonus points, subtracts penalty points, and counts the criteria scored', () => {
		const points: Record<string, number | null> = { a1: 8.5, a2: null, e1: 2, e2: 1.25 };
		expect(total(groups, (id) => points[id])).toEqual({ points: 9.25, counted: 3, of: 4 });
	});

	it('is zero of n when nothing is scored', () => {
		expect(total(groups, () => null)).toEqual({ points: 0, counted: 0, of: 4 });
	});
});

describe('effectivePoints', () => {
	it('takes the city over the cluster over the self score', () => {
		const index = indexScores([score('a1', 'self', 9), score('a1', 'cluster', 8), score('a2', 'self', 7), score('e1', 'city', 1)]);
		const u = index.get('u');
		expect(effectivePoints(u?.get('a1'))).toBe(8);
		expect(effectivePoints(u?.get('a2'))).toBe(7);
		expect(effectivePoints(u?.get('e1'))).toBe(1);
		expect(effectivePoints(u?.get('e2'))).toBeNull();
	});
});

describe('cell keys', () => {
	it('round-trip', () => {
		expect(parseCellKey(cellKey('r', 'u', 'c'))).toEqual({ roundId: 'r', unitId: 'u', criterionId: 'c' });
	});
});

describe('neighbour', () => {
	const size = { rows: 3, cols: 3 };
	const all = () => true;

	it('moves one cell in each direction and stops at the edges', () => {
		expect(neighbour({ row: 1, col: 1 }, 'down', size, all)).toEqual({ row: 2, col: 1 });
		expect(neighbour({ row: 1, col: 1 }, 'up', size, all)).toEqual({ row: 0, col: 1 });
		expect(neighbour({ row: 1, col: 1 }, 'left', size, all)).toEqual({ row: 1, col: 0 });
		expect(neighbour({ row: 1, col: 1 }, 'right', size, all)).toEqual({ row: 1, col: 2 });
		expect(neighbour({ row: 2, col: 0 }, 'down', size, all)).toBeNull();
		expect(neighbour({ row: 0, col: 2 }, 'right', size, all)).toBeNull();
	});

	it('jumps over a column that cannot be edited (the lead’s own unit)', () => {
		const notMiddle = (_r: number, c: number) => c !== 1;
		expect(neighbour({ row: 0, col: 0 }, 'right', size, notMiddle)).toEqual({ row: 0, col: 2 });
		expect(neighbour({ row: 0, col: 2 }, 'left', size, notMiddle)).toEqual({ row: 0, col: 0 });
		expect(neighbour({ row: 0, col: 0 }, 'right', { rows: 3, cols: 2 }, notMiddle)).toBeNull();
	});
});
