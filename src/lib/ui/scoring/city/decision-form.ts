// The decision forms of the city's review, checked before anything is sent: a signed date typed as dd/mm/yyyy (a
// real calendar date, not in the future), the decision number and title, and for a correction the unit, criterion,
// points and reason. Pure: answers message keys, never shows anything itself.
import type { MessageKey } from '$lib/i18n';
import { parseCellPoints } from '$lib/ui/scoring/grid/points';

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "10/07/2026" (or 10.7.2026, 10-07-2026) → "2026-07-10"; null when it is no real date. */
export function parseDmy(text: string): string | null {
	const m = DMY.exec(text.trim());
	if (!m) return null;
	const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** yyyy-mm-dd → dd/mm/yyyy, for prefilling the field. */
export function toDmy(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}/${m}/${y}`;
}

export type FieldErrors<K extends string> = Partial<Record<K, MessageKey>>;

export interface PublishDraft {
	number: string;
	signedOn: string;
	title: string;
}

export interface CheckedPublish {
	number: string;
	signedOn: string;
	title: string;
}

/** `today` is yyyy-mm-dd in Hanoi: a decision is not signed in the future. */
export function checkPublish(d: PublishDraft, today: string): { ok: true; value: CheckedPublish } | { ok: false; errors: FieldErrors<keyof PublishDraft> } {
	const errors: FieldErrors<keyof PublishDraft> = {};
	const signedOn = parseDmy(d.signedOn);
	if (d.number.trim().length === 0) errors.number = 'assessment.city.field.number';
	if (!signedOn || signedOn > today) errors.signedOn = 'assessment.city.field.date';
	if (d.title.trim().length < 3) errors.title = 'assessment.city.field.title';
	if (Object.keys(errors).length > 0 || !signedOn) return { ok: false, errors };
	return { ok: true, value: { number: d.number.trim(), signedOn, title: d.title.trim() } };
}

export interface CorrectionDraft {
	unitId: string;
	criterionId: string;
	points: string;
	number: string;
	signedOn: string;
	reason: string;
}

export interface CheckedCorrection {
	unitId: string;
	criterionId: string;
	points: number;
	number: string;
	signedOn: string;
	reason: string;
}

export function checkCorrection(
	d: CorrectionDraft,
	maxPoints: number | null,
	today: string
): { ok: true; value: CheckedCorrection } | { ok: false; errors: FieldErrors<keyof CorrectionDraft> } {
	const errors: FieldErrors<keyof CorrectionDraft> = {};
	if (!d.unitId || !d.criterionId || maxPoints === null) errors.criterionId = 'assessment.city.field.pick';
	const parsed = parseCellPoints(d.points, maxPoints ?? 0);
	const points = parsed.ok ? parsed.points : null;
	if (points === null && maxPoints !== null) errors.points = 'assessment.city.field.points';
	const signedOn = parseDmy(d.signedOn);
	if (d.number.trim().length === 0) errors.number = 'assessment.city.field.number';
	if (!signedOn || signedOn > today) errors.signedOn = 'assessment.city.field.date';
	if (d.reason.trim().length === 0) errors.reason = 'assessment.city.field.reason';
	if (Object.keys(errors).length > 0 || points === null || !signedOn) return { ok: false, errors };
	return {
		ok: true,
		value: { unitId: d.unitId, criterionId: d.criterionId, points, number: d.number.trim(), signedOn, reason: d.reason.trim() }
	};
}
