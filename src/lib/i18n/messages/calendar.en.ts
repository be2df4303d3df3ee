// English messages of the yearly cycle: calendar; mirrors every key of calendar.vi.ts.
import type { messages as vi } from './calendar.vi';

export const messages = {
	'nav.calendar': 'Calendar'
} as const satisfies Record<keyof typeof vi, string>;
