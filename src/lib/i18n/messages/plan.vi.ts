// Vietnamese messages of the yearly cycle: plan (keys start with `plan.`); plan.en.ts mirrors every key.
export const messages = {
	'nav.plan': 'Kế hoạch'
} as const;
