// The naive way, for the ratio: the same read rules on `story` written as a first attempt often writes them, swapped
// into the same database so the data, statistics and cache are identical, then swapped back. Naive means:
//  - `auth.uid()` called bare, so it is evaluated per row instead of once per query as `(select auth.uid())`;
//  - membership looked up per row with the pattern Supabase's RLS guide shows as the slow one,
//    `auth.uid() in (select user_id from membership where unit_id = story.unit_id …)`: correlated on the story row,
//    so Postgres runs it once per row (and under membership's own RLS) instead of once into a hashed set, as the
//    `security definer` helpers are. (A correlated EXISTS keyed on the user would not do: Postgres 17 rewrites it
//    into a hashed set by itself, which measured only 1–6× slower.)
//  - no helper indexes on the policy's lookup columns (membership by user, cluster_member by unit, leader
//    assignments by user). The story table keeps its indexes: the queries' own filters need them either way.
import type pg from 'pg';

const CURRENT_YEAR = `extract(year from (now() at time zone 'Asia/Ho_Chi_Minh'))::int`;

/** The helper indexes the naive variant goes without (only those that exist are dropped). */
const HELPER_INDEXES = ['membership_user_id_year_idx', 'cluster_member_unit_id_idx', 'cluster_leader_assignment_user_id_idx'];

export const NAIVE_POLICY_NAME = 'bench: stories readable (naive)';

function naivePolicySql(withClusterScope: boolean): string {
	const clusterScope = withClusterScope
		? `
    or auth.uid() in (select m.user_id from public.membership m
                      join public.cluster c on c.id = m.cluster_id
                      join public.cluster_member cm on cm.cluster_id = c.id
                      where cm.unit_id = story.unit_id and m.role = 'cluster_lead'
                        and c.year = ${CURRENT_YEAR} and m.year = c.year)
    or auth.uid() in (select a.user_id from public.cluster_leader_assignment a
                      join public.cluster c on c.id = a.cluster_id
                      join public.cluster_member cm on cm.cluster_id = c.id
                      join public.membership m on m.user_id = a.user_id and m.role = 'city_leader' and m.year = c.year
                      where cm.unit_id = story.unit_id and c.year = ${CURRENT_YEAR})`
		: '';
	return `create policy "${NAIVE_POLICY_NAME}" on public.story for select to authenticated using (
    author_id = auth.uid()
    or status = 'published'
    or auth.uid() in (select m.user_id from public.membership m
                      where m.unit_id = story.unit_id and m.role = 'unit_officer' and m.year = ${CURRENT_YEAR})${clusterScope}
    or exists (select 1 from public.membership m
               where m.user_id = auth.uid() and m.role = 'city_admin' and m.year = ${CURRENT_YEAR})
  )`;
}

interface SavedPolicy {
	name: string;
	permissive: string;
	roles: string[];
	qual: string;
}

interface SavedIndex {
	name: string;
	definition: string;
}

export interface SavedPolicies {
	policies: SavedPolicy[];
	indexes: SavedIndex[];
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function snapshot(admin: pg.Client): Promise<SavedPolicies> {
	const policies = await admin.query<SavedPolicy>(
		`select policyname as name, permissive, roles::text[] as roles, qual from pg_policies
		 where schemaname = 'public' and tablename = 'story' and cmd = 'SELECT' and 'authenticated' = any (roles)
		 order by policyname`
	);
	const indexes = await admin.query<SavedIndex>(
		`select indexname as name, indexdef as definition from pg_indexes
		 where schemaname = 'public' and indexname = any ($1) order by indexname`,
		[HELPER_INDEXES]
	);
	return { policies: policies.rows, indexes: indexes.rows };
}

/** Replaces the signed-in read policies of `story` by the naive one, in one transaction; returns what to restore. */
export async function installNaive(admin: pg.Client, withClusterScope: boolean): Promise<SavedPolicies> {
	const saved = await snapshot(admin);
	if (saved.policies.length === 0) throw new Error('no select policy for authenticated on public.story');
	await admin.query('begin');
	try {
		for (const p of saved.policies) await admin.query(`drop policy ${quoteIdent(p.name)} on public.story`);
		for (const i of saved.indexes) await admin.query(`drop index public.${quoteIdent(i.name)}`);
		await admin.query(naivePolicySql(withClusterScope));
		await admin.query('commit');
	} catch (error) {
		await admin.query('rollback');
		throw error;
	}
	// Fresh statistics and plans for the tables whose indexes changed.
	await admin.query('analyze public.membership, public.cluster_member');
	return saved;
}

/** Puts the project's policies and indexes back exactly, and checks that they are. */
export async function restorePolicies(admin: pg.Client, saved: SavedPolicies): Promise<void> {
	await admin.query('begin');
	try {
		await admin.query(`drop policy if exists ${quoteIdent(NAIVE_POLICY_NAME)} on public.story`);
		for (const p of saved.policies) {
			const roles = p.roles.map(quoteIdent).join(', ');
			const as = p.permissive === 'PERMISSIVE' ? 'permissive' : 'restrictive';
			await admin.query(
				`create policy ${quoteIdent(p.name)} on public.story as ${as} for select to ${roles} using (${p.qual})`
			);
		}
		for (const i of saved.indexes) await admin.query(`${i.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')}`);
		await admin.query('commit');
	} catch (error) {
		await admin.query('rollback');
		throw error;
	}
	await admin.query('analyze public.membership, public.cluster_member');
	const now = await snapshot(admin);
	if (JSON.stringify(now) !== JSON.stringify(saved)) {
		throw new Error('restoring the project policies did not give back the same policies and indexes');
	}
}
