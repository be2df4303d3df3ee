import { describe, expect, it } from 'vitest';
import { computeTargetSize } from './target-size';

describe('computeTargetSize', () => {
	it.each([
		[4000, 3000, 1600, 1600, 1200],
		[3000, 4000, 1600, 1200, 1600],
		[1200, 800, 1600, 1200, 800],
		[4000, 3000, 400, 400, 300],
		[10000, 10, 1600, 1600, 2]
	])('%ix%i at %i → %ix%i', (width, height, maxEdge, w, h) => {
		expect(computeTargetSize({ width, height, maxEdge })).toEqual({ width: w, height: h });
	});

	it('never returns a zero edge', () => {
		expect(computeTargetSize({ width: 100000, height: 1, maxEdge: 400 }).height).toBe(1);
	});

	it('refuses an image without pixels', () => {
		expect(() => computeTargetSize({ width: 0, height: 10, maxEdge: 400 })).toThrow(RangeError);
	});
});
