// The naive standings for P9: the same columns as public.standings, computed on every read from the score rows (the
// highest stage per criterion, penalties subtracted, group totals, rank() over the cluster, gap to the next total
// up) instead of read from the trigger-maintained unit_result. Two variants, created for the run and dropped after:
//   bench_naive_standings         security invoker, so the project's RLS on score applies to every score row read —
//                                 what an app computing standings on read would have to do;
//   bench_naive_standings_norls   the same aggregate owned by the superuser (no RLS on the rows it reads): the cost of
//                                 the aggregate alone, to tell it from the cost of RLS per score row.
// A filter on round_id reaches the score scan (it is a grouping column at every level) and one on cluster_id the window
// (its partition), so the naive plans are as good as Postgres can make them for this shape.
import type pg from 'pg';

function viewSql(name: string, securityInvoker: boolean): string {
	return `create view public.${name} with (security_invoker = ${securityInvoker}) as
select t.round_id, r.year, r.period, r.status = 'published' as official, r.published_at,
       d.number as decision_number, d.signed_on as decision_signed_on,
       cm.cluster_id, cl.name as cluster_name, t.unit_id, u.name as unit_name,
       t.total, t.self_total, t.group_totals, t.scored_criteria::int as scored_criteria,
       (rank() over (partition by t.round_id, cm.cluster_id order by t.total desc))::int as rank,
       null::int as previous_rank, null::int as rank_change,
       min(t.total) over (partition by t.round_id, cm.cluster_id order by t.total
                          range between 0.01 following and unbounded following) - t.total as gap_to_next,
       now() as updated_at
from (
  select g.round_id, g.unit_id, sum(g.pts) as total, sum(g.self_pts) as self_total, sum(g.n) as scored_criteria,
         jsonb_object_agg(g.group_code, g.pts) as group_totals
  from (
    select e.round_id, e.unit_id, e.group_code, sum(e.pts) as pts, coalesce(sum(e.self_pts), 0) as self_pts, count(*) as n
    from (
      select s.round_id, s.unit_id, cg.code as group_code,
             case c.kind when 'penalty' then -1 else 1 end
               * (array_agg(s.points order by case s.stage when 'city' then 1 when 'cluster' then 2 else 3 end))[1] as pts,
             case c.kind when 'penalty' then -1 else 1 end * max(s.points) filter (where s.stage = 'self') as self_pts
      from public.score s
      join public.criterion c on c.id = s.criterion_id
      join public.criterion_group cg on cg.id = c.group_id
      group by s.round_id, s.unit_id, cg.code, c.id, c.kind
    ) e
    group by e.round_id, e.unit_id, e.group_code
  ) g
  group by g.round_id, g.unit_id
) t
join public.assessment_round r on r.id = t.round_id
join public.cluster_member cm on cm.unit_id = t.unit_id and cm.year = r.year
join public.unit u on u.id = t.unit_id
join public.cluster cl on cl.id = cm.cluster_id
left join public.decision d on d.id = r.decision_id`;
}

export const NAIVE_VIEWS = { rls: 'bench_naive_standings', noRls: 'bench_naive_standings_norls' } as const;

export async function installNaiveViews(admin: pg.Client): Promise<void> {
	await admin.query(viewSql(NAIVE_VIEWS.rls, true));
	await admin.query(viewSql(NAIVE_VIEWS.noRls, false));
	for (const v of Object.values(NAIVE_VIEWS)) await admin.query(`grant select on public.${v} to authenticated`);
}

export async function dropNaiveViews(admin: pg.Client): Promise<void> {
	for (const v of Object.values(NAIVE_VIEWS)) await admin.query(`drop view if exists public.${v}`);
}
