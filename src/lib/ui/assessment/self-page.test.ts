import { describe, expect, it } from 'vitest';
import type { StageScore } from '$lib/remote/assessment-api';
import type { AssessmentRound } from '$lib/remote/criteria-api';
import { defaultRound, stagePoints } from './self-page';

const round = (year: number, period: AssessmentRound['period'], status: AssessmentRound['status']): AssessmentRound => ({
	id: `${year}-${period}`,
	year,
	period,
	criteriaSetId: `set-${year}`,
	status,
	publishedAt: null,
	decisionNumber: null
});

describe('defaultRound', () => {
	it('opens this year’s open round', () => {
		expect(defaultRound([round(2026, 'mid_year', 'published'), round(2026, 'year_end', 'open')], 2026)?.id).toBe('2026-year_end');
		expect(defaultRound([round(2026, 'mid_year', 'open'), round(2025, 'year_end', 'open')], 2026)?.id).toBe('2026-mid_year');
	});

	it('prefers the year-end round when both of this year’s rounds are open', () => {
		expect(defaultRound([round(2026, 'mid_year', 'open'), round(2026, 'year_end', 'open')], 2026)?.id).toBe('2026-year_end');
	});

	it('falls back to the newest round when none is open this year', () => {
		expect(defaultRound([round(2025, 'mid_year', 'published'), round(2025, 'year_end', 'published')], 2026)?.id).toBe('2025-year_end');
		expect(defaultRound([], 2026)).toBeNull();
	});
});

describe('stagePoints', () => {
	it('keeps one stage’s points per criterion', () => {
		const s = (criterionId: string, stage: StageScore['stage'], points: number): StageScore => ({
			criterionId,
			stage,
			points,
			reason: null,
			scoredAt: ''
		});
		const scores = [s('a1', 'self', 8), s('a1', 'cluster', 7), s('a2', 'self', 9)];
		expect([...stagePoints(scores, 'self')]).toEqual([
			['a1', 8],
			['a2', 9]
		]);
		expect([...stagePoints(scores, 'city')]).toEqual([]);
	});
});
