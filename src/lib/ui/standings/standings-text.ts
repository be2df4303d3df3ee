// How standings read: points with a decimal comma ("8,5"), rank changes as an arrow plus a sentence for screen readers,
// the gap to the next place, the round's name and its status. Pure apart from the current locale of `t`.
import { formatDate, getLocale, t, TIME_ZONE } from '$lib/i18n';
import type { ClusterStandings, Period, StandingsRound } from '$lib/remote/standings-api';

const formatters = {
	vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })
};

/** Scores as Vietnamese write them: 8,5 and 72,25 (no trailing zeros); English readers get a decimal point. */
export function formatPoints(points: number, locale = getLocale()): string {
	return formatters[locale].format(points);
}

export interface RankChange {
	/** ▲, ▼ or = ; empty when there is no earlier ranking to compare with. */
	arrow: string;
	direction: 'up' | 'down' | 'same' | 'none';
	/** The number of places, for display beside the arrow. */
	places: number;
	/** "tăng 2 bậc": what a screen reader says instead of the arrow. */
	text: string;
}

export function rankChange(change: number | null): RankChange {
	if (change === null) return { arrow: '', direction: 'none', places: 0, text: '' };
	if (change > 0) return { arrow: '▲', direction: 'up', places: change, text: t('standings.change.up', { n: change }) };
	if (change < 0) return { arrow: '▼', direction: 'down', places: -change, text: t('standings.change.down', { n: -change }) };
	return { arrow: '=', direction: 'same', places: 0, text: t('standings.change.same') };
}

/** "kém hạng trên 2,5 điểm", or "Dẫn đầu" for the leaders (no total above theirs). */
export function gapText(gap: number | null): string {
	return gap === null ? t('standings.gap.leader') : t('standings.gap', { points: formatPoints(gap) });
}

export function periodLabel(period: Period, year: number): string {
	return t(`standings.period.${period}`, { year });
}

export function roundLabel(round: Pick<StandingsRound, 'period' | 'year'>): string {
	return periodLabel(round.period, round.year);
}

/** "Tạm tính" until the city publishes; then "Chính thức — Quyết định số …, ngày dd/mm/yyyy". */
export function statusText(s: Pick<ClusterStandings, 'official' | 'decisionNumber' | 'decisionSignedOn'>): string {
	if (!s.official) return t('standings.provisional');
	if (!s.decisionNumber || !s.decisionSignedOn) return t('standings.officialNoDecision');
	return t('standings.official', { number: s.decisionNumber, date: formatDate(s.decisionSignedOn) });
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** HH:mm:ss in Hanoi, for "cập nhật lúc …". */
export function formatClock(value: string | Date): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	return Number.isNaN(date.getTime()) ? '' : clockFormat.format(date);
}
