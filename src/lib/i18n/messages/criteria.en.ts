// English messages of scoring: criteria; mirrors every key of criteria.vi.ts.
import type { messages as vi } from './criteria.vi';

export const messages = {
	'nav.criteria': 'Criteria'
} as const satisfies Record<keyof typeof vi, string>;
