// Vietnamese messages of scoring: standings (keys start with `standings.`); standings.en.ts mirrors every key.
export const messages = {
	'nav.standings': 'Xếp hạng'
} as const;
