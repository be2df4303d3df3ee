// The local JWT secret and the anon / service-role API keys, as the Supabase CLI hands them out. With the well-known
// default secret the keys are byte-for-byte the CLI's demo keys, so snippets and tools written for `supabase start` work.
import { SignJWT } from 'jose';

export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
/** The expiry the CLI's demo keys carry (2032-11-12). */
const DEMO_KEY_EXPIRY = 1983812996;

export interface ApiKeys {
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
}

/** Signs `{iss, role, exp}` in the CLI's claim order, which reproduces its demo keys exactly for the default secret. */
async function signApiKey(role: 'anon' | 'service_role', secret: string): Promise<string> {
	return new SignJWT({ iss: 'supabase-demo', role, exp: DEMO_KEY_EXPIRY })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(secret));
}

export async function loadApiKeys(env: NodeJS.ProcessEnv = process.env): Promise<ApiKeys> {
	const jwtSecret = env.SUPABASE_JWT_SECRET || DEFAULT_JWT_SECRET;
	if (jwtSecret.length < 32) throw new Error('SUPABASE_JWT_SECRET must be at least 32 characters long');
	const [anonKey, serviceRoleKey] = await Promise.all([
		signApiKey('anon', jwtSecret),
		signApiKey('service_role', jwtSecret)
	]);
	return { jwtSecret, anonKey, serviceRoleKey };
}
