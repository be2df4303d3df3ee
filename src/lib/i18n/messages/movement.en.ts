// English messages of the yearly cycle: movement; mirrors every key of movement.vi.ts.
import type { messages as vi } from './movement.vi';

export const messages = {
	'nav.movement': 'Movements'
} as const satisfies Record<keyof typeof vi, string>;
