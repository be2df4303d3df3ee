// P1: Lighthouse 12 mobile on the public pages (bench/lighthouse/p1-public.ts) and on the capture page as a signed-in
// reporter (bench/lighthouse/p1-capture.ts), against one production build and one `node build`, in one Debian
// Chromium launched by chrome-launcher (`--headless=new --no-sandbox`) that Lighthouse drives by its debugging port.
// The public pages go first: their runs reset the origin's service worker and caches, which the capture page's
// "repeat open" needs. Both are always stopped at the end, also on error.
import * as chromeLauncher from 'chrome-launcher';
import type { Stack } from '../../supabase/local/stack';
import { buildAndServe } from '../app-server';
import { measureCapturePage } from './p1-capture';
import { measurePublicPages } from './p1-public';

const RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);

export async function runP1(stack: Stack): Promise<void> {
	const app = await buildAndServe(stack, 'P1');
	let chrome: chromeLauncher.LaunchedChrome | undefined;
	try {
		chrome = await chromeLauncher.launch({
			chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
		});
		await measurePublicPages(app.baseURL, chrome.port, RUNS);
		await measureCapturePage(app.baseURL, chrome.port, RUNS);
	} finally {
		chrome?.kill();
		await app.stop();
	}
}
