// The app's clock for deadlines: one reactive "now", ticking every 30 s and when the page becomes visible again.
// It reads the platform's Date, so a test can inject time with Playwright's page.clock (install, fastForward).
const TICK_MS = 30_000;

class Clock {
	#now = $state(new Date());
	#timer: ReturnType<typeof setInterval> | null = null;
	#users = 0;

	get now(): Date {
		return this.#now;
	}

	/** Starts ticking while at least one screen uses the clock; returns the stop function (for onMount). */
	use(): () => void {
		this.#now = new Date();
		this.#users += 1;
		if (this.#users === 1) {
			this.#timer = setInterval(() => (this.#now = new Date()), TICK_MS);
			document.addEventListener('visibilitychange', this.#onVisible);
		}
		return () => {
			this.#users -= 1;
			if (this.#users === 0 && this.#timer) {
				clearInterval(this.#timer);
				this.#timer = null;
				document.removeEventListener('visibilitychange', this.#onVisible);
			}
		};
	}

	#onVisible = () => {
		if (document.visibilityState === 'visible') this.#now = new Date();
	};
}

export const clock = new Clock();
