// Points as people type and read them: a decimal comma ("8,5"), a dot accepted too ("8.5"), at most two decimals
// (the column is numeric(6, 2)), never negative, never above the criterion's maximum. Pure: no i18n, no Svelte.

export type PointsProblem = 'format' | 'decimals' | 'overMax';

/** `points` null means the field is empty: no score (yet). */
export type ParsedPoints = { ok: true; points: number | null } | { ok: false; problem: PointsProblem };

const NUMBER = /^\d{1,4}(?:[.,](\d*))?$/;

export function parsePoints(text: string, max?: number): ParsedPoints {
	const trimmed = text.trim().replace(/\s+/g, '');
	if (trimmed === '') return { ok: true, points: null };
	const match = NUMBER.exec(trimmed);
	if (!match) return { ok: false, problem: 'format' };
	if ((match[1]?.length ?? 0) > 2) return { ok: false, problem: 'decimals' };
	const points = Number(trimmed.replace(',', '.'));
	if (!Number.isFinite(points)) return { ok: false, problem: 'format' };
	if (max !== undefined && points > max) return { ok: false, problem: 'overMax' };
	return { ok: true, points };
}

/** "8,5", "10", "7,25": the decimal comma, no trailing zeros. Empty for no score. */
export function formatPoints(points: number | null | undefined): string {
	if (points === null || points === undefined || !Number.isFinite(points)) return '';
	const rounded = Math.round(points * 100) / 100;
	return String(rounded).replace('.', ',');
}

/** Two scores are the same when equal to the hundredth (numbers from the server and from typing may differ in float bits). */
export function samePoints(a: number | null, b: number | null): boolean {
	if (a === null || b === null) return a === b;
	return Math.round(a * 100) === Math.round(b * 100);
}
