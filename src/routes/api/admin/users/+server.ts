// POST /api/admin/users: a city admin creates an account with its first role. The caller's own access token
// (Authorization: Bearer) is what the database checks; the service key never leaves $lib/server.
import { json, type RequestHandler } from '@sveltejs/kit';
import { env as privateEnv } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';
import { createAccount } from '$lib/server/admin-users';
import { newAccountSchema } from '$lib/ui/admin/role-scope';

export const POST: RequestHandler = async ({ request }) => {
	const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
	if (!token) return json({ messageKey: 'error.unauthorized' }, { status: 401 });

	const parsed = newAccountSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
		return json({ messageKey: 'admin.error.invalid', detail }, { status: 400 });
	}

	const url = publicEnv.PUBLIC_SUPABASE_URL;
	const anonKey = publicEnv.PUBLIC_SUPABASE_ANON_KEY;
	if (!url || !anonKey) return json({ messageKey: 'admin.people.serverNotConfigured' }, { status: 503 });

	const result = await createAccount({ url, anonKey, serviceRoleKey: privateEnv.SUPABASE_SERVICE_ROLE_KEY }, token, parsed.data);
	if (!result.ok) return json({ messageKey: result.messageKey, detail: result.detail }, { status: result.status });
	return json({ userId: result.userId }, { status: 201 });
};
