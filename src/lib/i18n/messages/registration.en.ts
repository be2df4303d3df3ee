// English messages of the yearly cycle: registration; mirrors every key of registration.vi.ts.
import type { messages as vi } from './registration.vi';

export const messages = {
	'nav.registration': 'Registration'
} as const satisfies Record<keyof typeof vi, string>;
