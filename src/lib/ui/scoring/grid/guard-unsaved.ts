// The life of a page that autosaves scores (the cluster grid, the city review): started on mount, failed cells
// retried when the device is back online, nothing left pending after leaving, and a question before leaving with
// unsaved cells (closing the tab or reloading gets the browser's own dialog). Call during component init.
import { onMount } from 'svelte';
import { beforeNavigate } from '$app/navigation';
import { t } from '$lib/i18n';
import type { AutosaveQueue } from './autosave-queue.svelte';

export function guardUnsavedScores(queue: AutosaveQueue, start: () => Promise<void>): void {
	onMount(() => {
		void start();
		const onOnline = () => queue.retryFailed();
		window.addEventListener('online', onOnline);
		return () => {
			window.removeEventListener('online', onOnline);
			queue.dispose();
		};
	});

	beforeNavigate((nav) => {
		if (queue.unsavedCount === 0) return;
		if (nav.willUnload) {
			nav.cancel();
			return;
		}
		if (!confirm(t('assessment.cluster.leaveWarning', { count: queue.unsavedCount }))) nav.cancel();
	});
}
