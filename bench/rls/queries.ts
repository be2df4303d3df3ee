// The P8 queries, written the way PostgREST 12 sends them: the filter as bind parameters, the rows folded into one
// JSON body by its envelope (json_agg), RLS applied on top by Postgres. Lists target p95 ≤ 10 ms, counts ≤ 20 ms.
import type { Subject, Subjects } from './dataset';

export type RoleName = 'reporter' | 'unit_officer' | 'cluster_lead';
export type QueryKind = 'list' | 'aggregate';

export interface BenchQuery {
	/** Stable id, also the prepared statement's name. */
	id: string;
	role: RoleName;
	name: string;
	kind: QueryKind;
	targetMs: number;
	/** The PostgREST request this stands for. */
	request: string;
	subject: Subject;
	sql: string;
	params: unknown[];
}

export const TARGET_MS: Record<QueryKind, number> = { list: 10, aggregate: 20 };

/**
 * PostgREST's read envelope (src/PostgREST/Query/Statements.hs): the request's query becomes a CTE and the response
 * body is built in SQL, so serialising the rows is part of what the database does per request.
 */
function envelope(source: string): string {
	return `with pgrst_source as (${source})
select null::bigint as total_result_set, pg_catalog.count(_postgrest_t) as page_total,
       coalesce(json_agg(_postgrest_t), '[]') as body,
       nullif(current_setting('response.headers', true), '') as response_headers,
       nullif(current_setting('response.status', true), '') as response_status
from (select * from pgrst_source) _postgrest_t`;
}

function query(q: Omit<BenchQuery, 'targetMs'>): BenchQuery {
	return { ...q, targetMs: TARGET_MS[q.kind] };
}

export function reporterAndOfficerQueries(s: Subjects): BenchQuery[] {
	return [
		query({
			id: 'reporter_my_stories',
			role: 'reporter',
			name: 'my stories, newest 50',
			kind: 'list',
			request: 'GET /story?author_id=eq.<me>&order=updated_at.desc&limit=50',
			subject: s.reporter,
			sql: envelope(
				`select "public"."story".* from "public"."story" where "public"."story"."author_id" = $1
				 order by "public"."story"."updated_at" desc limit 50 offset 0`
			),
			params: [s.reporter.userId]
		}),
		query({
			id: 'officer_review_queue',
			role: 'unit_officer',
			name: 'review queue (submitted, oldest 50)',
			kind: 'list',
			request: 'GET /story?unit_id=eq.<unit>&status=eq.submitted&order=created_at&limit=50',
			subject: s.officer,
			sql: envelope(
				`select "public"."story".* from "public"."story"
				 where "public"."story"."unit_id" = $1 and "public"."story"."status" = 'submitted'
				 order by "public"."story"."created_at" asc limit 50 offset 0`
			),
			params: [s.officer.unitIds[0]]
		}),
		query({
			id: 'officer_count_by_status',
			role: 'unit_officer',
			name: "unit's stories by status (count)",
			kind: 'aggregate',
			request: 'GET /story?select=status,count()&unit_id=eq.<unit>',
			subject: s.officer,
			sql: envelope(
				`select "public"."story"."status", pg_catalog.count(*) as "count" from "public"."story"
				 where "public"."story"."unit_id" = $1 group by "public"."story"."status"`
			),
			params: [s.officer.unitIds[0]]
		})
	];
}

/** A cluster's stories are asked for by their units (`unit_id=in.(…)`): PostgREST sends that as `= any($1)`. */
export function clusterLeadQueries(s: Subjects): BenchQuery[] {
	const list = (id: string, subject: Subject, which: string): BenchQuery =>
		query({
			id,
			role: 'cluster_lead',
			name: `cluster's stories, newest 50 (${which})`,
			kind: 'list',
			request: 'GET /story?unit_id=in.(<cluster units>)&order=updated_at.desc&limit=50',
			subject,
			sql: envelope(
				`select "public"."story".* from "public"."story" where "public"."story"."unit_id" = any ($1::uuid[])
				 order by "public"."story"."updated_at" desc limit 50 offset 0`
			),
			params: [subject.unitIds]
		});
	return [
		list('lead_cluster_list_largest', s.leadLargest, 'largest cluster'),
		list('lead_cluster_list_typical', s.leadTypical, 'typical cluster'),
		list('lead_cluster_list_smallest', s.leadSmallest, 'smallest cluster'),
		query({
			id: 'lead_count_per_unit',
			role: 'cluster_lead',
			name: "cluster's stories per unit (count, largest)",
			kind: 'aggregate',
			request: 'GET /story?select=unit_id,count()&unit_id=in.(<cluster units>)',
			subject: s.leadLargest,
			sql: envelope(
				`select "public"."story"."unit_id", pg_catalog.count(*) as "count" from "public"."story"
				 where "public"."story"."unit_id" = any ($1::uuid[]) group by "public"."story"."unit_id"`
			),
			params: [s.leadLargest.unitIds]
		})
	];
}
