// English messages of the yearly cycle: plan; mirrors every key of plan.vi.ts.
import type { messages as vi } from './plan.vi';

export const messages = {
	'nav.plan': 'Plans'
} as const satisfies Record<keyof typeof vi, string>;
