// English messages of the yearly cycle: covenant; mirrors every key of covenant.vi.ts.
import type { messages as vi } from './covenant.vi';

export const messages = {
	'nav.covenant': 'Covenant'
} as const satisfies Record<keyof typeof vi, string>;
