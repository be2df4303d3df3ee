-- P8 bench data, made with set-based SQL so 100k stories load in seconds. Run as the superuser on a freshly seeded
-- local stack; everything is deterministic (setseed, md5-derived ids) so two runs measure the same rows.
--
-- Shape: 126 current units (the seed's current communes, wards and city departments, topped up with "bench-…"
-- communes and wards), the bench units grouped into clusters of 6 for the current year next to the seed's clusters,
-- one reporter and one unit officer per unit, a cluster lead per bench cluster, and 3 prolific reporters with 5,000
-- stories each in bench-001 and bench-002 (the same cluster) and bench-007: the worst cases for a "my stories" list, a
-- unit's review queue and a cluster's list. Memberships of the previous year are added too, so membership lookups
-- must filter on the year as they do in production.

select setseed(0.2026);

-- Bulk load without the story triggers (they stamp updated_at = now(), which would give every row the same
-- updated_at and make "order by updated_at" meaningless) and without FK checks; the bench ids are consistent.
set session_replication_role = replica;

insert into public.unit (id, code, name, kind, valid_from)
select md5('bench-unit:' || n)::uuid,
       'bench-' || lpad(n::text, 3, '0'),
       case when n % 2 = 0 then 'Phường Thử nghiệm ' else 'Xã Thử nghiệm ' end || lpad(n::text, 3, '0'),
       case when n % 2 = 0 then 'phuong' else 'xa' end,
       date '2025-07-01'
from generate_series(1, 126 - (select count(*) from public.unit where valid_to is null)::int) n;

do $$ begin
  if (select count(*) from public.unit where code like 'bench-%') < 12 then
    raise exception 'the seed has too many current units for the bench layout (needs 12 bench units)';
  end if;
end $$;

-- Current units in a fixed order (seed units first); the story generator spreads stories over them.
create temp table b_unit as
select row_number() over (order by (u.code like 'bench-%'), u.code)::int as ord, u.id, u.code
from public.unit u
where u.valid_to is null;

-- Bench unit n belongs to bench cluster (n - 1) / 6 + 1.
create temp table b_cluster as
select k, md5('bench-cluster:' || k)::uuid as id
from generate_series(1, ((select count(*) from public.unit where code like 'bench-%')::int + 5) / 6) k;

insert into public.cluster (id, year, name, head_unit_id, deputy_unit_id)
select c.id, private.current_year(), 'Cụm thi đua thử nghiệm số ' || c.k,
       md5('bench-unit:' || ((c.k - 1) * 6 + 1))::uuid, md5('bench-unit:' || ((c.k - 1) * 6 + 2))::uuid
from b_cluster c;

insert into public.cluster_member (cluster_id, unit_id)
select md5('bench-cluster:' || ((n - 1) / 6 + 1))::uuid, md5('bench-unit:' || n)::uuid
from generate_series(1, (select count(*) from public.unit where code like 'bench-%')::int) n;

-- People. One bcrypt hash (cost 4) for all: sign-in works for the HTTP measurement without 300 slow hashes.
create temp table b_user as
select md5('bench-user:reporter:' || ord)::uuid as id, 'reporter' as kind, ord as k from b_unit
union all select md5('bench-user:officer:' || ord)::uuid, 'unit_officer', ord from b_unit
union all select md5('bench-user:heavy:' || h)::uuid, 'heavy', h from generate_series(1, 3) h
union all select md5('bench-user:lead:' || k)::uuid, 'cluster_lead', k from b_cluster;

-- The prolific reporters' units.
create temp table b_heavy as
select h, md5('bench-user:heavy:' || h)::uuid as user_id, u.ord as unit_ord
from generate_series(1, 3) h
join b_unit u on u.code = (array['bench-001', 'bench-002', 'bench-007'])[h];

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', b.id, 'authenticated', 'authenticated',
       b.kind || '-' || b.k || '@bench.test', h.hash, now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb, '{}'::jsonb, now(), now()
from b_user b cross join (select extensions.crypt('Bench@2026', extensions.gen_salt('bf', 4)) as hash) h;

insert into public.membership (user_id, role, unit_id, year)
select b.id, case b.kind when 'heavy' then 'reporter' else b.kind end, u.id, y.year
from b_user b
join b_unit u on u.ord = case when b.kind = 'heavy' then (select unit_ord from b_heavy where h = b.k) else b.k end
cross join (values (private.current_year()), (private.current_year() - 1)) y (year)
where b.kind in ('reporter', 'unit_officer', 'heavy');

