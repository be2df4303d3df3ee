// Vietnamese messages of the yearly cycle: registration (keys start with `registration.`); registration.en.ts mirrors every key.
export const messages = {
	'nav.registration': 'Đăng ký thi đua'
} as const;
