// "Tối đa 10 điểm", "Thưởng tối đa 5 điểm", "Trừ tối đa 5 điểm": a criterion's maximum as people say it.
import { getLocale, t } from '$lib/i18n';
import type { CriterionKind } from '$lib/remote/criteria-api';
import { formatPoints } from '$lib/ui/assessment/points';

export function maxText(kind: CriterionKind, maxPoints: number): string {
	const points = formatPoints(maxPoints, getLocale());
	if (kind === 'penalty') return t('criteria.maxPenalty', { points });
	if (kind === 'bonus') return t('criteria.maxBonus', { points });
	return t('criteria.max', { points });
}