-- Leads name their cluster and no home unit (a home unit is optional, and it is not a read scope).
insert into public.membership (user_id, role, cluster_id, year)
select md5('bench-user:lead:' || c.k)::uuid, 'cluster_lead', c.id, private.current_year()
from b_cluster c;

-- 100,000 stories: 15,000 by the prolific reporters, 85,000 spread evenly over every unit's reporter. Created over
-- the last 16 months; recent ones are mostly still in review, older ones mostly published.
create temp table b_story as
select i,
       md5('bench-story:' || i)::uuid as id,
       u.id as unit_id,
       coalesce(h.user_id, md5('bench-user:reporter:' || u.ord)::uuid) as author_id,
       md5('bench-user:officer:' || u.ord)::uuid as officer_id,
       now() - (random() * interval '480 days') as created_at,
       random() as r
from generate_series(1, 100000) i
left join b_heavy h on i <= 15000 and h.h = (i - 1) / 5000 + 1
join b_unit u on u.ord = coalesce(h.unit_ord, i % (select count(*) from b_unit)::int + 1);

insert into public.story (id, unit_id, author_id, kind, title, body, subject_name, subject_kind, subject_is_minor,
                          occurred_on, address, consent_given_by, consent_method, consent_recorded_at,
                          consent_withdrawn_at, status, review_note, reviewed_by, reviewed_at, published_by,
                          published_at, revision, content_hash, client_created_at, created_at, updated_at)
select s.id, s.unit_id, s.author_id,
       case when s.i % 5 = 0 then 'exemplary_model' else 'good_deed' end,
       'Câu chuyện người tốt, việc tốt số ' || s.i,
       repeat('Bà con khu dân cư cùng nhau giúp đỡ gia đình có hoàn cảnh khó khăn, sửa nhà và góp gạo. ', 2 + s.i % 5),
       'Ông Nguyễn Văn ' || s.i, case when s.i % 7 = 0 then 'collective' else 'person' end, false,
       (s.created_at - (s.i % 30) * interval '1 day')::date,
       'Tổ dân phố ' || (s.i % 40 + 1),
       'Ông Nguyễn Văn ' || s.i, 'written', s.created_at,
       case when st.status = 'withdrawn' then s.created_at + interval '40 days' end,
       st.status,
       case when st.status in ('returned', 'rejected') then 'Cần bổ sung thông tin người được nêu gương.' end,
       case when st.status <> 'submitted' then s.officer_id end,
       case when st.status <> 'submitted' then s.created_at + interval '3 days' end,
       case when st.status in ('published', 'withdrawn') then 'aaaaaaaa-0000-4000-8000-000000000006'::uuid end,
       case when st.status in ('published', 'withdrawn') then s.created_at + interval '7 days' end,
       1 + s.i % 2,
       md5('content:' || s.i) || md5('hash:' || s.i),
       s.created_at - interval '5 minutes',
       s.created_at,
       least(now(), s.created_at + case when st.status = 'submitted' then interval '0' else interval '7 days' end
                                 + (s.i % 48) * interval '1 hour')
from b_story s
cross join lateral (
  select case
    when s.created_at > now() - interval '45 days' then
      case when s.r < 0.55 then 'submitted' when s.r < 0.75 then 'verified' when s.r < 0.82 then 'returned'
           when s.r < 0.85 then 'rejected' else 'published' end
    else
      case when s.r < 0.04 then 'submitted' when s.r < 0.12 then 'verified' when s.r < 0.16 then 'returned'
           when s.r < 0.21 then 'rejected' when s.r < 0.97 then 'published' else 'withdrawn' end
  end as status
) st;

-- Photos for 40 % of the stories (one each, a second for 10 %), paths as the sync engine writes them.
insert into public.story_photo (id, story_id, position, storage_path, thumb_path, content_type, width, height,
                                byte_size, sha256, caption)
select p.id, s.id, p.pos,
       s.unit_id || '/' || s.id || '/' || p.id || '.webp',
       s.unit_id || '/' || s.id || '/' || p.id || '-thumb.webp',
       'image/webp', 1600, 1200, 180000 + s.i % 200000, md5('photo:' || s.i || p.pos) || md5('sha:' || s.i || p.pos),
       case when p.pos = 0 then 'Ảnh ' || s.i end
from b_story s
cross join lateral (
  select pos, md5('bench-photo:' || s.i || ':' || pos)::uuid as id from generate_series(0, 1) pos
  where s.i % 10 < 4 and (pos = 0 or s.i % 10 = 0)
) p;

reset session_replication_role;
