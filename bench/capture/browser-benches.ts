// The browser benchmarks in one Chromium session against one built app: P4 (photo worker), then P3 (saves through
// the form, offline), then P6 (the app syncs what P3 queued, over an emulated slow link). P6 needs P3's queue, so
// asking for p6 alone also runs P3. The browser and the app server are stopped at the end, also on error.
import type { Stack } from '../../supabase/local/stack';
import { runP6 } from '../sync/p6-link';
import { startApp } from './app-browser';
import { runP3 } from './p3-save';
import { runP4 } from './p4-photo';

export type BrowserBench = 'p3' | 'p4' | 'p6';

export async function runBrowserBenches(stack: Stack, which: BrowserBench[]): Promise<void> {
	const app = await startApp(stack);
	try {
		if (which.includes('p4')) await runP4(app);
		if (which.includes('p3') || which.includes('p6')) await runP3(app);
		if (which.includes('p6')) await runP6(app, stack);
	} finally {
		await app.close();
	}
}
