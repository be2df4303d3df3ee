// The people of a load run, made with SQL as the P8 data set does (bench/rls/dataset.sql): reporters spread over many
// units (one membership each, this year) and cluster leads of this year's clusters, all with one cheap bcrypt hash
// (cost 4) so hundreds can sign in without the gateway spending seconds on hashes. Every email carries the run's tag,
// so a run's people, rows and objects can be found and removed again.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export const LOAD_PASSWORD = 'Load@2026';

export interface Reporter {
	email: string;
	userId: string;
	unitId: string;
}

export interface Lead {
	email: string;
	userId: string;
	clusterId: string;
}

export interface LoadPeople {
	tag: string;
	password: string;
	reporters: Reporter[];
	leads: Lead[];
}

/**
 * Current wards and communes, topped up with `load-…` ones to `atLeast` (a real city has ~126): stories then spread
 * over many units, as on deadline day. The seed's own units come first.
 */
export async function ensureLoadUnits(sql: pg.Client, atLeast = 0): Promise<string[]> {
	const current = async () =>
		(
			await sql.query<{ id: string }>(
				`select id from public.unit where valid_to is null and kind in ('phuong', 'xa') order by (code like 'load-%'), code`
			)
		).rows.map((r) => r.id);
	const have = await current();
	if (have.length >= atLeast) return have;
	await sql.query(
		`insert into public.unit (id, code, name, kind, valid_from)
		 select md5('load-unit:' || n)::uuid, 'load-' || lpad(n::text, 3, '0'),
		        case when n % 2 = 0 then 'Phường Tải thử ' else 'Xã Tải thử ' end || lpad(n::text, 3, '0'),
		        case when n % 2 = 0 then 'phuong' else 'xa' end, date '2025-07-01'
		 from generate_series(1, $1::int) n
		 on conflict do nothing`,
		[atLeast - have.length]
	);
	return current();
}

export async function createLoadPeople(
	sql: pg.Client,
	o: { reporters: number; leads: number; unitIds: string[] }
): Promise<LoadPeople> {
	if (o.unitIds.length === 0) throw new Error('no current units to give the reporters');
	const tag = randomUUID().slice(0, 8);
	const reporters: Reporter[] = Array.from({ length: o.reporters }, (_, i) => ({
		email: `load-${tag}-reporter-${i}@bench.test`,
		userId: randomUUID(),
		unitId: o.unitIds[i % o.unitIds.length]!
	}));
	const { rows: clusters } = await sql.query<{ id: string }>(
		'select id from public.cluster where year = private.current_year() order by name'
	);
	if (o.leads > 0 && clusters.length === 0) throw new Error('no clusters this year for the cluster leads');
	const leads: Lead[] = Array.from({ length: o.leads }, (_, i) => ({
		email: `load-${tag}-lead-${i}@bench.test`,
		userId: randomUUID(),
		clusterId: clusters[i % clusters.length]!.id
	}));
	const everyone = [...reporters, ...leads];
	await sql.query(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		                         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email, h.hash, now(),
		        '{"provider": "email", "providers": ["email"]}'::jsonb, '{}'::jsonb, now(), now()
		 from unnest($1::uuid[], $2::text[]) u (id, email)
		 cross join (select extensions.crypt($3, extensions.gen_salt('bf', 4)) as hash) h`,
		[everyone.map((p) => p.userId), everyone.map((p) => p.email), LOAD_PASSWORD]
	);
	await sql.query(
		`insert into public.profile (user_id, full_name)
		 select id, 'Tải thử ' || n from unnest($1::uuid[]) with ordinality u (id, n)`,
		[everyone.map((p) => p.userId)]
	);
	await sql.query(
		`insert into public.membership (user_id, role, unit_id, year)
		 select u, 'reporter', unit, private.current_year() from unnest($1::uuid[], $2::uuid[]) m (u, unit)`,
		[reporters.map((r) => r.userId), reporters.map((r) => r.unitId)]
	);
	await sql.query(
		`insert into public.membership (user_id, role, cluster_id, year)
		 select u, 'cluster_lead', c, private.current_year() from unnest($1::uuid[], $2::uuid[]) m (u, c)`,
		[leads.map((l) => l.userId), leads.map((l) => l.clusterId)]
	);
	return { tag, password: LOAD_PASSWORD, reporters, leads };
}

/**
 * Removes the run's rows and accounts (stories cascade to their photo rows). Objects go first, through Storage, so
 * their files go too: `removeObjects` is given the names.
 */
export async function removeLoadPeople(
	sql: pg.Client,
	people: LoadPeople,
	removeObjects: (names: string[]) => Promise<void>
): Promise<void> {
	const ids = [...people.reporters, ...people.leads].map((p) => p.userId);
	const { rows } = await sql.query<{ name: string }>(
		`select name from storage.objects where owner_id = any($1::text[])`,
		[ids]
	);
	if (rows.length > 0) await removeObjects(rows.map((r) => r.name));
	await sql.query('delete from public.story where author_id = any($1::uuid[])', [ids]);
	await sql.query('delete from public.membership where user_id = any($1::uuid[])', [ids]);
	await sql.query('delete from public.profile where user_id = any($1::uuid[])', [ids]);
	await sql.query('delete from auth.users where id = any($1::uuid[])', [ids]);
}
