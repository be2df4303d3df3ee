import { describe, expect, it } from 'vitest';
import type { CatalogueVersion, RegistrationProgress } from '$lib/remote/registration-api';
import {
	catalogueForYear,
	formIssues,
	isEditableByUnit,
	reasonIssue,
	registrationYears,
	reviewRights,
	toContent,
	toForm,
	unitsNotRegistered
} from './registration-rules';

function version(code: string, validFrom: string, validTo: string | null): CatalogueVersion {
	return { id: code, code, name: code, legalBasis: '', validFrom, validTo, titles: [] };
}

const v2017 = version('2017', '2017-10-01', '2024-01-01');
const v2024 = version('2024', '2024-01-01', null);
const individual = new Set(['ld']);

describe('the catalogue in force', () => {
	it('uses the version valid during the year; valid_to is exclusive', () => {
		expect(catalogueForYear([v2017, v2024], 2023)?.code).toBe('2017');
		expect(catalogueForYear([v2017, v2024], 2024)?.code).toBe('2024');
		expect(catalogueForYear([v2017, v2024], 2027)?.code).toBe('2024');
	});

	it('prefers the newer version when two overlap in the year, and has none before the first', () => {
		expect(catalogueForYear([v2024, version('2026b', '2026-07-01', null)], 2026)?.code).toBe('2026b');
		expect(catalogueForYear([v2017], 2016)).toBeNull();
	});
});

describe('registration years', () => {
	it('offers next year only once its plan is published', () => {
		expect(registrationYears(2026, [2023, 2026])).toEqual([2026]);
		expect(registrationYears(2026, [2026, 2027])).toEqual([2026, 2027]);
	});

	it('lets the unit edit only what is not sent or was returned', () => {
		expect([null, 'draft', 'returned', 'submitted', 'accepted'].map((s) => isEditableByUnit(s as never))).toEqual([
			true,
			true,
			true,
			false,
			false
		]);
	});
});

describe('the form', () => {
	it('saves an unfinished draft but needs a title to send', () => {
		const form = toForm(null);
		expect(formIssues(form, individual, false)).toEqual([]);
		expect(formIssues(form, individual, true)).toEqual([{ field: 'titles', key: 'registration.form.error.noTitle' }]);
	});

	it('wants a whole headcount between 1 and 10000 for individual titles only', () => {
		const issues = (headcount: string) => formIssues({ titles: { ld: headcount, co: '' }, topics: [], note: '' }, individual, true);
		expect(issues('12')).toEqual([]);
		for (const bad of ['', '0', '2.5', 'abc', '10001']) {
			expect(issues(bad)).toEqual([{ field: 'headcount', titleId: 'ld', key: 'registration.form.error.headcount' }]);
		}
	});

	it('ignores blank topic lines and checks the others are 3–300 characters', () => {
		const issues = formIssues({ titles: { co: '' }, topics: ['  ', 'ab', 'Chuyển đổi số', 'x'.repeat(301)], note: '' }, individual, true);
		expect(issues.map((i) => (i.field === 'topic' ? i.index : i.field))).toEqual([1, 3]);
	});

	it('refuses more than 20 topics and a note over 4000 characters', () => {
		const issues = formIssues({ titles: { co: '' }, topics: Array(21).fill('Chuyên đề'), note: 'x'.repeat(4001) }, individual, true);
		expect(issues.map((i) => i.field)).toEqual(['topics', 'note']);
	});

	it('sends trimmed topics without blanks, headcounts as numbers, and no note when it is empty', () => {
		const content = toContent({ titles: { ld: ' 12 ', co: '5' }, topics: [' Chuyên đề A ', ''], note: '  ' }, individual);
		expect(content).toEqual({
			topics: ['Chuyên đề A'],
			note: null,
			titles: [
				{ titleId: 'ld', headcount: 12 },
				{ titleId: 'co', headcount: null }
			]
		});
	});

	it('keeps each topic on one line, as pasted text may not be', () => {
		expect(toContent({ titles: {}, topics: ['Chuyển đổi số\n  trong công tác Mặt trận'], note: '' }, individual).topics).toEqual([
			'Chuyển đổi số trong công tác Mặt trận'
		]);
	});

	it('round-trips a stored registration through the form', () => {
		const stored = { titles: [{ titleId: 'ld', headcount: 3 }, { titleId: 'co', headcount: null }], topics: ['Chuyên đề A'], note: 'Ghi chú' };
		expect(toContent(toForm(stored), individual)).toEqual(stored);
		expect(toForm({ ...stored, topics: [] }).topics).toEqual(['']);
	});
});

describe('review rights', () => {
	const base = { status: 'submitted' as const, isCityAdmin: false, leadsUnit: true, hasConflict: false };

	it('lets a cluster lead accept or return a sent registration of their cluster', () => {
		expect(reviewRights(base)).toEqual({ canAccept: true, canReturn: true, blockedKey: null });
	});

	it('keeps a cluster lead away from their own unit, saying why', () => {
		expect(reviewRights({ ...base, hasConflict: true })).toEqual({ canAccept: false, canReturn: false, blockedKey: 'registration.review.conflict' });
	});

	it('lets city leaders only read, and city admins review any unit', () => {
		expect(reviewRights({ ...base, leadsUnit: false }).blockedKey).toBe('registration.review.readOnly');
		expect(reviewRights({ ...base, leadsUnit: false, isCityAdmin: true, hasConflict: true }).canAccept).toBe(true);
	});

	it('allows returning an accepted registration but not accepting it again', () => {
		expect(reviewRights({ ...base, status: 'accepted' })).toMatchObject({ canAccept: false, canReturn: true });
		expect(reviewRights({ ...base, status: 'returned' })).toMatchObject({ canAccept: false, canReturn: false });
	});

	it('needs a reason to return', () => {
		expect(reasonIssue('  ')).toBe('registration.review.reasonRequired');
		expect(reasonIssue('x'.repeat(2001))).toBe('registration.review.reasonTooLong');
		expect(reasonIssue('Thiếu chuyên đề')).toBeNull();
	});
});

describe('units that have not registered', () => {
	function progress(unitId: string, status: RegistrationProgress['status']): RegistrationProgress {
		return { unitId, unitName: unitId, clusterName: null, dueOn: '2026-01-14', completedAt: null, status };
	}

	it('lists units with no registration or only a draft, once each', () => {
		const rows = [progress('a', null), progress('b', 'submitted'), progress('c', 'draft'), progress('a', null), progress('d', 'accepted')];
		expect(unitsNotRegistered(rows).map((r) => r.unitId)).toEqual(['a', 'c']);
	});
});
