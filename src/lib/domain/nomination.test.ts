import { describe, expect, it } from 'vitest';
import { allowedActions, daysWaiting, formFits, holderOf, missingDocuments, occasionsOf, currentStep, type Actor } from './nomination';

const form = {
	appliesTo: ['individual', 'collective'] as const,
	proposers: ['unit'] as const,
	requirements: { year_end: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban_xet'], ad_hoc: ['to_trinh', 'bao_cao_thanh_tich'] } as const
};
const nobody: Actor = { isProposer: false, isClusterReviewer: false, isCityAdmin: false, isCouncilMember: false };

describe('where a nomination is', () => {
	it('is held by the unit while a draft or returned, then the cluster, the city, the council, then nobody', () => {
		expect(['draft', 'returned', 'submitted', 'cluster_reviewed', 'appraised', 'voting', 'approved', 'not_approved', 'withdrawn'].map((s) => holderOf(s as never)))
			.toEqual(['unit', 'unit', 'cluster', 'city', 'city', 'council', 'none', 'none', 'none']);
	});

	it('shows the pending step: a returned one is prepared again, a sent one awaits the cluster, a decided one is done', () => {
		expect(currentStep('returned')).toBe(0);
		expect(currentStep('submitted')).toBe(2);
		expect(currentStep('cluster_reviewed')).toBe(3);
		expect(currentStep('appraised')).toBe(4);
		expect(currentStep('not_approved')).toBe(6);
	});

	it('counts whole days waiting, never negative', () => {
		const now = new Date('2026-12-07T12:00:00Z');
		expect(daysWaiting('2026-12-04T11:00:00Z', now)).toBe(3);
		expect(daysWaiting('2026-12-08T00:00:00Z', now)).toBe(0);
	});
});

describe('the catalogue in the form', () => {
	it('offers the occasions a form has, ad hoc first', () => {
		expect(occasionsOf({ ...form, requirements: { ...form.requirements } } as never)).toEqual(['ad_hoc', 'year_end']);
	});

	it('names the missing documents in catalogue order', () => {
		expect(missingDocuments(form as never, 'year_end', ['bao_cao_thanh_tich'])).toEqual(['to_trinh', 'bien_ban_xet']);
		expect(missingDocuments(form as never, 'ad_hoc', ['to_trinh', 'bao_cao_thanh_tich', 'khac'])).toEqual([]);
		expect(missingDocuments(form as never, 'kncc', [])).toEqual([]);
	});

	it('fits a form to the proposer and the nominee', () => {
		expect(formFits(form as never, 'unit', 'individual')).toBe(true);
		expect(formFits(form as never, 'cluster', 'collective')).toBe(false);
		expect(formFits({ ...form, appliesTo: ['collective'] } as never, 'unit', 'individual')).toBe(false);
	});
});

describe('what a person is offered', () => {
	it('lets the proposer edit, submit and withdraw a draft or a returned one, and discard only a draft', () => {
		const p = { ...nobody, isProposer: true };
		expect(allowedActions('draft', p)).toEqual(['edit', 'submit', 'withdraw', 'discard']);
		expect(allowedActions('returned', p)).toEqual(['edit', 'submit', 'withdraw']);
		expect(allowedActions('submitted', p)).toEqual(['withdraw']);
		expect(allowedActions('appraised', p)).toEqual([]);
	});

	it('gives each reviewer only their own step, with a return beside it', () => {
		expect(allowedActions('submitted', { ...nobody, isClusterReviewer: true })).toEqual(['clusterReview', 'return']);
		expect(allowedActions('cluster_reviewed', { ...nobody, isClusterReviewer: true })).toEqual([]);
		expect(allowedActions('cluster_reviewed', { ...nobody, isCityAdmin: true })).toEqual(['appraise', 'return']);
		expect(allowedActions('appraised', { ...nobody, isCityAdmin: true })).toEqual(['openVoting', 'return']);
		expect(allowedActions('voting', { ...nobody, isCouncilMember: true })).toEqual(['vote']);
		expect(allowedActions('voting', { ...nobody, isCityAdmin: true })).toEqual(['decide', 'return']);
		expect(allowedActions('approved', { isProposer: true, isClusterReviewer: true, isCityAdmin: true, isCouncilMember: true })).toEqual([]);
	});
});
