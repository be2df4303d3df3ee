import { describe, expect, it } from 'vitest';
import { REJECTED_WAIT } from '$lib/offline/db';
import { computeNextAttemptAt } from './backoff';

const NOW = Date.parse('2026-11-25T13:00:00Z');

describe('computeNextAttemptAt', () => {
	it('backs off exponentially with jitter between half and all of the ceiling', () => {
		expect(computeNextAttemptAt({ kind: 'transient', attempts: 0, now: NOW, random: () => 0 })).toBe(NOW + 2_500);
		expect(computeNextAttemptAt({ kind: 'transient', attempts: 0, now: NOW, random: () => 1 })).toBe(NOW + 5_000);
		expect(computeNextAttemptAt({ kind: 'offline', attempts: 3, now: NOW, random: () => 0 })).toBe(NOW + 20_000);
		expect(computeNextAttemptAt({ kind: 'transient', attempts: 40, now: NOW, random: () => 1 })).toBe(NOW + 15 * 60_000);
	});

	it("never comes back before the server's Retry-After, and spreads phones told the same moment", () => {
		const notBefore = NOW + 60_000;
		const early = computeNextAttemptAt({ kind: 'transient', attempts: 0, now: NOW, random: () => 0, notBefore });
		const late = computeNextAttemptAt({ kind: 'transient', attempts: 0, now: NOW, random: () => 1, notBefore });
		expect(early).toBe(notBefore);
		expect(late).toBe(NOW + 90_000);
	});

	it('keeps its own backoff when that is already later than the server asked, or the wait has passed', () => {
		const at = computeNextAttemptAt({ kind: 'transient', attempts: 5, now: NOW, random: () => 0.5 });
		expect(computeNextAttemptAt({ kind: 'transient', attempts: 5, now: NOW, random: () => 0.5, notBefore: NOW + 1_000 })).toBe(at);
		expect(computeNextAttemptAt({ kind: 'transient', attempts: 5, now: NOW, random: () => 0.5, notBefore: NOW - 1_000 })).toBe(at);
	});

	it('leaves refusals to the user and unauthorized to the next sign-in, whatever the server asked', () => {
		expect(computeNextAttemptAt({ kind: 'rejected', attempts: 0, now: NOW, notBefore: NOW + 60_000 })).toBe(REJECTED_WAIT);
		expect(computeNextAttemptAt({ kind: 'unauthorized', attempts: 0, now: NOW, notBefore: NOW + 60_000 })).toBe(NOW);
	});
});
