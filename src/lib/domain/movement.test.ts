import { describe, expect, it } from 'vitest';
import {
	canDeleteMovement,
	canLaunchMovement,
	groupMovementsByKind,
	hanoiYear,
	movementChoices,
	movementDraftSchema,
	type Movement
} from './movement';

function movement(over: Partial<Movement> & { id: string }): Movement {
	return {
		year: 2026,
		kind: 'regular',
		name: `Phong trào ${over.id}`,
		content: '',
		startsOn: '2026-01-01',
		endsOn: null,
		criteriaNote: null,
		status: 'launched',
		launchedAt: '2026-01-05T02:00:00Z',
		...over
	};
}

const draft = {
	year: 2026,
	kind: 'thematic',
	name: '  Chuyển đổi số  ',
	content: 'Nội dung',
	startsOn: '2026-03-01',
	endsOn: '2026-12-31',
	criteriaNote: '   '
};

describe('movementDraftSchema', () => {
	it('trims the name and stores an empty criteria note as null', () => {
		expect(movementDraftSchema.parse(draft)).toMatchObject({ name: 'Chuyển đổi số', criteriaNote: null });
	});

	it('refuses an end date before the start date, on the end date field', () => {
		const r = movementDraftSchema.safeParse({ ...draft, endsOn: '2026-02-28' });
		expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['endsOn', 'movement.field.endsBeforeStart']]);
	});

	it('accepts a movement without an end date (thường xuyên)', () => {
		expect(movementDraftSchema.safeParse({ ...draft, endsOn: null }).success).toBe(true);
	});

	it('names the rule broken with a message key', () => {
		const r = movementDraftSchema.safeParse({ ...draft, name: 'ab', startsOn: '' });
		expect(r.error?.issues.map((i) => i.message).sort()).toEqual(['movement.field.dateInvalid', 'movement.field.nameTooShort']);
	});
});

describe('movement rules', () => {
	it('lets only a draft be launched or deleted', () => {
		expect([canLaunchMovement({ status: 'draft' }), canDeleteMovement({ status: 'draft' })]).toEqual([true, true]);
		expect([canLaunchMovement({ status: 'launched' }), canDeleteMovement({ status: 'launched' })]).toEqual([false, false]);
	});

	it('groups by kind in the order regular, periodic, thematic, campaign, leaving out empty kinds', () => {
		const groups = groupMovementsByKind([
			movement({ id: 'c', kind: 'campaign' }),
			movement({ id: 'r2', kind: 'regular', startsOn: '2026-02-01' }),
			movement({ id: 't', kind: 'thematic' }),
			movement({ id: 'r1', kind: 'regular' })
		]);
		expect(groups.map((g) => [g.kind, g.movements.map((m) => m.id)])).toEqual([
			['regular', ['r1', 'r2']],
			['thematic', ['t']],
			['campaign', ['c']]
		]);
	});

	it('takes the year in Hanoi: 31/12 at 18:00 UTC is already next year there', () => {
		expect(hanoiYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
		expect(hanoiYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
	});
});

describe('movementChoices', () => {
	const list = [
		movement({ id: 'draft', status: 'draft', launchedAt: null }),
		movement({ id: 'last-year', year: 2025 }),
		movement({ id: 'campaign', kind: 'campaign' }),
		movement({ id: 'regular' })
	];

	it('offers the launched movements of the year only, in kind order', () => {
		expect(movementChoices({ movements: list, year: 2026 }).map((c) => c.id)).toEqual(['regular', 'campaign']);
	});

	it('keeps the movement a story already has, even from another year', () => {
		const choices = movementChoices({ movements: list, year: 2026, currentId: 'last-year' });
		expect(choices.at(-1)).toEqual({ id: 'last-year', name: 'Phong trào last-year', kind: 'regular' });
	});

	it('keeps a movement this device does not know, without a name to show', () => {
		const choices = movementChoices({ movements: [], year: 2026, currentId: 'f00' });
		expect(choices).toEqual([{ id: 'f00', name: '', kind: null }]);
	});
});
