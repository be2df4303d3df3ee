// The only module that imports chart.js at run time, and only what the standings charts use (tree-shaken: no
// line, pie or time scales). Imported dynamically by StandingsChart.svelte, so chart.js is a chunk of its own that
// only the standings pages fetch.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1c1b1f';

export { Chart };
