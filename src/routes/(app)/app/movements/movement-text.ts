// How a movement reads on screen: its period in dd/mm/yyyy, and the badge class of its status.
import type { Movement, MovementStatus } from '$lib/domain/movement';
import { formatDate, t } from '$lib/i18n';

export function formatPeriod(m: Pick<Movement, 'startsOn' | 'endsOn'>): string {
	const from = formatDate(m.startsOn);
	return m.endsOn ? t('movement.period', { from, to: formatDate(m.endsOn) }) : t('movement.periodOpen', { from });
}

export const statusBadgeClass: Record<MovementStatus, 'ok' | 'warn'> = { launched: 'ok', draft: 'warn' };
