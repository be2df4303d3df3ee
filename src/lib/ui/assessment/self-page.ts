// Small rules of the self-assessment page: which round opens by default, and one stage's points per criterion.
// Pure: unit-tested.
import type { ScoreStage, StageScore } from '$lib/remote/assessment-api';
import type { AssessmentRound } from '$lib/remote/criteria-api';

/** This year's open round (the year-end one if both are open), else the newest round of any year. */
export function defaultRound(rounds: readonly AssessmentRound[], year: number): AssessmentRound | null {
	const open = rounds.filter((r) => r.year === year && r.status === 'open');
	const pick = open.find((r) => r.period === 'year_end') ?? open[0];
	if (pick) return pick;
	const newest = [...rounds].sort((a, b) => b.year - a.year || (a.period === 'year_end' ? -1 : 1) - (b.period === 'year_end' ? -1 : 1));
	return newest[0] ?? null;
}

export function stagePoints(scores: readonly StageScore[], stage: ScoreStage): Map<string, number> {
	return new Map(scores.filter((s) => s.stage === stage).map((s) => [s.criterionId, s.points]));
}
