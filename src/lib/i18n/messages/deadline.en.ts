// English messages of the yearly cycle: deadline; mirrors every key of deadline.vi.ts.
import type { messages as vi } from './deadline.vi';

export const messages = {
	'nav.deadline': 'Deadlines'
} as const satisfies Record<keyof typeof vi, string>;
