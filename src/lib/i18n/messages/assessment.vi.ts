// Vietnamese messages of scoring: assessment (keys start with `assessment.`); assessment.en.ts mirrors every key.
export const messages = {
	'nav.assessment': 'Chấm điểm'
} as const;
