// Deadline wording shared by the dashboard, the covenant page and the home reminders.
import { countdown, deadlineAt, type DeadlineState } from '$lib/domain/deadline';
import { formatDate, t } from '$lib/i18n';

export function dueText(dueOn: string): string {
	return t('deadline.due', { date: formatDate(dueOn) });
}

export function closesText(dueOn: string): string {
	return t('deadline.closesAt', { date: formatDate(deadlineAt(dueOn)) });
}

export function countdownText(dueOn: string, now: Date): string {
	const { overdue, ...c } = countdown(dueOn, now);
	if (overdue) return c.days > 0 ? t('deadline.overdue', c) : t('deadline.overdueHours', c);
	return c.days > 0 ? t('deadline.left', c) : t('deadline.leftHours', c);
}

export const stateBadge: Record<DeadlineState, string> = {
	done: 'ok',
	done_late: 'warn',
	pending: 'neutral',
	due_soon: 'info',
	late: 'error'
};
