import { describe, expect, it } from 'vitest';
import { countdown, deadlineAt, deadlineState, lastDay, shiftYears } from './deadline';

describe('deadlines in Hanoi time', () => {
	it('closes "before 14/01" at 00:00 of 14/01 in Asia/Ho_Chi_Minh (17:00 UTC the day before)', () => {
		expect(deadlineAt('2027-01-14').toISOString()).toBe('2027-01-13T17:00:00.000Z');
		expect(lastDay('2027-01-14')).toBe('2027-01-13');
	});

	it('is open one millisecond before local midnight and late at local midnight', () => {
		expect(deadlineState('2027-01-14', null, new Date('2027-01-13T23:59:59.999+07:00'))).toBe('due_soon');
		expect(deadlineState('2027-01-14', null, new Date('2027-01-14T00:00:00.000+07:00'))).toBe('late');
		// The same instants written in UTC: the device's own time zone never matters.
		expect(deadlineState('2027-01-14', null, new Date('2027-01-13T16:59:59Z'))).toBe('due_soon');
		expect(deadlineState('2027-01-14', null, new Date('2027-01-13T17:00:00Z'))).toBe('late');
	});

	it('counts a delivery made on the last evening as on time and one after midnight as late', () => {
		const now = new Date('2027-03-01T00:00:00+07:00');
		expect(deadlineState('2027-02-18', '2027-02-17T23:59:00+07:00', now)).toBe('done');
		expect(deadlineState('2027-02-18', '2027-02-18T00:00:00+07:00', now)).toBe('done_late');
	});

	it('is "pending" far ahead and "due soon" within 14 days', () => {
		expect(deadlineState('2027-11-10', null, new Date('2027-10-01T12:00:00+07:00'))).toBe('pending');
		expect(deadlineState('2027-11-10', null, new Date('2027-10-27T00:00:00+07:00'))).toBe('due_soon');
	});

	it('counts down in days, hours and minutes, and counts up once overdue', () => {
		expect(countdown('2027-01-14', new Date('2027-01-11T21:30:00+07:00'))).toEqual({
			overdue: false,
			days: 2,
			hours: 2,
			minutes: 30
		});
		expect(countdown('2027-01-14', new Date('2027-01-15T01:05:00+07:00'))).toEqual({
			overdue: true,
			days: 1,
			hours: 1,
			minutes: 5
		});
	});

	it('shifts dates by whole years like the plan copy (29/02 → 28/02)', () => {
		expect(shiftYears('2023-01-14', 4)).toBe('2027-01-14');
		expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
		expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
	});
});
