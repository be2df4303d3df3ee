import { describe, expect, it } from 'vitest';
import type { AssessmentRound, CriteriaSet } from '$lib/remote/criteria-api';
import { cleanCriterion, copiedSetTitle, criterionIssues, groupIssues, nextPosition, openablePeriods, previousSet } from './criteria-rules';

const set: CriteriaSet = {
	id: 's',
	year: 2026,
	title: 'Bộ tiêu chí năm 2026',
	status: 'draft',
	frozenAt: null,
	groups: [
		{
			id: 'gA',
			code: 'A',
			name: 'Tập hợp, đoàn kết',
			position: 1,
			criteria: [{ id: 'cA1', groupId: 'gA', code: 'A1', name: 'Ngày hội', guidance: null, kind: 'base', maxPoints: 10, position: 1 }]
		}
	]
};
const draft = { code: 'A2', name: 'Kiện toàn Ban công tác', guidance: '', kind: 'base' as const, maxPoints: '7,5' };

describe('criterionIssues', () => {
	it('accepts a criterion with a decimal-comma maximum', () => {
		expect(criterionIssues(set, draft)).toEqual({});
	});

	it('refuses a code already used in the set, whatever its case, except by the criterion being edited', () => {
		expect(criterionIssues(set, { ...draft, code: 'a1' })).toEqual({ code: 'codeTaken' });
		expect(criterionIssues(set, { ...draft, code: 'A1' }, 'cA1')).toEqual({});
	});

	it('refuses codes the database refuses, short names and impossible maxima', () => {
		expect(criterionIssues(set, { ...draft, code: 'A 2', name: 'ab', maxPoints: '0' })).toEqual({
			code: 'codeFormat',
			name: 'nameLength',
			maxPoints: 'max.zero'
		});
		expect(criterionIssues(set, { ...draft, maxPoints: '1001' }).maxPoints).toBe('max.aboveMax');
		expect(criterionIssues(set, { ...draft, maxPoints: '' }).maxPoints).toBe('max.empty');
		expect(criterionIssues(set, { ...draft, guidance: 'x'.repeat(4001) }).guidance).toBe('guidanceLength');
	});
});

describe('groupIssues', () => {
	it('checks group codes among groups only', () => {
		expect(groupIssues(set, { code: 'A', name: 'Nhóm mới' })).toEqual({ code: 'codeTaken' });
		expect(groupIssues(set, { code: 'A1', name: 'Nhóm mới' })).toEqual({});
	});
});

describe('cleanCriterion', () => {
	it('trims, turns an empty guidance into none and reads the maximum', () => {
		expect(cleanCriterion({ ...draft, code: ' A2 ', guidance: '  ' })).toEqual({
			code: 'A2',
			name: 'Kiện toàn Ban công tác',
			guidance: null,
			kind: 'base',
			maxPoints: 7.5
		});
	});
});

describe('set helpers', () => {
	const round = (year: number, period: AssessmentRound['period']): AssessmentRound => ({
		id: `${year}${period}`,
		year,
		period,
		criteriaSetId: 's',
		status: 'open',
		publishedAt: null,
		decisionNumber: null
	});

	it('offers only the periods of the year that have no round', () => {
		expect(openablePeriods([round(2026, 'mid_year'), round(2025, 'year_end')], 2026)).toEqual(['year_end']);
		expect(openablePeriods([], 2026)).toEqual(['mid_year', 'year_end']);
	});

	it('places a new item after the last one', () => {
		expect(nextPosition([{ position: 3 }, { position: 11 }])).toBe(12);
		expect(nextPosition([])).toBe(1);
	});

	it('copies from the newest earlier year with the year in the title replaced', () => {
		expect(previousSet([{ year: 2024 }, { year: 2025 }, { year: 2027 }], 2026)).toEqual({ year: 2025 });
		expect(previousSet([{ year: 2027 }], 2026)).toBeNull();
		expect(copiedSetTitle('Bộ tiêu chí năm 2025 (xã, phường)', 2025, 2026)).toBe('Bộ tiêu chí năm 2026 (xã, phường)');
	});
});
