// Whether a yyyy-mm-dd string names a real day, as Postgres's `date` decides (2025-02-30 and year 0 are refused). The
// story and movement schemas check it so that what the form accepts the database accepts too. Pure.

export function isCalendarDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const [y, month, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(0);
	date.setUTCFullYear(y, month - 1, d);
	return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === month - 1 && date.getUTCDate() === d;
}
