// Where two versions of a text differ: the length of their common head and common tail (never overlapping), so the
// audit trail can show an edited sentence instead of two walls of identical text.
export function changedSpan(a: string, b: string): { head: number; tail: number } {
	const max = Math.min(a.length, b.length);
	let head = 0;
	while (head < max && a[head] === b[head]) head += 1;
	let tail = 0;
	while (tail < max - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
	return { head, tail };
}
