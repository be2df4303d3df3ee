// What a criterion's points field asks for, compared with the unit's saved score: nothing, a new score, withdrawing
// the score (an emptied field), or nothing yet because the text is not acceptable. Pure: unit-tested.
import { parsePoints, samePoints, type PointsProblem } from './points';

export type ScoreChange =
	| { kind: 'none' }
	| { kind: 'set'; points: number }
	| { kind: 'clear' }
	| { kind: 'invalid'; problem: Exclude<PointsProblem, 'empty'> };

export function scoreChange(text: string, saved: number | null, maxPoints: number): ScoreChange {
	const parsed = parsePoints(text, maxPoints);
	if (!parsed.ok) {
		if (parsed.problem === 'empty') return saved === null ? { kind: 'none' } : { kind: 'clear' };
		return { kind: 'invalid', problem: parsed.problem };
	}
	return samePoints(parsed.value, saved) ? { kind: 'none' } : { kind: 'set', points: parsed.value };
}

/** The points a field stands for right now (for the live total): what is typed if acceptable, else what is saved. */
export function livePoints(text: string, saved: number | null, maxPoints: number): number | null {
	const change = scoreChange(text, saved, maxPoints);
	if (change.kind === 'set') return change.points;
	if (change.kind === 'clear') return null;
	return saved;
}
