// Vietnamese messages of the yearly cycle: covenant (keys start with `covenant.`); covenant.en.ts mirrors every key.
export const messages = {
	'nav.covenant': 'Giao ước'
} as const;
