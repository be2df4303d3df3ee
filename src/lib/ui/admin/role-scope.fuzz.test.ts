// Fuzzing the account and grant schemas behind POST /api/admin/users (issue 9): any JSON body is answered without
// throwing, every refusal names a sentence of the catalogue and the field at fault (the endpoint's 400 lists them);
// a grant built to be valid is accepted, and normalising it keeps it valid and changes nothing more the second time.
// Seed fixed so runs are reproducible; fast-check prints the seed and the shrunk input of any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '$lib/i18n';
import { hostileText } from '$lib/domain/story-arbitraries';
import { grantSchema, newAccountSchema, normaliseGrant, ROLES, scopeOf, type Grant } from './role-scope';

const RUNS = { numRuns: 300, seed: 20261125 };

const validGrant: fc.Arbitrary<Grant> = fc
	.record({ role: fc.constantFrom(...ROLES), id: fc.uuid(), home: fc.option(fc.uuid(), { nil: null }), year: fc.integer({ min: 2000, max: 2100 }) })
	.map(({ role, id, home, year }) => {
		const scope = scopeOf(role);
		if (scope === 'unit') return { role, unitId: id, clusterId: null, year };
		if (scope === 'cluster') return { role, unitId: home, clusterId: id, year };
		return { role, unitId: null, clusterId: null, year };
	});
const validAccount = fc.record({
	email: fc.emailAddress().filter((e) => e.length <= 254 && newAccountSchema.shape.email.safeParse(e).success),
	password: fc.string({ minLength: 8, maxLength: 72 }),
	fullName: fc.string({ minLength: 1, maxLength: 200 }).map((s) => s.trim()).filter((s) => s.length > 0),
	grant: validGrant
});

const anyValue = fc.oneof(fc.jsonValue(), hostileText, fc.uuid(), fc.constantFrom(null, 1999, 2101, 2026.5, 2 ** 53, 'reporter', 'city_admin'));
const grantLike = fc.oneof(
	anyValue,
	fc.dictionary(fc.constantFrom('role', 'unitId', 'clusterId', 'year'), anyValue),
	fc.tuple(validGrant, fc.constantFrom('role', 'unitId', 'clusterId', 'year'), anyValue).map(([g, k, v]) => ({ ...g, [k]: v }))
);
const accountLike = fc.oneof(
	anyValue,
	fc.dictionary(fc.constantFrom('email', 'password', 'fullName', 'grant'), fc.oneof(anyValue, grantLike)),
	fc.tuple(validAccount, fc.constantFrom('email', 'password', 'fullName', 'grant'), fc.oneof(anyValue, grantLike)).map(([a, k, v]) => ({ ...a, [k]: v }))
);

describe('role-scope schemas under fuzzing', () => {
	it('never throw; every refusal is a catalogue key and, inside an object, names its field', () => {
		fc.assert(
			fc.property(accountLike, grantLike, (account, grant) => {
				for (const parsed of [newAccountSchema.safeParse(account), grantSchema.safeParse(grant)]) {
					for (const issue of parsed.error?.issues ?? []) {
						expect(isMessageKey(issue.message), `${issue.path.join('.')}: ${issue.message}`).toBe(true);
					}
				}
				const parsed = newAccountSchema.safeParse(account);
				if (!parsed.success && typeof account === 'object' && account !== null && !Array.isArray(account)) {
					for (const issue of parsed.error.issues) expect(issue.path.length).toBeGreaterThan(0);
				}
			}),
			RUNS
		);
	});

	it('accept what is built to be valid; normaliseGrant keeps it valid and is idempotent', () => {
		fc.assert(
			fc.property(validAccount, (account) => {
				expect(newAccountSchema.safeParse(account).error?.issues ?? []).toEqual([]);
				const once = normaliseGrant(account.grant);
				expect(grantSchema.safeParse(once).success).toBe(true);
				expect(normaliseGrant(once)).toEqual(once);
			}),
			RUNS
		);
	});
});
