-- Local-only bootstrap of what a Supabase project provides before the first migration runs: roles, the auth,
-- storage and extensions schemas, and their helper functions. It mirrors Supabase's own definitions
-- (supabase/postgres `migrations/db/init-scripts/`, supabase/auth `migrations/`, supabase/storage `migrations/tenant/`)
-- so that supabase/migrations run here exactly as on a hosted project. It must never go into supabase/migrations:
-- a real project already has all of this.

-- ---------------------------------------------------------------------------------------------------------------
-- Mirrors init-scripts/00000000000000-initial-schema.sql: publication, extensions schema, API roles, default grants.
create publication supabase_realtime;

create schema if not exists extensions;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;

create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
-- The local CLI uses "postgres" as the password of every login role.
create role authenticator login noinherit password 'postgres';
grant anon, authenticated, service_role to authenticator;

grant usage on schema public to postgres, anon, authenticated, service_role;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
-- Tables, functions and sequences that migrations create in public are reachable by the API roles, and RLS decides
-- which rows (Supabase's default; secure migrations revoke and grant back the minimum).
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
-- PostgREST (and the dev gateway) find extension functions such as gen_random_uuid() through this search path.
alter role authenticator set search_path = public, extensions;
alter role postgres set search_path = "$user", public, extensions;

-- ---------------------------------------------------------------------------------------------------------------
-- Mirrors init-scripts/00000000000001-auth-schema.sql plus supabase/auth's migrations up to 2024 (columns renamed and
-- added over time: email_confirmed_at, phone, confirmed_at generated, is_sso_user, deleted_at, is_anonymous).
create role supabase_auth_admin noinherit createrole login password 'postgres';
create schema auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;
alter role supabase_auth_admin set search_path = auth;
-- The dashboard role may read and manage users (hosted: postgres is granted all on auth tables).
grant all on schema auth to postgres;
-- Local only: GoTrue hashes in Go; the dev gateway hashes and verifies with pgcrypto's bcrypt instead.
grant usage on schema extensions to supabase_auth_admin;

set role supabase_auth_admin;

create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');

create table auth.users (
	instance_id uuid,
	id uuid not null primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255),
	confirmation_sent_at timestamptz,
	recovery_token varchar(255),
	recovery_sent_at timestamptz,
	email_change_token_new varchar(255),
	email_change varchar(255),
	email_change_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_super_admin boolean,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	phone_change text default '',
	phone_change_token varchar(255) default '',
	phone_change_sent_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	email_change_token_current varchar(255) default '',
	email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
	banned_until timestamptz,
	reauthentication_token varchar(255) default '',
	reauthentication_sent_at timestamptz,
	is_sso_user boolean not null default false,
	deleted_at timestamptz,
	is_anonymous boolean not null default false
);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
create index users_instance_id_idx on auth.users (instance_id);
-- GoTrue: one non-SSO account per email, case-insensitively.
create unique index users_email_partial_key on auth.users (email) where is_sso_user = false;
create index users_instance_id_email_idx on auth.users (instance_id, lower(email));

create table auth.identities (
	provider_id text not null,
	user_id uuid not null references auth.users (id) on delete cascade,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz,
	created_at timestamptz,
	updated_at timestamptz,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid not null default gen_random_uuid() primary key,
	constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index identities_user_id_idx on auth.identities (user_id);

create table auth.sessions (
	id uuid not null primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz,
	updated_at timestamptz,
	factor_id uuid,
	aal auth.aal_level,
	not_after timestamptz,
	refreshed_at timestamp,
	user_agent text,
	ip inet,
	tag text
);
create index sessions_user_id_idx on auth.sessions (user_id);

create table auth.refresh_tokens (
	instance_id uuid,
	id bigserial primary key,
	token varchar(255) unique,
	user_id varchar(255),
	revoked boolean,
	created_at timestamptz,
	updated_at timestamptz,
	parent varchar(255),
	session_id uuid references auth.sessions (id) on delete cascade
);
create index refresh_tokens_instance_id_user_id_idx on auth.refresh_tokens (instance_id, user_id);
create index refresh_tokens_parent_idx on auth.refresh_tokens (parent);
create index refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

-- Mirrors supabase/postgres's current auth.uid()/role()/email()/jwt(): PostgREST ≥ 9 sets request.jwt.claims (one
-- JSON setting); older versions set one request.jwt.claim.* setting per claim, which is still read first.
create function auth.uid() returns uuid language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;
create function auth.role() returns text language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;
create function auth.email() returns text language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;
create function auth.jwt() returns jsonb language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

