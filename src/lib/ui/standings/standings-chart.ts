// Standings → chart.js configurations: a ranking bar chart of totals and a stacked breakdown per criterion group.
// Type-only imports of chart.js: this module is in the page's first load, chart.js itself is not (chart-loader.ts).
import type { ChartConfiguration } from 'chart.js';
import type { CriterionGroupInfo, StandingRow } from '$lib/remote/standings-api';
import { formatPoints } from './standings-text';

export type BarConfig = ChartConfiguration<'bar', number[], string>;

/** Colours that stay apart for colour-blind readers (Okabe–Ito), the Front's red first. */
export const GROUP_COLOURS = ['#b71c1c', '#0072b2', '#e69f00', '#009e73', '#6a3d9a', '#56b4e9', '#d55e00', '#555555'];

/** Chart height for `units` bars: enough for a readable label per unit on a phone. */
export function chartHeight(units: number): number {
	return Math.max(160, 56 + units * 44);
}

function unitLabel(row: StandingRow): string {
	return row.rank === null ? row.unitName : `${row.rank}. ${row.unitName}`;
}

/** Legend labels do not wrap: a long group name is cut (the tooltip and the table beside the chart keep it whole). */
export function shortLabel(text: string, max = 30): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.–-]+$/, '')}…`;
}

function commonOptions(opts: {
	stacked: boolean;
	legend: boolean;
	axisTitle: string;
	animate: boolean;
	fullLabels?: string[];
}): BarConfig['options'] {
	return {
		indexAxis: 'y',
		responsive: true,
		maintainAspectRatio: false,
		animation: opts.animate ? { duration: 300 } : false,
		plugins: {
			legend: { display: opts.legend, position: 'bottom', labels: { boxWidth: 14 } },
			tooltip: {
				callbacks: {
					label: (item) =>
						`${opts.fullLabels?.[item.datasetIndex] ?? item.dataset.label ?? ''}: ${formatPoints(Number(item.raw))}`
				}
			}
		},
		scales: {
			x: {
				stacked: opts.stacked,
				beginAtZero: true,
				title: { display: true, text: opts.axisTitle },
				ticks: { callback: (value) => formatPoints(Number(value)) }
			},
			y: { stacked: opts.stacked, ticks: { autoSkip: false } }
		}
	};
}

/** One bar per unit, in rank order, the total as its length. */
export function rankingChartConfig(rows: StandingRow[], opts: { label: string; animate?: boolean }): BarConfig {
	return {
		type: 'bar',
		data: {
			labels: rows.map(unitLabel),
			datasets: [
				{
					label: opts.label,
					data: rows.map((r) => r.total),
					backgroundColor: rows.map((r) => (r.rank === 1 ? '#b71c1c' : '#e57373')),
					borderRadius: 4,
					maxBarThickness: 28
				}
			]
		},
		options: commonOptions({ stacked: false, legend: false, axisTitle: opts.label, animate: opts.animate ?? true })
	};
}

/** One stacked bar per unit, a segment per criterion group (penalties push a group below zero). */
export function breakdownChartConfig(
	rows: StandingRow[],
	groups: CriterionGroupInfo[],
	opts: { label: string; animate?: boolean }
): BarConfig {
	return {
		type: 'bar',
		data: {
			labels: rows.map(unitLabel),
			datasets: groups.map((g, i) => ({
				label: shortLabel(`${g.code}. ${g.name}`),
				data: rows.map((r) => r.groupTotals[g.code] ?? 0),
				backgroundColor: GROUP_COLOURS[i % GROUP_COLOURS.length],
				maxBarThickness: 28
			}))
		},
		options: commonOptions({
			stacked: true,
			legend: true,
			axisTitle: opts.label,
			animate: opts.animate ?? true,
			fullLabels: groups.map((g) => `${g.code}. ${g.name}`)
		})
	};
}
