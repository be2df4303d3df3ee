// auth.users rows and their JSON as GoTrue returns it (models.User): reading, creating and changing users.
// Passwords are bcrypt `$2a$` hashes from pgcrypto, the same format GoTrue writes, so seeded users can sign in.
import type pg from 'pg';
import type { JsonObject } from './http';

export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	phone: string | null;
	email_confirmed_at: Date | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: JsonObject | null;
	raw_user_meta_data: JsonObject | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	is_anonymous: boolean;
	identities: JsonObject[];
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

const USER_COLUMNS = `u.id, u.aud, u.role, u.email, u.phone, u.email_confirmed_at, u.phone_confirmed_at, u.confirmed_at,
	u.last_sign_in_at, u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at, u.banned_until,
	u.is_anonymous,
	coalesce((select jsonb_agg(jsonb_build_object(
		'identity_id', i.id, 'id', i.provider_id, 'user_id', i.user_id, 'identity_data', i.identity_data,
		'provider', i.provider, 'last_sign_in_at', i.last_sign_in_at, 'created_at', i.created_at,
		'updated_at', i.updated_at, 'email', i.email) order by i.created_at)
	from auth.identities i where i.user_id = u.id), '[]'::jsonb) as identities`;

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
	const { rows } = await db.query<UserRow>(
		`select ${USER_COLUMNS} from auth.users u where u.id = $1 and u.deleted_at is null`,
		[id]
	);
	return rows[0];
}

/** The user whose email and password match, or undefined; unknown email and wrong password look the same. */
export async function findUserByPassword(db: Queryable, email: string, password: string): Promise<UserRow | undefined> {
	const { rows } = await db.query<UserRow>(
		`select ${USER_COLUMNS} from auth.users u
		 where lower(u.email) = lower($1) and u.deleted_at is null and u.encrypted_password is not null
		   and u.encrypted_password = extensions.crypt($2, u.encrypted_password)`,
		[email, password]
	);
	return rows[0];
}

export function userJson(user: UserRow): JsonObject {
	return {
		id: user.id,
		aud: user.aud ?? '',
		role: user.role ?? '',
		email: user.email ?? '',
		email_confirmed_at: user.email_confirmed_at ?? undefined,
		phone: user.phone ?? '',
		phone_confirmed_at: user.phone_confirmed_at ?? undefined,
		confirmed_at: user.confirmed_at ?? undefined,
		last_sign_in_at: user.last_sign_in_at ?? undefined,
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: user.identities,
		created_at: user.created_at,
		updated_at: user.updated_at,
		banned_until: user.banned_until ?? undefined,
		is_anonymous: user.is_anonymous
	};
}

export function isValidEmail(email: unknown): email is string {
	return typeof email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 255;
}

export interface NewUser {
	email: string;
	password?: string;
	emailConfirmed: boolean;
	userMetadata: JsonObject;
	appMetadata: JsonObject;
}

/** Inserts the user and its email identity in one statement; a duplicate email surfaces as Postgres error 23505. */
export async function insertUser(db: Queryable, user: NewUser): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`with new_user as (
			insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
				raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_super_admin,
				confirmation_token, recovery_token, email_change_token_new, email_change)
			values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', lower($1),
				case when $2::text is null then null else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
				case when $3::boolean then now() end, $4, $5, now(), now(), false, '', '', '', '')
			returning id, email
		)
		insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
		select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', $3::boolean,
			'phone_verified', false), 'email', now(), now(), now()
		from new_user
		returning user_id as id`,
		[user.email, user.password ?? null, user.emailConfirmed, user.appMetadata, user.userMetadata]
	);
	return rows[0]!.id;
}

export interface UserChanges {
	email?: string;
	password?: string;
	/** Merged into the existing metadata key by key, as GoTrue does; a null value removes the key. */
	userMetadata?: JsonObject;
	appMetadata?: JsonObject;
	emailConfirmed?: boolean;
	bannedUntil?: Date | null;
}

/** The top-level keys of a jsonb parameter whose value is null: those keys are removed. */
const NULL_KEYS = (param: string): string =>
	`array(select key from jsonb_each(${param}::jsonb) where value = 'null'::jsonb)`;

export async function updateUser(db: Queryable, id: string, changes: UserChanges): Promise<void> {
	await db.query(
		`update auth.users set
			email = coalesce(lower($2), email),
			encrypted_password = case when $3::text is null then encrypted_password
				else extensions.crypt($3, extensions.gen_salt('bf', 10)) end,
			raw_user_meta_data = case when $4::jsonb is null then raw_user_meta_data
				else (coalesce(raw_user_meta_data, '{}') || $4::jsonb) - ${NULL_KEYS('$4')} end,
			raw_app_meta_data = case when $5::jsonb is null then raw_app_meta_data
				else (coalesce(raw_app_meta_data, '{}') || $5::jsonb) - ${NULL_KEYS('$5')} end,
			email_confirmed_at = case when $6::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
			banned_until = case when $7 then $8::timestamptz else banned_until end,
			updated_at = now()
		 where id = $1`,
		[
			id,
			changes.email ?? null,
			changes.password ?? null,
			changes.userMetadata ?? null,
			changes.appMetadata ?? null,
			changes.emailConfirmed ?? false,
			changes.bannedUntil !== undefined,
			changes.bannedUntil ?? null
		]
	);
	if (changes.email) {
		await db.query(
			`update auth.identities set identity_data = identity_data || jsonb_build_object('email', lower($2::text)),
				updated_at = now() where user_id = $1 and provider = 'email'`,
			[id, changes.email]
		);
	}
}

/** True when the password equals the user's current one (GoTrue refuses such a change). */
export async function isCurrentPassword(db: Queryable, id: string, password: string): Promise<boolean> {
	const { rows } = await db.query(
		`select 1 from auth.users where id = $1 and encrypted_password = extensions.crypt($2, encrypted_password)`,
		[id, password]
	);
	return rows.length > 0;
}
