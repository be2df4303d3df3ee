// Points as people type and read them: a decimal comma ("8,5") in Vietnamese, a dot accepted too ("8.5"), at most
// two decimals (the database keeps numeric(6,2)), between 0 and the criterion's maximum. Pure: unit-tested.
import type { Locale } from '$lib/i18n';

export type PointsProblem = 'empty' | 'format' | 'precision' | 'aboveMax';
export type ParsedPoints = { ok: true; value: number } | { ok: false; problem: PointsProblem };

const POINTS = /^\d{1,4}(?:[.,](\d+))?$/;

/** Reads "8,5", "8.5", " 10 ", "0,25"; refuses signs, thousands separators, letters and more than two decimals. */
export function parsePoints(text: string, maxPoints: number): ParsedPoints {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, problem: 'empty' };
	const match = POINTS.exec(trimmed);
	if (!match) return { ok: false, problem: 'format' };
	if ((match[1]?.length ?? 0) > 2) return { ok: false, problem: 'precision' };
	const value = Number(trimmed.replace(',', '.'));
	if (!Number.isFinite(value)) return { ok: false, problem: 'format' };
	if (value > maxPoints) return { ok: false, problem: 'aboveMax' };
	return { ok: true, value };
}

/** 8.5 → "8,5" (vi) or "8.5" (en); whole numbers without decimals; never more than two decimals. */
export function formatPoints(value: number, locale: Locale = 'vi'): string {
	const rounded = Math.round(value * 100) / 100;
	const text = String(rounded);
	return locale === 'vi' ? text.replace('.', ',') : text;
}

/** The same number? (a field "8,50" against a stored 8.5 is unchanged). */
export function samePoints(a: number | null, b: number | null): boolean {
	if (a === null || b === null) return a === b;
	return Math.round(a * 100) === Math.round(b * 100);
}
