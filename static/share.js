// Share buttons of the public story pages, which are plain server-rendered HTML without the app's JavaScript: this
// small file (same origin, allowed by the CSP) shows the buttons that need a script and wires them. Without it the
// Facebook link still works.
(function () {
	for (const box of document.querySelectorAll('[data-share-url]')) {
		const url = box.getAttribute('data-share-url');
		const title = box.getAttribute('data-share-title') || document.title;
		const status = box.querySelector('[data-share-status]');
		const say = (key) => {
			if (status) status.textContent = box.getAttribute(key) || '';
		};
		const copy = async () => {
			try {
				await navigator.clipboard.writeText(url);
				say('data-copied');
				return true;
			} catch {
				say('data-copy-failed');
				return false;
			}
		};
		const share = async () => {
			try {
				await navigator.share({ title, url });
			} catch {
				// Cancelled, or refused: nothing to say.
			}
		};
		const canShare = typeof navigator.share === 'function';
		for (const button of box.querySelectorAll('button[data-share]')) {
			const kind = button.getAttribute('data-share');
			if (kind === 'native' && !canShare) continue;
			button.hidden = false;
			button.addEventListener('click', async () => {
				if (kind === 'native') return share();
				if (kind === 'copy') return copy();
				// Zalo: the share sheet lists it on phones; elsewhere the link is copied and Zalo Web opened to paste it.
				if (canShare) return share();
				if (await copy()) window.open('https://chat.zalo.me/', '_blank', 'noopener');
			});
		}
	}
})();
