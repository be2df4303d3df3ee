// fast-check arbitraries for story content, shared by the schema's fuzz test (story.fuzz.test.ts) and the database's
// (supabase/tests/fuzz.test.ts). Test-only: nothing in the app imports this module.
import fc from 'fast-check';
import { consentMethods, storyKinds, subjectKinds, type StoryContent } from './story';

const chars = (s: string) => [...s].length;

/**
 * Text that is valid as typed: any Unicode (Vietnamese, emoji, other scripts, control characters but U+0000), already
 * trimmed, `min`..`max` characters long; now and then right at a limit.
 */
export function validText(min: number, max: number): fc.Arbitrary<string> {
	const free = fc
		.string({ unit: fc.oneof(fc.constantFrom(...'ạăâđêôơưẠĂÂĐÊÔƠƯ ốờữỷ'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: Math.min(max, 300) })
		.map((s) => s.replaceAll('\u0000', '').trim());
	const atLimit = fc
		.tuple(fc.constantFrom(min, max), fc.constantFrom('a', 'ệ', '😀', '字'))
		.map(([n, c]) => c.repeat(n));
	return fc.oneof({ arbitrary: free, weight: 5 }, { arbitrary: atLimit, weight: 1 }).filter((s) => chars(s) >= min && chars(s) <= max);
}

/** A real day, yyyy-mm-dd, from year 1 to 9999 (what Postgres's date takes with four digits). */
export const validDate: fc.Arbitrary<string> = fc
	.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));

/** An instant as the device stamps it (toISOString, UTC) or with an offset such as Hanoi's. */
export const validInstant: fc.Arbitrary<string> = fc
	.tuple(
		fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
		fc.boolean()
	)
	.map(([d, hanoi]) =>
		hanoi ? `${new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00` : d.toISOString()
	);

/** Content the schema accepts, as it returns it (trimmed already, so parsing it is the identity). */
export function validStoryContent(o: { movementIds?: readonly string[] } = {}): fc.Arbitrary<StoryContent> {
	const movement = fc.oneof(
		fc.constant(undefined),
		fc.constant(null),
		...(o.movementIds?.length ? [fc.constantFrom(...o.movementIds)] : [])
	);
	return fc
		.record({
			kind: fc.constantFrom(...storyKinds),
			title: validText(3, 200),
			body: validText(10, 20000),
			subjectName: validText(1, 200),
			subjectKind: fc.constantFrom(...subjectKinds),
			subjectIsMinor: fc.boolean(),
			occurredOn: validDate,
			address: fc.option(validText(0, 500), { nil: null }),
			consentGivenBy: validText(1, 200),
			consentMethod: fc.constantFrom(...consentMethods),
			consentRecordedAt: validInstant,
			movementId: movement
		})
		.map(({ movementId, ...c }) => {
			const content: StoryContent = { ...c, consentMethod: c.subjectIsMinor ? 'guardian_written' : c.consentMethod };
			return movementId === undefined ? content : { ...content, movementId };
		});
}

/** Text meant to break things: huge, control characters, U+0000, lone surrogates, SQL and LIKE/tsquery syntax. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 50 }),
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'a\u0000b',
		'\ud800',
		'x\udfffy',
		'😀😀',
		'\u200b\u200b\u200b',
		"'; drop table story; --",
		"\\ ' % _ & | ! ( ) : * <-> @@",
		'\u202e\u0007\u001b[31m',
		'NaN'
	),
	fc.constantFrom(201, 20001, 100_000).map((n) => 'ư'.repeat(n)),
	fc.constantFrom(200, 201).map((n) => '😀'.repeat(n))
);

/** Dates a schema or Postgres must refuse: impossible days, year 0, other shapes. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom('2025-02-30', '2023-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '2026-1-1', '26-01-01', '2026/01/01', '', '10000-01-01', 'infinity', 'epoch', 'today', '2026-01-01T00:00:00Z'),
	fc.string({ maxLength: 12 })
);