reset role;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to public;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;

-- ---------------------------------------------------------------------------------------------------------------
-- Mirrors init-scripts/00000000000002-storage-schema.sql and supabase/storage's tenant migrations (buckets with size
-- and type limits, objects with owner_id, version, user_metadata). The storage server connects as
-- supabase_storage_admin for bucket settings and switches to the caller's role for every object query.
create role supabase_storage_admin noinherit createrole login password 'postgres';
create schema storage authorization supabase_storage_admin;
grant usage on schema storage to postgres, anon, authenticated, service_role;
alter role supabase_storage_admin set search_path = storage;

set role supabase_storage_admin;

create table storage.buckets (
	id text not null primary key,
	name text not null,
	owner uuid,
	created_at timestamptz default now(),
	updated_at timestamptz default now(),
	public boolean default false,
	avif_autodetection boolean default false,
	file_size_limit bigint,
	allowed_mime_types text[],
	owner_id text
);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';
create unique index bname on storage.buckets (name);
alter table storage.buckets enable row level security;

create table storage.objects (
	id uuid not null default gen_random_uuid() primary key,
	bucket_id text references storage.buckets (id),
	name text,
	owner uuid,
	created_at timestamptz default now(),
	updated_at timestamptz default now(),
	last_accessed_at timestamptz default now(),
	metadata jsonb,
	path_tokens text[] generated always as (string_to_array(name, '/')) stored,
	version text,
	owner_id text,
	user_metadata jsonb
);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';
create unique index bucketid_objname on storage.objects (bucket_id, name);
create index name_prefix_search on storage.objects (name text_pattern_ops);
alter table storage.objects enable row level security;

create function storage.foldername(name text) returns text[] language plpgsql immutable as $$
declare
	_parts text[];
begin
	select string_to_array(name, '/') into _parts;
	return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create function storage.filename(name text) returns text language plpgsql immutable as $$
declare
	_parts text[];
begin
	select string_to_array(name, '/') into _parts;
	return _parts[array_length(_parts, 1)];
end
$$;

create function storage.extension(name text) returns text language plpgsql immutable as $$
declare
	_parts text[];
	_filename text;
begin
	select string_to_array(name, '/') into _parts;
	select _parts[array_length(_parts, 1)] into _filename;
	return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

create function storage.update_updated_at_column() returns trigger language plpgsql as $$
begin
	new.updated_at = now();
	return new;
end;
$$;
create trigger update_objects_updated_at before update on storage.objects
	for each row execute function storage.update_updated_at_column();

reset role;
-- Supabase grants the API roles every table privilege on storage tables; RLS policies written by the project decide.
grant all on storage.buckets, storage.objects to anon, authenticated, service_role, postgres;
grant execute on all functions in schema storage to anon, authenticated, service_role, postgres;

