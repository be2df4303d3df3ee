// English messages of scoring: standings; mirrors every key of standings.vi.ts.
import type { messages as vi } from './standings.vi';

export const messages = {
	'nav.standings': 'Standings'
} as const satisfies Record<keyof typeof vi, string>;
