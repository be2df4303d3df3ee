// Vietnamese messages of the yearly cycle: calendar (keys start with `calendar.`); calendar.en.ts mirrors every key.
export const messages = {
	'nav.calendar': 'Lịch'
} as const;
