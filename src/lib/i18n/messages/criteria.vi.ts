// Vietnamese messages of scoring: criteria (keys start with `criteria.`); criteria.en.ts mirrors every key.
export const messages = {
	'nav.criteria': 'Tiêu chí'
} as const;
