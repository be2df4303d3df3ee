-- P9 bench data, on top of the P8 data set (bench/rls/dataset.sql: 126 current units, their people, 100k stories).
-- Run as the superuser on that database; deterministic (md5-derived values) so two runs measure the same rows.
--
-- Shape: every current unit in a cluster of this year — the bench units regrouped into clusters of 10–11 (P8 made
-- clusters of 6; P8's cluster ids 1–11 and their leads are kept, the rest removed), the seed's three small clusters as
-- they are, the city departments in a cluster of their own; this year's criteria set topped up to 30 criteria (28 base,
-- one bonus, one penalty); the open year-end round scored at all three stages for every unit and criterion (the
-- cluster differs from the unit on about one criterion in five, the city from the cluster on one in ten, each time
-- with a reason). Rows go in with triggers off; the results are then computed once per unit by the same function the
-- triggers call (private.recompute_unit_result), so unit_result holds what live scoring would have left there.

set session_replication_role = replica;

create temp table p9_bench_unit as
select row_number() over (order by u.code)::int as n, u.id
from public.unit u
where u.code like 'bench-%' and u.valid_to is null;

-- 11 clusters of 10–11 bench units: unit n joins cluster (n − 1) % 11 + 1, whose head is unit k and deputy unit k + 11.
create temp table p9_cluster as
select k, md5('bench-cluster:' || k)::uuid as id from generate_series(1, 11) k;

delete from public.membership m
where m.role = 'cluster_lead'
  and m.cluster_id in (select c.id from public.cluster c where c.name like 'Cụm thi đua thử nghiệm số %')
  and m.cluster_id not in (select id from p9_cluster);
delete from public.cluster_member
where cluster_id in (select c.id from public.cluster c where c.name like 'Cụm thi đua thử nghiệm số %');
delete from public.cluster_leader_assignment
where cluster_id in (select c.id from public.cluster c where c.name like 'Cụm thi đua thử nghiệm số %')
  and cluster_id not in (select id from p9_cluster);
delete from public.cluster
where name like 'Cụm thi đua thử nghiệm số %' and id not in (select id from p9_cluster);

update public.cluster c
set head_unit_id = (select id from p9_bench_unit where n = p.k),
    deputy_unit_id = (select id from p9_bench_unit where n = p.k + 11)
from p9_cluster p where c.id = p.id;

-- (Triggers are off: the year is written here, as cluster_member_set_year would.)
insert into public.cluster_member (cluster_id, unit_id, year)
select md5('bench-cluster:' || ((b.n - 1) % 11 + 1))::uuid, b.id, private.current_year()
from p9_bench_unit b;

-- The city departments (các Ban, Văn phòng) in a cluster of their own.
insert into public.cluster (id, year, name, head_unit_id)
select md5('bench-cluster:departments')::uuid, private.current_year(), 'Cụm thi đua các Ban, Văn phòng',
       (select id from public.unit where kind = 'ban_thanh_pho' and valid_to is null order by code limit 1);
insert into public.cluster_member (cluster_id, unit_id, year)
select md5('bench-cluster:departments')::uuid, u.id, private.current_year()
from public.unit u
where u.kind = 'ban_thanh_pho' and u.valid_to is null
  and u.id not in (select unit_id from public.cluster_member where year = private.current_year());

-- 30 criteria: the seed's 11 (9 base, 1 bonus, 1 penalty) and 19 more base criteria of 10 points in groups A–D.
insert into public.criterion (id, criteria_set_id, group_id, code, name, guidance, kind, max_points, position)
select md5('bench-criterion:' || x.code)::uuid, s.id, g.id, x.code,
       'Tiêu chí thử nghiệm ' || x.code, 'Minh chứng theo hướng dẫn của Thành phố.', 'base', 10, 100 + x.pos
from public.criteria_set s
join lateral (
  select grp || i as code, grp, row_number() over (order by grp, i) as pos
  from (values ('A', 3, 8), ('B', 4, 9), ('C', 3, 6), ('D', 3, 5)) as r (grp, lo, hi), generate_series(lo, hi) i
) x on true
join public.criterion_group g on g.criteria_set_id = s.id and g.code = x.grp
where s.year = private.current_year();

-- The open year-end round, scored afresh at every stage.
create temp table p9_round as
select r.id, r.criteria_set_id from public.assessment_round r
where r.year = private.current_year() and r.status = 'open';

delete from public.score_history where round_id in (select id from p9_round);
delete from public.evidence where round_id in (select id from p9_round);
delete from public.score where round_id in (select id from p9_round);
delete from public.unit_result where round_id in (select id from p9_round);

create temp table p9_self as
select r.id as round_id, cm.unit_id, c.id as criterion_id, c.code, c.kind, c.max_points,
       get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 0) as b0,
       get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 1) as b1,
       case c.kind
         when 'base' then round(c.max_points * (0.6 + (get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 0) % 41) / 100.0) * 2) / 2
         when 'bonus' then (get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 0) % 6)::numeric
         else (get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 0) % 3)::numeric
       end as points
from p9_round r
join public.criterion c on c.criteria_set_id = r.criteria_set_id
join public.cluster_member cm on cm.year = private.current_year();

insert into public.score (round_id, unit_id, criterion_id, stage, points, reason, scored_at)
select round_id, unit_id, criterion_id, 'self', points, null, now() - interval '10 days' from p9_self;

create temp table p9_cluster_score as
select s.*, case when s.b1 % 5 = 0 then greatest(s.points - 1, 0) else s.points end as cluster_points
from p9_self s;
insert into public.score (round_id, unit_id, criterion_id, stage, points, reason, scored_at)
select round_id, unit_id, criterion_id, 'cluster', cluster_points,
       case when cluster_points <> points then 'Minh chứng chưa đầy đủ cho tiêu chí ' || code || '.' end,
       now() - interval '5 days'
from p9_cluster_score;

insert into public.score (round_id, unit_id, criterion_id, stage, points, reason, scored_at)
select round_id, unit_id, criterion_id, 'city', city_points,
       case when city_points <> cluster_points then 'Thành phố thẩm định lại tiêu chí ' || code || '.' end,
       now() - interval '1 day'
from (select c.*, case when c.b1 % 10 = 3 then least(c.cluster_points + 0.5, c.max_points) else c.cluster_points end as city_points
      from p9_cluster_score c) x;

reset session_replication_role;

-- Results as the triggers keep them: one recompute per unit (each re-ranks its cluster).
select private.recompute_unit_result(r.id, cm.unit_id)
from p9_round r
join public.cluster_member cm on cm.year = private.current_year()
order by cm.cluster_id, cm.unit_id;
