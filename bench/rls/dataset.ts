// Loads the P8 data set (dataset.sql) into a freshly seeded stack and finds the people the bench acts as: the worst
// realistic case of each role (the most prolific reporter, the officer of the largest unit, the lead of the largest
// cluster) plus a typical cluster lead, because the cheapest plan for "newest stories of a cluster" depends on size.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

export interface Subject {
	userId: string;
	/** Unit ids the person's queries filter on (the unit, or the cluster's units); empty for a reporter. */
	unitIds: string[];
	/** Rows behind the query, for the table: "5,000 own stories". */
	scope: string;
}

export interface Subjects {
	reporter: Subject;
	officer: Subject;
	leadLargest: Subject;
	leadTypical: Subject;
	leadSmallest: Subject;
}

export interface DatasetSummary {
	stories: number;
	storyPhotos: number;
	currentUnits: number;
	currentClusters: number;
	users: number;
	memberships: number;
	storyStatus: Record<string, number>;
	loadSeconds: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

async function one<T extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> {
	const { rows } = await client.query<T>(text, values);
	const row = rows[0];
	if (!row) throw new Error(`no row for: ${text}`);
	return row;
}

/** Runs dataset.sql, then VACUUM ANALYZE: the steady state autovacuum would reach (statistics, visibility map). */
export async function loadDataset(admin: pg.Client): Promise<DatasetSummary> {
	const started = performance.now();
	await admin.query(readFileSync(new URL('./dataset.sql', import.meta.url), 'utf8'));
	// VACUUM refuses to run inside the implicit transaction of a multi-statement query: its own call.
	await admin.query('vacuum analyze');
	const loadSeconds = (performance.now() - started) / 1000;
	const counts = await one<{
		stories: number;
		story_photos: number;
		current_units: number;
		current_clusters: number;
		users: number;
		memberships: number;
	}>(
		admin,
		`select (select count(*) from public.story)::int as stories,
		        (select count(*) from public.story_photo)::int as story_photos,
		        (select count(*) from public.unit where valid_to is null)::int as current_units,
		        (select count(*) from public.cluster where year = private.current_year())::int as current_clusters,
		        (select count(*) from auth.users)::int as users,
		        (select count(*) from public.membership)::int as memberships`
	);
	const { rows } = await admin.query<{ status: string; n: number }>(
		'select status, count(*)::int as n from public.story group by status order by n desc'
	);
	return {
		stories: counts.stories,
		storyPhotos: counts.story_photos,
		currentUnits: counts.current_units,
		currentClusters: counts.current_clusters,
		users: counts.users,
		memberships: counts.memberships,
		storyStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
		loadSeconds
	};
}

async function clusterLead(admin: pg.Client, clusterKey: string): Promise<Subject> {
	const row = await one<{ user_id: string; unit_ids: string[]; stories: number }>(
		admin,
		`select md5('bench-user:lead:' || $1)::uuid::text as user_id,
		        array_agg(cm.unit_id::text order by cm.unit_id) as unit_ids,
		        (select count(*) from public.story s
		          where s.unit_id in (select unit_id from public.cluster_member where cluster_id = cm.cluster_id))::int as stories
		 from public.cluster_member cm where cm.cluster_id = md5('bench-cluster:' || $1)::uuid
		 group by cm.cluster_id`,
		[clusterKey]
	);
	return {
		userId: row.user_id,
		unitIds: row.unit_ids,
		scope: `cluster of ${row.unit_ids.length} units, ${fmt(row.stories)} stories`
	};
}

async function smallestBenchCluster(admin: pg.Client): Promise<number> {
	const row = await one<{ k: number }>(
		admin,
		`select k from generate_series(1, 100) k
		 join public.cluster_member cm on cm.cluster_id = md5('bench-cluster:' || k)::uuid
		 join public.story s on s.unit_id = cm.unit_id
		 group by k order by count(*), k limit 1`
	);
	return row.k;
}

export async function findSubjects(admin: pg.Client): Promise<Subjects> {
	const reporter = await one<{ user_id: string; stories: number }>(
		admin,
		`select md5('bench-user:heavy:1')::uuid::text as user_id,
		        (select count(*) from public.story where author_id = md5('bench-user:heavy:1')::uuid)::int as stories`
	);
	const officer = await one<{ user_id: string; unit_id: string; stories: number; submitted: number }>(
		admin,
		`select m.user_id::text, m.unit_id::text,
		        (select count(*) from public.story s where s.unit_id = m.unit_id)::int as stories,
		        (select count(*) from public.story s where s.unit_id = m.unit_id and s.status = 'submitted')::int as submitted
		 from public.membership m
		 where m.role = 'unit_officer' and m.unit_id = md5('bench-unit:1')::uuid and m.year = private.current_year()`
	);
	return {
		reporter: { userId: reporter.user_id, unitIds: [], scope: `${fmt(reporter.stories)} own stories` },
		officer: {
			userId: officer.user_id,
			unitIds: [officer.unit_id],
			scope: `unit of ${fmt(officer.stories)} stories, ${fmt(officer.submitted)} submitted`
		},
		// Bench cluster 1 holds two prolific reporters' units; cluster 5 is six ordinary units; the last bench cluster
		// may be short of units. Small clusters matter: a plan that walks the newest stories of the whole city until it
		// has found 50 of the cluster's is fast for big clusters and slow for small ones.
		leadLargest: await clusterLead(admin, '1'),
		leadTypical: await clusterLead(admin, '5'),
		leadSmallest: await clusterLead(admin, String(await smallestBenchCluster(admin)))
	};
}

/** The lead's migration gives cluster leads a read scope through this helper; before it, they read no stories. */
export async function clusterScopeExists(admin: pg.Client): Promise<boolean> {
	const row = await one<{ exists: boolean }>(
		admin,
		`select to_regprocedure('private.my_cluster_unit_ids()') is not null as exists`
	);
	return row.exists;
}
