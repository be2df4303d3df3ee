import { describe, expect, it } from 'vitest';
import type { MilestoneProgress } from '$lib/remote/deadline-api';
import { myDuties, reminders, tallies } from './progress';

const base: Omit<MilestoneProgress, 'unitId' | 'unitName' | 'completedAt'> = {
	milestoneId: 'm-cov',
	year: 2026,
	code: 'covenant',
	title: 'Ký kết giao ước',
	deliverable: 'Giao ước',
	responsible: 'cluster',
	completion: 'covenant',
	dueOn: '2026-02-18',
	position: 2,
	partyKind: 'unit',
	clusterId: 'c1',
	clusterName: 'Cụm 1',
	detail: 'open'
};
const rows: MilestoneProgress[] = [
	{ ...base, unitId: 'u-ngoc-ha', unitName: 'Phường Ngọc Hà', completedAt: '2026-02-10T02:00:00Z' },
	{ ...base, unitId: 'u-ba-dinh', unitName: 'Phường Ba Đình', completedAt: '2026-02-18T01:00:00Z' },
	{ ...base, unitId: 'u-dong-anh', unitName: 'Xã Đông Anh', completedAt: null }
];

describe('deadline progress', () => {
	it('marks the unit that has not signed as open before local midnight and late at local midnight', () => {
		const before = tallies(rows, new Date('2026-02-17T23:59:00+07:00'))[0];
		expect(before).toMatchObject({ done: 1, doneLate: 1, open: 1, late: 0 });
		const after = tallies(rows, new Date('2026-02-18T00:00:00+07:00'))[0];
		expect(after).toMatchObject({ done: 1, doneLate: 1, open: 0, late: 1 });
		expect(after?.parties.map((p) => [p.unitName, p.state])).toEqual([
			['Xã Đông Anh', 'late'],
			['Phường Ba Đình', 'done_late'],
			['Phường Ngọc Hà', 'done']
		]);
	});

	it("keeps only the reader's own duties and reminds of the late and the due-soon ones", () => {
		const scope = { officerUnitIds: ['u-dong-anh'], ledClusterIds: [], isCouncil: false };
		const mine = myDuties(rows, scope, new Date('2026-02-10T00:00:00+07:00'));
		expect(mine.map((d) => [d.unitName, d.state])).toEqual([['Xã Đông Anh', 'due_soon']]);
		expect(reminders(mine)).toHaveLength(1);
		expect(reminders(myDuties(rows, scope, new Date('2026-01-01T00:00:00+07:00')))).toHaveLength(0);
		expect(myDuties(rows, { officerUnitIds: [], ledClusterIds: ['c1'], isCouncil: false }, new Date())).toEqual([]);
	});
});
