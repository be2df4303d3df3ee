// English messages of scoring: assessment; mirrors every key of assessment.vi.ts.
import type { messages as vi } from './assessment.vi';

export const messages = {
	'nav.assessment': 'Scoring'
} as const satisfies Record<keyof typeof vi, string>;
