// Fuzzing the movement form's schema (issue 9): any input is answered without throwing, every refusal names a sentence
// of the Vietnamese catalogue, and a draft built to be valid is accepted (trimmed, empty criteria → null).
// Seed fixed so runs are reproducible; fast-check prints the seed and the shrunk input of any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '$lib/i18n';
import { movementDraftSchema, movementKinds } from './movement';
import { hostileDate, hostileText, validDate, validText } from './story-arbitraries';

const RUNS = { numRuns: 300, seed: 20261125 };
const FIELDS = ['year', 'kind', 'name', 'content', 'startsOn', 'endsOn', 'criteriaNote'] as const;

// The movement schema counts UTF-16 units (an emoji is two), stricter than Postgres's characters: keep to both.
const units = (min: number, max: number) => validText(min, max).filter((s) => s.length <= max);

const validDraft = fc
	.record({
		year: fc.integer({ min: 2000, max: 2100 }),
		kind: fc.constantFrom(...movementKinds),
		name: units(3, 300),
		content: units(0, 20000),
		startsOn: validDate,
		endsOn: fc.option(validDate, { nil: null }),
		criteriaNote: fc.option(units(1, 2000), { nil: null })
	})
	.map((m) => (m.endsOn !== null && m.endsOn < m.startsOn ? { ...m, startsOn: m.endsOn, endsOn: m.startsOn } : m));

const anyValue = fc.oneof(fc.jsonValue(), hostileText, hostileDate, fc.constantFrom(undefined, Number.NaN, 1999.5, 2 ** 53, -(2 ** 31)));
const draftLike = fc.oneof(
	anyValue,
	fc.dictionary(fc.constantFrom(...FIELDS), anyValue),
	fc
		.tuple(validDraft, fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue), { minLength: 1, maxLength: 3 }))
		.map(([m, changes]) => ({ ...m, ...Object.fromEntries(changes) }))
);

describe('movementDraftSchema under fuzzing', () => {
	it('never throws, and every refusal is a catalogue key', () => {
		fc.assert(
			fc.property(draftLike, (input) => {
				const parsed = movementDraftSchema.safeParse(input);
				for (const issue of parsed.error?.issues ?? []) {
					expect(isMessageKey(issue.message), `${issue.path.join('.')}: ${issue.message}`).toBe(true);
				}
			}),
			RUNS
		);
	});

	it('accepts a draft built to be valid, unchanged', () => {
		fc.assert(
			fc.property(validDraft, (draft) => {
				const parsed = movementDraftSchema.safeParse(draft);
				expect(parsed.error?.issues ?? []).toEqual([]);
				expect(parsed.data).toEqual(draft);
			}),
			RUNS
		);
	});

	it('refuses an impossible day with the date message', () => {
		fc.assert(
			fc.property(validDraft, fc.constantFrom('2025-02-30', '2023-02-29', '2026-04-31', '0000-01-01'), (draft, startsOn) => {
				const parsed = movementDraftSchema.safeParse({ ...draft, startsOn, endsOn: null });
				expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['startsOn', 'movement.field.dateInvalid']]);
			}),
			{ ...RUNS, numRuns: 50 }
		);
	});
});
