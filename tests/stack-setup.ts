// vitest globalSetup for database tests: starts the embedded stack on test ports (unless SUPABASE_URL says one is
// already running, as under `npm test`) and hands its URLs and keys to the tests through env.
import { startStack, type Stack } from '../supabase/local/stack';

let stack: Stack | undefined;

export default async function setup(): Promise<() => Promise<void>> {
	if (!process.env.SUPABASE_URL) {
		// Test ports differ from `npm run stack`'s, so a developer's running stack does not collide.
		stack = await startStack({
			apiPort: Number(process.env.TEST_SUPABASE_API_PORT ?? 54331),
			dbPort: Number(process.env.TEST_SUPABASE_DB_PORT ?? 54332),
			quiet: true
		});
		process.env.SUPABASE_URL = stack.apiUrl;
		process.env.SUPABASE_ANON_KEY = stack.anonKey;
		process.env.SUPABASE_SERVICE_ROLE_KEY = stack.serviceRoleKey;
		process.env.SUPABASE_DB_URL = stack.dbUrl;
		process.env.SUPABASE_JWT_SECRET = stack.jwtSecret;
	}
	return async () => {
		await stack?.stop();
		stack = undefined;
	};
}
