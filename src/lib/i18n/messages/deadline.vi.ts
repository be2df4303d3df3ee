// Vietnamese messages of the yearly cycle: deadline (keys start with `deadline.`); deadline.en.ts mirrors every key.
export const messages = {
	'nav.deadline': 'Tiến độ'
} as const;
