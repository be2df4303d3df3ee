// Child-process entry: anonymous gallery visitors (gallery-visitors.ts) until the parent sends "stop" or the cap.
import { serveChild } from './child-process';
import { browseGallery, type VisitorResult } from './gallery-visitors';

serveChild<{ baseURL: string; ratePerSecond: number; maxSeconds: number }, VisitorResult>(async (job, side) => {
	const visitors = browseGallery(job);
	side.onMessage((m) => {
		if (m === 'stop') visitors.stop();
	});
	return visitors.done;
});
