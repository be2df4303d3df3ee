// Fuzzing the story schema (issue 9): whatever arrives (a form, a Dexie row, a pulled row, garbage), safeParse answers
// without throwing, and every refusal names a sentence of the Vietnamese catalogue. Content built to be valid is
// accepted as is, and survives the trip to a database row and back (story-mapper.ts).
// Seeds are fixed so runs are reproducible; fast-check prints the seed and the shrunk input of any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '$lib/i18n';
import { vi } from '$lib/i18n/messages-vi';

const catalogs = { vi };
import { fromRemoteStoryRow, toStoryUpsertRow } from '$lib/remote/story-mapper';
import { isCalendarDate } from './calendar-date';
import { hashableContent, storyContentSchema, type StoryContent } from './story';
import { hostileDate, hostileText, validDate, validStoryContent } from './story-arbitraries';

const RUNS = { numRuns: 300, seed: 20261125 };
const FIELDS = ['kind', 'title', 'body', 'subjectName', 'subjectKind', 'subjectIsMinor', 'occurredOn', 'address', 'consentGivenBy', 'consentMethod', 'consentRecordedAt', 'movementId'] as const;

/** JSON-ish values, and objects shaped like content with any value in any field. */
const anyValue = fc.oneof(fc.jsonValue(), hostileText, hostileDate, fc.constantFrom(undefined, Number.NaN, Infinity, -0, 2 ** 53, -(2 ** 31)));
const contentLike = fc.oneof(
	anyValue,
	fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'constructor'), anyValue),
	// A valid story with one to three fields replaced: the interesting refusals are near the valid ones.
	fc
		.tuple(validStoryContent(), fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue), { minLength: 1, maxLength: 3 }))
		.map(([c, changes]) => ({ ...c, ...Object.fromEntries(changes) }))
);

function expectKeysOnly(input: unknown): void {
	const parsed = storyContentSchema.safeParse(input);
	if (parsed.success) return;
	expect(parsed.error.issues.length).toBeGreaterThan(0);
	for (const issue of parsed.error.issues) {
		expect(isMessageKey(issue.message), `${issue.path.join('.')}: ${issue.message}`).toBe(true);
		expect(catalogs.vi[issue.message as keyof typeof catalogs.vi]).toMatch(/\p{L}/u);
	}
}

describe('storyContentSchema under fuzzing', () => {
	it('never throws, and every refusal is a catalogue key', () => {
		fc.assert(fc.property(contentLike, expectKeysOnly), RUNS);
	});

	it('accepts content built to be valid, unchanged', () => {
		fc.assert(
			fc.property(validStoryContent({ movementIds: ['5eed0000-0000-4000-8000-0000000000aa'] }), (content) => {
				const parsed = storyContentSchema.safeParse(content);
				expect(parsed.error?.issues ?? []).toEqual([]);
				expect(parsed.data).toEqual(content);
			}),
			RUNS
		);
	});

	it('refuses what Postgres would refuse: impossible days, U+0000, half of a surrogate pair, too short in characters', () => {
		const base = validStoryContent();
		fc.assert(
			fc.property(base, hostileDate, (c, occurredOn) => {
				const parsed = storyContentSchema.safeParse({ ...c, occurredOn });
				expect(parsed.success).toBe(isCalendarDate(occurredOn));
				if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['occurredOn']);
			}),
			RUNS
		);
		for (const title of ['ab\u0000c', 'abc\ud800', '😀😀']) {
			const parsed = storyContentSchema.safeParse({ ...fc.sample(base, { numRuns: 1, seed: 1 })[0], title });
			expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
				['title', title === '😀😀' ? 'story.title.tooShort' : 'form.invalid']
			]);
		}
		// 200 emoji are 200 characters (400 UTF-16 units): a title Postgres takes, so the form takes it too.
		expect(storyContentSchema.safeParse({ ...fc.sample(base, { numRuns: 1, seed: 1 })[0], title: '😀'.repeat(200) }).success).toBe(true);
	});

	it('isCalendarDate agrees with the calendar for every day of years 1 to 9999', () => {
		fc.assert(fc.property(validDate, (d) => {
			expect(isCalendarDate(d)).toBe(true);
		}), RUNS);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 32 }), (y, m, d) => {
				const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
				const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
				const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
				expect(isCalendarDate(iso)).toBe(d <= days);
			}),
			RUNS
		);
	});

	it('round-trips through the database row (toStoryUpsertRow → fromRemoteStoryRow)', () => {
		const ids = fc.record({ id: fc.uuid(), unitId: fc.uuid(), authorId: fc.uuid() });
		fc.assert(
			fc.property(validStoryContent({ movementIds: ['5eed0000-0000-4000-8000-0000000000aa'] }), ids, (content, o) => {
				const createdAt = '2026-11-20T08:00:00.000Z';
				const row = toStoryUpsertRow(
					{ id: o.id, unitId: o.unitId, content, status: 'draft', reviewNote: null, revision: 0, createdAt, updatedAt: createdAt },
					'a'.repeat(64),
					0
				);
				const { content_hash: _h, base_version: _b, client_created_at: _c, ...columns } = row;
				const back = fromRemoteStoryRow({ ...columns, author_id: o.authorId, review_note: null, revision: 1, created_at: createdAt, updated_at: createdAt, version: 1 });
				const expected: StoryContent = { ...content, movementId: content.movementId ?? null };
				expect(back.content).toEqual(expected);
				expect(hashableContent(back.content)).toEqual(hashableContent(content));
				expect(storyContentSchema.safeParse(back.content).data).toEqual(expected);
				expect(back).toMatchObject({ id: o.id, unitId: o.unitId, authorId: o.authorId, status: 'submitted' });
			}),
			RUNS
		);
	});
});
