import { describe, expect, it } from 'vitest';
import { checkCorrection, checkPublish, parseDmy, toDmy } from './decision-form';

describe('parseDmy', () => {
	it('reads dd/mm/yyyy, with one-digit day and month and other separators', () => {
		expect(parseDmy('10/07/2026')).toBe('2026-07-10');
		expect(parseDmy(' 1/7/2026 ')).toBe('2026-07-01');
		expect(parseDmy('10.07.2026')).toBe('2026-07-10');
		expect(parseDmy('10-07-2026')).toBe('2026-07-10');
	});

	it('refuses dates that do not exist and other shapes', () => {
		for (const text of ['31/02/2026', '29/02/2026', '00/01/2026', '12/13/2026', '2026-07-10', '10/07/26', '', 'hôm nay']) {
			expect(parseDmy(text), text).toBeNull();
		}
		expect(parseDmy('29/02/2028')).toBe('2028-02-29');
	});

	it('round-trips with toDmy', () => {
		expect(parseDmy(toDmy('2026-11-20'))).toBe('2026-11-20');
	});
});

describe('checkPublish', () => {
	const today = '2026-11-25';

	it('answers the trimmed decision with its ISO date', () => {
		expect(checkPublish({ number: ' 120/QĐ-MTTQ-BTT ', signedOn: '20/11/2026', title: ' Quyết định công bố ' }, today)).toEqual({
			ok: true,
			value: { number: '120/QĐ-MTTQ-BTT', signedOn: '2026-11-20', title: 'Quyết định công bố' }
		});
	});

	it('names every field to fix: no number, a wrong or future date, a too short title', () => {
		expect(checkPublish({ number: ' ', signedOn: '31/11/2026', title: 'QĐ' }, today)).toEqual({
			ok: false,
			errors: { number: 'assessment.city.field.number', signedOn: 'assessment.city.field.date', title: 'assessment.city.field.title' }
		});
		expect(checkPublish({ number: '1', signedOn: '26/11/2026', title: 'Quyết định' }, today)).toEqual({
			ok: false,
			errors: { signedOn: 'assessment.city.field.date' }
		});
	});
});

describe('checkCorrection', () => {
	const today = '2026-11-25';
	const draft = { unitId: 'u', criterionId: 'c', points: '7,5', number: '130/QĐ', signedOn: '25/11/2026', reason: 'Bổ sung biên bản' };

	it('answers the points as a number and the date as ISO', () => {
		expect(checkCorrection(draft, 10, today)).toEqual({
			ok: true,
			value: { unitId: 'u', criterionId: 'c', points: 7.5, number: '130/QĐ', signedOn: '2026-11-25', reason: 'Bổ sung biên bản' }
		});
	});

	it('requires a unit and criterion, points within the maximum and a reason', () => {
		expect(checkCorrection({ ...draft, criterionId: '' }, null, today)).toEqual({
			ok: false,
			errors: { criterionId: 'assessment.city.field.pick' }
		});
		expect(checkCorrection({ ...draft, points: '11', reason: ' ' }, 10, today)).toEqual({
			ok: false,
			errors: { points: 'assessment.city.field.points', reason: 'assessment.city.field.reason' }
		});
		expect(checkCorrection({ ...draft, points: '' }, 10, today)).toMatchObject({ ok: false, errors: { points: 'assessment.city.field.points' } });
	});
});
