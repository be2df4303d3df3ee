// Work that must not compete with the first view: after the page's load event and the next idle moment (at most 2 s
// later). Confirming the session with the server and starting the sync engine each pull in supabase-js (~50 KiB
// gzip) and run it; on a mid-range phone on a slow link that was the capture page's blocking time and late paint.
// The cached identity already shows the person's screens, and the outbox waits on the device in the meantime.
let ready: Promise<void> | null = null;

export function afterFirstView(): Promise<void> {
	ready ??= new Promise((resolve) => {
		const whenIdle = () => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2_000 });
			else setTimeout(resolve, 50);
		};
		if (document.readyState === 'complete') whenIdle();
		else addEventListener('load', whenIdle, { once: true });
	});
	return ready;
}