-- ---------------------------------------------------------------------------------------------------------------
-- The role migrations run as. Hosted Supabase runs `supabase db push` as a demoted, non-superuser `postgres`
-- (supabase/postgres migrations/db/migrations/10000000000000_demote-postgres.sql and later grants), so a migration
-- that only works as a superuser (create extension, event triggers, owning or altering Supabase's own tables) fails
-- there. Locally the name `postgres` is taken by embedded-postgres's initdb superuser, which can never lose
-- superuser, so it plays hosted's `supabase_admin` and its demoted twin is called `hosted_postgres`. The stack pushes
-- the migrations as hosted_postgres; the seed (local data only, like `supabase db reset`) and the bootstrap stay
-- privileged.
create role hosted_postgres login password 'postgres' nosuperuser createdb createrole replication bypassrls;
alter role hosted_postgres set search_path = "$user", public, extensions;
grant all on database postgres to hosted_postgres;
-- Hosted: `postgres` creates and owns the project's objects in public (and may add schemas such as `private`).
grant all on schema public to hosted_postgres;
grant all on schema extensions to hosted_postgres;
grant all on all tables in schema extensions to hosted_postgres;
grant all on all sequences in schema extensions to hosted_postgres;
grant all on all routines in schema extensions to hosted_postgres;
-- Hosted: all privileges on auth's tables (references, triggers), but no CREATE in schema auth (20250421084701).
grant usage on schema auth to hosted_postgres;
grant all on all tables in schema auth to hosted_postgres;
grant all on all sequences in schema auth to hosted_postgres;
grant all on all routines in schema auth to hosted_postgres;
grant usage on schema storage to hosted_postgres with grant option;
grant all on storage.buckets, storage.objects to hosted_postgres with grant option;
grant execute on all functions in schema storage to hosted_postgres;
-- Hosted: `postgres` owns the supabase_realtime publication, so migrations may add their tables to it.
alter publication supabase_realtime owner to hosted_postgres;
-- Hosted (20250605172253): the API roles, with admin option so migrations may grant them onward.
grant anon, authenticated, service_role to hosted_postgres with admin option;
-- What migrations create in public is reachable by the API roles (hosted: the same defaults, set for `postgres`).
alter default privileges for role hosted_postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role hosted_postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role hosted_postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- Policies on storage.objects. Only a table's owner may create policies on it; hosted `postgres` is not the owner
-- (supabase_storage_admin is) and is no longer its member (20250421084701): the supautils extension's
-- `supautils.policy_grants` lets it manage policies on storage.objects anyway. Plain Postgres has no such hook, so
-- here hosted_postgres inherits supabase_storage_admin's ownership (but may not SET ROLE to it), and the event
-- triggers below refuse, for hosted_postgres, every other change to auth's and storage's objects — so a migration
-- that alters, indexes, comments on or drops Supabase's tables fails here as it would on a hosted project.
grant supabase_storage_admin to hosted_postgres with inherit true, set false;

create schema supautils;
comment on schema supautils is 'Local only: stands in for the supautils extension of hosted Supabase.';
revoke all on schema supautils from public;

create function supautils.refuse_provider_ddl() returns event_trigger
language plpgsql
set search_path = ''
as $$
declare
	cmd record;
begin
	if session_user <> 'hosted_postgres' then
		return;
	end if;
	for cmd in select * from pg_catalog.pg_event_trigger_ddl_commands() loop
		if cmd.schema_name in ('auth', 'storage')
			and cmd.command_tag not in ('CREATE POLICY', 'ALTER POLICY', 'CREATE TRIGGER', 'GRANT', 'REVOKE') then
			raise exception 'must be owner of %', cmd.object_identity using
				errcode = '42501',
				hint = 'Hosted Supabase lets migrations add policies and triggers to auth and storage tables, nothing more.';
		end if;
	end loop;
end
$$;

create function supautils.refuse_provider_drops() returns event_trigger
language plpgsql
set search_path = ''
as $$
declare
	dropped record;
begin
	if session_user <> 'hosted_postgres' then
		return;
	end if;
	for dropped in select * from pg_catalog.pg_event_trigger_dropped_objects() loop
		if dropped.schema_name in ('auth', 'storage') and dropped.object_type not in ('policy', 'trigger') then
			raise exception 'must be owner of %', dropped.object_identity using
				errcode = '42501',
				hint = 'Hosted Supabase lets migrations drop policies and triggers on auth and storage tables, nothing more.';
		end if;
	end loop;
end
$$;

create event trigger supautils_refuse_provider_ddl on ddl_command_end execute function supautils.refuse_provider_ddl();
create event trigger supautils_refuse_provider_drops on sql_drop execute function supautils.refuse_provider_drops();

-- Splinter (Supabase's database linter) checks only the schemas PostgREST exposes, read from this setting; without it
-- the security lints silently find nothing. Kept equal to the local PostgREST's db-schemas.
alter database postgres set pgrst.db_schemas = 'public';
