// Points in a grid cell: the assessment's reading of points (decimal comma, dot accepted, two decimals at most, up to
// the criterion's maximum: $lib/ui/assessment/points) plus what a cell that autosaves needs: an empty cell is "no
// score", and "8," while the person is still typing reads as 8 instead of flashing an error.
import { parsePoints, type PointsProblem as AssessmentProblem } from '$lib/ui/assessment/points';

export { formatPoints, samePoints } from '$lib/ui/assessment/points';

export type PointsProblem = Exclude<AssessmentProblem, 'empty'>;

/** `points` null means the field is empty: no score (yet). */
export type ParsedPoints = { ok: true; points: number | null } | { ok: false; problem: PointsProblem };

export function parseCellPoints(text: string, max: number): ParsedPoints {
	const trimmed = text.trim().replace(/[.,]$/, '');
	if (trimmed === '') return text.trim() === '' ? { ok: true, points: null } : { ok: false, problem: 'format' };
	const parsed = parsePoints(trimmed, max);
	if (parsed.ok) return { ok: true, points: parsed.value };
	return { ok: false, problem: parsed.problem === 'empty' ? 'format' : parsed.problem };
}
