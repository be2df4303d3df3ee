import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRefresh, runWhileVisible, type ChannelStatus, type OpenChannel } from './live-refresh.svelte';

/** A test double of a realtime channel: the test decides what the server says and when. */
function fakeChannel() {
	const state = {
		opened: 0,
		closed: 0,
		onChange: (): void => undefined,
		onStatus: (_s: ChannelStatus): void => undefined
	};
	const open: OpenChannel = (handlers) => {
		state.opened++;
		state.onChange = handlers.onChange;
		state.onStatus = handlers.onStatus;
		return { close: () => void state.closed++ };
	};
	return { state, open };
}

function setup(pollMs = 15_000) {
	const channel = fakeChannel();
	const reload = vi.fn(() => Promise.resolve());
	const live = new LiveRefresh({ open: channel.open, reload, pollMs, debounceMs: 300 });
	return { channel, reload, live };
}

/** Advance fake time and let the reload promises settle. */
async function wait(ms: number): Promise<void> {
	await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('LiveRefresh', () => {
	it('polls while the channel has not reported yet', async () => {
		const { live, reload } = setup();
		live.start();
		expect(live.mode).toBe('polling');
		await wait(15_000);
		expect(reload).toHaveBeenCalledTimes(1);
		live.stop();
	});

	it('does not poll while SUBSCRIBED, and reloads once per burst of change events', async () => {
		const { live, reload, channel } = setup();
		live.start();
		channel.state.onStatus('SUBSCRIBED');
		expect(live.mode).toBe('live');
		await wait(0);
		reload.mockClear(); // the catch-up reload on subscribing
		await wait(120_000);
		expect(reload).not.toHaveBeenCalled();

		// A score write re-ranks the cluster: three rows change at once.
		channel.state.onChange();
		channel.state.onChange();
		channel.state.onChange();
		await wait(300);
		expect(reload).toHaveBeenCalledTimes(1);
		live.stop();
	});

	it('polls every interval after CHANNEL_ERROR and ignores no event', async () => {
		const { live, reload, channel } = setup();
		live.start();
		channel.state.onStatus('SUBSCRIBED');
		await wait(0);
		reload.mockClear();
		channel.state.onStatus('CHANNEL_ERROR');
		expect(live.mode).toBe('polling');
		await wait(15_000);
		expect(reload).toHaveBeenCalledTimes(1);
		await wait(15_000);
		expect(reload).toHaveBeenCalledTimes(2);
		live.stop();
	});

	it('stops polling when the channel comes back SUBSCRIBED, after one catch-up reload', async () => {
		const { live, reload, channel } = setup();
		live.start();
		channel.state.onStatus('CHANNEL_ERROR');
		await wait(30_000);
		expect(reload).toHaveBeenCalledTimes(2);

		channel.state.onStatus('SUBSCRIBED');
		await wait(0);
		expect(reload).toHaveBeenCalledTimes(3);
		await wait(60_000);
		expect(reload).toHaveBeenCalledTimes(3);
		expect(live.mode).toBe('live');
		live.stop();
	});

	it('polls again on TIMED_OUT and CLOSED', async () => {
		for (const status of ['TIMED_OUT', 'CLOSED'] as const) {
			const { live, reload, channel } = setup();
			live.start();
			channel.state.onStatus('SUBSCRIBED');
			await wait(0);
			reload.mockClear();
			channel.state.onStatus(status);
			await wait(15_000);
			expect(reload, status).toHaveBeenCalledTimes(1);
			live.stop();
		}
	});

	it('runs one reload at a time and one more if asked meanwhile', async () => {
		const { live, channel } = setup(1000);
		let finish: () => void = () => undefined;
		const reload = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		const slow = new LiveRefresh({ open: channel.open, reload, pollMs: 1000 });
		slow.start();
		await wait(1000);
		await wait(1000);
		await wait(1000);
		expect(reload).toHaveBeenCalledTimes(1);
		finish();
		await wait(0);
		expect(reload).toHaveBeenCalledTimes(2);
		slow.stop();
		live.stop();
	});

	it('closes the channel and stops every timer on stop, and ignores the old channel afterwards', async () => {
		const { live, reload, channel } = setup();
		live.start();
		const oldStatus = channel.state.onStatus;
		live.stop();
		expect(channel.state.closed).toBe(1);
		expect(live.mode).toBe('stopped');
		oldStatus('SUBSCRIBED');
		expect(live.mode).toBe('stopped');
		await wait(120_000);
		expect(reload).not.toHaveBeenCalled();
	});

	it('keeps polling after a failed reload', async () => {
		const channel = fakeChannel();
		const reload = vi.fn(() => Promise.reject(new Error('offline')));
		const live = new LiveRefresh({ open: channel.open, reload, pollMs: 15_000 });
		live.start();
		await wait(45_000);
		expect(reload).toHaveBeenCalledTimes(3);
		live.stop();
	});
});

describe('runWhileVisible', () => {
	function fakeDocument(initial: DocumentVisibilityState) {
		const target = new EventTarget();
		const doc = {
			visibilityState: initial,
			addEventListener: target.addEventListener.bind(target),
			removeEventListener: target.removeEventListener.bind(target)
		};
		const set = (state: DocumentVisibilityState) => {
			doc.visibilityState = state;
			target.dispatchEvent(new Event('visibilitychange'));
		};
		return { doc: doc as unknown as Document, set };
	}

	it('stops while the page is hidden and resumes with a reload when it is shown again', async () => {
		const { live, reload, channel } = setup();
		const page = fakeDocument('visible');
		const cleanup = runWhileVisible(live, page.doc);
		expect(live.mode).toBe('polling');
		page.set('hidden');
		expect(live.mode).toBe('stopped');
		expect(channel.state.closed).toBe(1);
		await wait(60_000);
		expect(reload).not.toHaveBeenCalled();

		page.set('visible');
		expect(channel.state.opened).toBe(2);
		await wait(0);
		expect(reload).toHaveBeenCalledTimes(1);
		cleanup();
		expect(live.mode).toBe('stopped');
		page.set('visible');
		expect(channel.state.opened).toBe(2);
	});

	it('does not start in a hidden page', () => {
		const { live, channel } = setup();
		const cleanup = runWhileVisible(live, fakeDocument('hidden').doc);
		expect(channel.state.opened).toBe(0);
		cleanup();
	});
});
