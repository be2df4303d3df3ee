import { describe, expect, it } from 'vitest';
import type { Milestone, MilestoneFields, PlanSummary } from '$lib/remote/plan-api';
import {
	cleanMilestone,
	copiedTitle,
	defaultSource,
	defaultTargetYear,
	freeYears,
	milestoneCode,
	milestoneIssues,
	nextPosition,
	previewCopy,
	sortMilestones
} from './plan-rules';

function plan(year: number, status: PlanSummary['status'] = 'published'): PlanSummary {
	return {
		id: `p${year}`,
		year,
		title: `Kế hoạch công tác thi đua, khen thưởng năm ${year}`,
		documentRef: null,
		status,
		publishedAt: null,
		copiedFromPlanId: null,
		milestoneCount: 0
	};
}

function milestone(code: string, dueOn: string, position: number, title = `Mốc ${code} năm 2023`): Milestone {
	return {
		id: code,
		planId: 'p2023',
		code,
		title,
		deliverable: 'Sản phẩm',
		responsible: 'unit',
		completion: 'report',
		dueOn,
		position,
		note: null
	};
}

const fields: MilestoneFields = {
	title: 'Đăng ký thi đua',
	deliverable: 'Bản đăng ký',
	responsible: 'unit',
	completion: 'registration',
	dueOn: '2027-01-14',
	note: null
};

describe('the copy defaults', () => {
	it('copies the newest plan to the year after it', () => {
		const plans = [plan(2023), plan(2026), plan(2024)];
		expect(defaultSource(plans)?.year).toBe(2026);
		expect(defaultTargetYear(plans, 2026)).toBe(2027);
	});

	it('proposes next year when there is no plan yet', () => {
		expect(defaultSource([])).toBeNull();
		expect(defaultTargetYear([], 2026)).toBe(2027);
	});

	it('offers only years without a plan, from last year to five years ahead', () => {
		expect(freeYears([plan(2026), plan(2027, 'draft')], 2026)).toEqual([2025, 2028, 2029, 2030, 2031]);
	});
});

describe('the copy preview', () => {
	it('moves every date by whole years, in date order, and renames the year in titles', () => {
		const preview = previewCopy([milestone('b', '2023-11-20', 7), milestone('a', '2023-01-14', 1)], 2023, 2027);
		expect(preview.map((p) => [p.from, p.to])).toEqual([
			['2023-01-14', '2027-01-14'],
			['2023-11-20', '2027-11-20']
		]);
		expect(preview[0]?.title).toBe('Mốc a năm 2027');
	});

	it('turns 29/02 into 28/02 in a common year, as the database copy does', () => {
		expect(previewCopy([milestone('leap', '2024-02-29', 1)], 2024, 2025)[0]?.to).toBe('2025-02-28');
	});

	it('replaces every occurrence of the source year in the title', () => {
		expect(copiedTitle('Kế hoạch năm 2026 (2026)', 2026, 2027)).toBe('Kế hoạch năm 2027 (2027)');
	});
});

describe('milestone order and codes', () => {
	it('lists milestones by date, then by position', () => {
		const sorted = sortMilestones([milestone('c', '2023-03-24', 3), milestone('b', '2023-01-14', 2), milestone('a', '2023-01-14', 1)]);
		expect(sorted.map((m) => m.code)).toEqual(['a', 'b', 'c']);
	});

	it('derives a code from the title without diacritics and keeps it unique in the plan', () => {
		expect(milestoneCode('Sơ kết 6 tháng đầu năm', [])).toBe('so_ket_6_thang_dau_nam');
		expect(milestoneCode('Sơ kết 6 tháng đầu năm', ['so_ket_6_thang_dau_nam'])).toBe('so_ket_6_thang_dau_nam_2');
		expect(milestoneCode('!!', [])).toBe('moc');
		expect(milestoneCode('x'.repeat(80), [])).toMatch(/^[a-z0-9_]{2,40}$/);
	});

	it('puts a new milestone after the others', () => {
		expect(nextPosition([{ position: 3 }, { position: 7 }])).toBe(8);
		expect(nextPosition([])).toBe(1);
	});
});

describe('milestone checks', () => {
	it('accepts a complete milestone in the plan year', () => {
		expect(milestoneIssues(fields, 2027)).toEqual({});
	});

	it('refuses a date more than one year away from the plan year, as the database does', () => {
		expect(milestoneIssues({ ...fields, dueOn: '2029-01-14' }, 2027).dueOn).toBe('plan.milestone.error.dateYear');
		expect(milestoneIssues({ ...fields, dueOn: '2026-12-31' }, 2027)).toEqual({});
		expect(milestoneIssues({ ...fields, dueOn: '' }, 2027).dueOn).toBe('plan.milestone.error.date');
	});

	it('detects registration only for milestones units are responsible for', () => {
		expect(milestoneIssues({ ...fields, responsible: 'cluster' }, 2027).completion).toBe('plan.milestone.error.registrationUnit');
	});

	it('wants a title and a deliverable of at least three characters', () => {
		const issues = milestoneIssues({ ...fields, title: '  a ', deliverable: '' }, 2027);
		expect(issues.title).toBe('plan.milestone.error.title');
		expect(issues.deliverable).toBe('plan.milestone.error.deliverable');
	});

	it('trims the fields and sends an empty note as no note', () => {
		expect(cleanMilestone({ ...fields, title: ' Mốc ', note: '   ' })).toMatchObject({ title: 'Mốc', note: null });
	});
});
