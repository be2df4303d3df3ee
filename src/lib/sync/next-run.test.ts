import { describe, expect, it } from 'vitest';
import { planNextRun } from './next-run';

const NOW = Date.parse('2026-12-07T21:00:00Z');
const base = { now: NOW, periodMs: 60_000, nextRetryAt: null, random: () => 1 };

describe('planNextRun', () => {
	it('probes again after a run stopped by offline, on a growing interval capped at 30 s', () => {
		const delays = [1, 2, 3, 4, 5, 6, 12].map(
			(offlineStreak) => planNextRun({ ...base, stoppedByOffline: true, offlineStreak })?.delayMs
		);
		expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
		expect(planNextRun({ ...base, stoppedByOffline: true, offlineStreak: 1 })?.mode).toBe('waiting');
	});

	it('spreads the probes of many phones (jitter down to three quarters)', () => {
		expect(planNextRun({ ...base, random: () => 0, stoppedByOffline: true, offlineStreak: 3 })?.delayMs).toBe(6_000);
	});

	it('wakes when the earliest backoff ends, not at the next minute tick', () => {
		expect(planNextRun({ ...base, stoppedByOffline: false, offlineStreak: 0, nextRetryAt: NOW + 7_500 })).toEqual({
			delayMs: 7_500,
			mode: 'due'
		});
	});

	it('never plans a run sooner than a second, even for a backoff already over', () => {
		expect(planNextRun({ ...base, stoppedByOffline: false, offlineStreak: 0, nextRetryAt: NOW - 5_000 })?.delayMs).toBe(1_000);
	});

	it('leaves long backoffs and an empty outbox to the minute tick', () => {
		expect(planNextRun({ ...base, stoppedByOffline: false, offlineStreak: 0, nextRetryAt: NOW + 120_000 })).toBeNull();
		expect(planNextRun({ ...base, stoppedByOffline: false, offlineStreak: 0 })).toBeNull();
	});
});
