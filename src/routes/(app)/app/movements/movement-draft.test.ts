import { describe, expect, it } from 'vitest';
import type { Movement } from '$lib/domain/movement';
import { MovementFormState } from './movement-draft.svelte';

const launched: Movement = {
	id: '0f0f0f0f-0000-4000-8000-00000000000a',
	year: 2026,
	kind: 'campaign',
	name: 'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
	content: 'Nội dung',
	startsOn: '2026-01-01',
	endsOn: null,
	criteriaNote: 'Tỷ lệ khu dân cư văn hóa',
	status: 'launched',
	launchedAt: '2026-01-05T02:00:00Z'
};

describe('MovementFormState', () => {
	it('starts a new movement on 1 January of the year shown', () => {
		const form = new MovementFormState({ year: 2027 });
		expect([form.year, form.kind, form.startsOn, form.endsOn]).toEqual([2027, 'regular', '2027-01-01', '']);
	});

	it('gives back an edited movement as it was, an empty end date as none', () => {
		expect(new MovementFormState({ movement: launched }).validate()).toEqual({
			year: 2026,
			kind: 'campaign',
			name: launched.name,
			content: 'Nội dung',
			startsOn: '2026-01-01',
			endsOn: null,
			criteriaNote: 'Tỷ lệ khu dân cư văn hóa'
		});
	});

	it('marks each field with its own message, and clears one when it is edited', () => {
		const form = new MovementFormState({ year: 2026 });
		form.name = 'ab';
		form.endsOn = '2025-12-31';
		expect(form.validate()).toBeNull();
		expect(form.errors).toEqual({ name: 'movement.field.nameTooShort', endsOn: 'movement.field.endsBeforeStart' });
		form.clearError('name');
		expect(Object.keys(form.errors)).toEqual(['endsOn']);
	});
});
