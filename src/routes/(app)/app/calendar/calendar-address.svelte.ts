// State of the calendar page: whether the person has an address, the token just issued (kept in memory only: it is a
// secret and the server cannot show it again), and the actions create/rotate and turn off. Failures of actions go
// through the notices funnel; a failed status check stays on the page with a retry.
import {
	issueCalendarToken,
	readCalendarAddress,
	turnOffCalendarAddress,
	type CalendarAddress
} from '$lib/remote/calendar-api';
import { classifyError } from '$lib/sync/classify-error';
import { notices } from '$lib/ui/notices.svelte';

const nowIso = (): string => new Date(Date.now()).toISOString();

export type CalendarPageStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** One sentence per failure kind: being offline is the likely one, and it has its own advice. */
export function calendarMessageKey(error: unknown, isOnline: boolean): string {
	const { kind } = classifyError(error, { isOnline });
	if (kind === 'offline') return 'calendar.needsConnection';
	if (kind === 'unauthorized') return 'error.unauthorized';
	return 'calendar.error.failed';
}

export class CalendarAddressState {
	#status = $state<CalendarPageStatus>('idle');
	#address = $state<CalendarAddress | null>(null);
	#token = $state<string | null>(null);
	#busy = $state(false);
	#failureKey = $state<string | null>(null);
	readonly #isOnline: () => boolean;

	constructor(isOnline: () => boolean) {
		this.#isOnline = isOnline;
	}

	get status(): CalendarPageStatus {
		return this.#status;
	}
	get address(): CalendarAddress | null {
		return this.#address;
	}
	/** The token issued during this visit, or null: after a reload only the creation time is known. */
	get token(): string | null {
		return this.#token;
	}
	get isBusy(): boolean {
		return this.#busy;
	}
	get failureKey(): string | null {
		return this.#failureKey;
	}

	async load(): Promise<void> {
		this.#status = 'loading';
		try {
			this.#address = await readCalendarAddress();
			this.#status = 'ready';
		} catch (error) {
			this.#failureKey = calendarMessageKey(error, this.#isOnline());
			this.#status = 'failed';
		}
	}

	/** Issues a new address (the old one, if any, stops working). */
	async create(): Promise<boolean> {
		return this.#run(async () => {
			this.#token = await issueCalendarToken();
			// The token is what matters; if re-reading the date fails, "now" is close enough to show.
			// No notice: the page says it beside the address, where a toast would cover it on a phone.
			this.#address = (await readCalendarAddress().catch(() => null)) ?? { createdAt: nowIso() };
		});
	}

	async turnOff(userId: string): Promise<boolean> {
		return this.#run(async () => {
			await turnOffCalendarAddress(userId);
			this.#token = null;
			this.#address = null;
			notices.success('calendar.turnedOff');
		});
	}

	async #run(action: () => Promise<void>): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = true;
		try {
			await action();
			this.#status = 'ready';
			return true;
		} catch (error) {
			notices.error(calendarMessageKey(error, this.#isOnline()));
			return false;
		} finally {
			this.#busy = false;
		}
	}
}
