// What every gateway route needs: settings, API keys and the database pools, each connected as the role the real
// Supabase service uses (GoTrue as supabase_auth_admin, Storage as authenticator + supabase_storage_admin).
import pg from 'pg';
import { createUploadAdmission, maxUploadsFromEnv, type UploadAdmission } from './upload-admission';

export interface GatewaySettings {
	apiUrl: string;
	port: number;
	dbPort: number;
	postgrestUrl: string;
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
	storageDir: string;
	/** Access-token lifetime in seconds (GoTrue's JWT_EXP). */
	accessTokenTtl: number;
	/** Uploads in flight before new ones get 503 + Retry-After (default GATEWAY_MAX_UPLOADS or 256). */
	maxUploads?: number;
}

export interface GatewayContext extends GatewaySettings {
	authDb: pg.Pool;
	storageDb: pg.Pool;
	storageAdminDb: pg.Pool;
	uploads: UploadAdmission;
}

/** Connections per gateway pool (auth, storage as caller, storage admin); GATEWAY_DB_POOL for load experiments. */
export function gatewayPoolSize(env: NodeJS.ProcessEnv = process.env): number {
	const size = Number(env.GATEWAY_DB_POOL || 5);
	if (!Number.isInteger(size) || size < 1) throw new Error(`GATEWAY_DB_POOL=${env.GATEWAY_DB_POOL} is not a positive whole number`);
	return size;
}

function pool(user: string, dbPort: number): pg.Pool {
	const created = new pg.Pool({
		connectionString: `postgresql://${user}:postgres@127.0.0.1:${dbPort}/postgres`,
		max: gatewayPoolSize(),
		idleTimeoutMillis: 10000
	});
	// An idle client losing its connection (Postgres stopping) must not crash the process.
	created.on('error', () => undefined);
	return created;
}

export function createContext(settings: GatewaySettings): GatewayContext {
	return {
		...settings,
		authDb: pool('supabase_auth_admin', settings.dbPort),
		storageDb: pool('authenticator', settings.dbPort),
		storageAdminDb: pool('supabase_storage_admin', settings.dbPort),
		uploads: createUploadAdmission(settings.maxUploads ?? maxUploadsFromEnv())
	};
}

export async function closeContext(ctx: GatewayContext): Promise<void> {
	await Promise.all([ctx.authDb.end(), ctx.storageDb.end(), ctx.storageAdminDb.end()]);
}
