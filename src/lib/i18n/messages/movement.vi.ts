// Vietnamese messages of the yearly cycle: movement (keys start with `movement.`); movement.en.ts mirrors every key.
export const messages = {
	'nav.movement': 'Phong trào'
} as const;
