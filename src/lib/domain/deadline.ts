// Deadlines of the yearly plan. A milestone "trước ngày 14/01" closes at 00:00 of 14/01 in Hanoi (Asia/Ho_Chi_Minh,
// UTC+7 all year, no daylight saving), whatever the device's time zone. Whether something is late is decided here,
// from the reader's clock (`now`), so the app, its tests (an injected clock) and the calendar agree. Pure.

/** Hanoi has kept UTC+07:00 without daylight saving since 1975. */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Within this many days of its deadline an open milestone is "due soon" (shown first, reminded at home). */
export const DUE_SOON_DAYS = 14;

export type DeadlineState = 'done' | 'done_late' | 'pending' | 'due_soon' | 'late';

/** The instant a "before `dueOn`" deadline closes: `dueOn` (yyyy-mm-dd) at 00:00 Hanoi time. */
export function deadlineAt(dueOn: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueOn);
	if (!match) throw new Error(`not a date: ${dueOn}`);
	const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return new Date(utcMidnight - HANOI_OFFSET_MS);
}

/** The last day on which the milestone can still be delivered (the day before `dueOn`), as yyyy-mm-dd. */
export function lastDay(dueOn: string): string {
	return new Date(deadlineAt(dueOn).getTime() - 1 + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Where a responsible party stands: delivered on time or late, open (due soon or not yet), or late.
 * `completedAt` is when the server recorded the delivery (ISO), null if not delivered.
 */
export function deadlineState(dueOn: string, completedAt: string | null, now: Date): DeadlineState {
	const closes = deadlineAt(dueOn).getTime();
	if (completedAt) return new Date(completedAt).getTime() < closes ? 'done' : 'done_late';
	const left = closes - now.getTime();
	if (left <= 0) return 'late';
	return left <= DUE_SOON_DAYS * DAY_MS ? 'due_soon' : 'pending';
}

export interface Countdown {
	/** True once the deadline has passed: the parts then count the time since. */
	overdue: boolean;
	days: number;
	hours: number;
	minutes: number;
}

/** Whole days, hours and minutes to (or since) the deadline, rounded towards the deadline. */
export function countdown(dueOn: string, now: Date): Countdown {
	const diff = deadlineAt(dueOn).getTime() - now.getTime();
	const overdue = diff <= 0;
	let rest = Math.floor(Math.abs(diff) / 60000);
	const minutes = rest % 60;
	rest = Math.floor(rest / 60);
	const hours = rest % 24;
	const days = Math.floor(rest / 24);
	return { overdue, days, hours, minutes };
}

/** Shift a date by whole years as the plan copy does (29/02 becomes 28/02 in a common year). */
export function shiftYears(dueOn: string, years: number): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueOn);
	if (!match) throw new Error(`not a date: ${dueOn}`);
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const target = y + years;
	const lastOfMonth = new Date(Date.UTC(target, m, 0)).getUTCDate();
	const day = Math.min(d, lastOfMonth);
	return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
