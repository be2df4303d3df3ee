-- The organisation survives reforms: unit lineage (merged / split / renamed, with the effective date), city
-- leaders assigned to clusters (the plan's "Phân công"), cluster leads with their home unit, every role's read scope
-- on stories, and the conflict-of-interest rule (a unit never scores or appraises itself) as one helper.

-- ---------------------------------------------------------------------------------------------------------------
-- Lineage: `from_unit` became (wholly or partly) `to_unit` on `effective_on`. A merge is several edges into one unit,
-- a split several edges out of one; a ward formed from parts of two districts is both.
create table public.unit_lineage (
  id uuid primary key default gen_random_uuid(),
  from_unit_id uuid not null references public.unit (id),
  to_unit_id uuid not null references public.unit (id),
  change text not null check (change in ('merge', 'split', 'rename', 'reorganise')),
  effective_on date not null,
  note text check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  check (from_unit_id <> to_unit_id),
  unique (from_unit_id, to_unit_id)
);
comment on table public.unit_lineage is 'Lịch sử sắp xếp đơn vị: đơn vị cũ trở thành (toàn bộ hoặc một phần) đơn vị mới từ ngày hiệu lực.';
alter table public.unit_lineage enable row level security;
create index unit_lineage_to_unit_id_idx on public.unit_lineage (to_unit_id);

revoke all on public.unit_lineage from anon, authenticated;
grant select on public.unit_lineage to anon, authenticated;
grant insert, update, delete on public.unit_lineage to authenticated;
create policy "Anyone can read unit lineage" on public.unit_lineage for select to anon, authenticated using (true);
create policy "City admins record lineage" on public.unit_lineage for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins correct lineage" on public.unit_lineage for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove mistaken lineage" on public.unit_lineage for delete to authenticated
  using ((select private.has_city_role('city_admin')));

-- Every unit a unit came from, transitively (itself included): what it "became" keeps the past attached.
create function public.unit_ancestors(p_unit uuid) returns setof uuid
language sql stable
set search_path = ''
as $$
  with recursive up (id) as (
    select p_unit
    union
    select l.from_unit_id from public.unit_lineage l join up on l.to_unit_id = up.id
  )
  select id from up
$$;

-- Every unit a unit became, transitively (itself included).
create function public.unit_successors(p_unit uuid) returns setof uuid
language sql stable
set search_path = ''
as $$
  with recursive down (id) as (
    select p_unit
    union
    select l.to_unit_id from public.unit_lineage l join down on l.from_unit_id = down.id
  )
  select id from down
$$;
grant execute on function public.unit_ancestors(uuid), public.unit_successors(uuid) to anon, authenticated;

-- Merge several units into a new one (security invoker: RLS lets only city admins do it).
create function public.merge_units(p_from uuid[], p_code text, p_name text, p_kind text, p_effective_on date)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  new_id uuid;
begin
  if coalesce(array_length(p_from, 1), 0) < 2 then
    raise exception 'Cần ít nhất hai đơn vị để hợp nhất' using errcode = '22023';
  end if;
  insert into public.unit (code, name, kind, valid_from) values (p_code, p_name, p_kind, p_effective_on)
  returning id into new_id;
  update public.unit set valid_to = p_effective_on where id = any (p_from) and valid_to is null;
  if not found then
    raise exception 'Không có đơn vị nào còn hiệu lực để hợp nhất' using errcode = '22023';
  end if;
  insert into public.unit_lineage (from_unit_id, to_unit_id, change, effective_on)
  select f, new_id, 'merge', p_effective_on from unnest(p_from) f;
  return new_id;
end $$;

-- Split one unit into several new ones, given as [{code, name, kind}, …].
create function public.split_unit(p_from uuid, p_into jsonb, p_effective_on date)
returns setof uuid
language plpgsql
set search_path = ''
as $$
declare
  part jsonb;
  new_id uuid;
begin
  if jsonb_typeof(p_into) <> 'array' or jsonb_array_length(p_into) < 2 then
    raise exception 'Cần ít nhất hai đơn vị mới khi chia tách' using errcode = '22023';
  end if;
  update public.unit set valid_to = p_effective_on where id = p_from and valid_to is null;
  if not found then
    raise exception 'Đơn vị không còn hiệu lực hoặc không có quyền' using errcode = '42501';
  end if;
  for part in select * from jsonb_array_elements(p_into) loop
    insert into public.unit (code, name, kind, valid_from)
    values (part ->> 'code', part ->> 'name', part ->> 'kind', p_effective_on)
    returning id into new_id;
    insert into public.unit_lineage (from_unit_id, to_unit_id, change, effective_on)
    values (p_from, new_id, 'split', p_effective_on);
    return next new_id;
  end loop;
end $$;
revoke all on function public.merge_units(uuid[], text, text, text, date) from public, anon;
revoke all on function public.split_unit(uuid, jsonb, date) from public, anon;
grant execute on function public.merge_units(uuid[], text, text, text, date) to authenticated;
grant execute on function public.split_unit(uuid, jsonb, date) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Cluster leads are staff of the cluster's head or deputy unit: their membership names the cluster and may name
-- that home unit, so the conflict-of-interest rule knows which unit they must not score.
alter table public.membership drop constraint membership_check;
alter table public.membership add constraint membership_scope_matches_role check (
  (role in ('reporter', 'unit_officer') and unit_id is not null and cluster_id is null)
  or (role = 'cluster_lead' and cluster_id is not null)
  or (role in ('city_leader', 'city_admin', 'council_member') and unit_id is null and cluster_id is null)
);

-- Phân công: which city leader supervises which cluster (the cluster carries the year).
create table public.cluster_leader_assignment (
  cluster_id uuid not null references public.cluster (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (cluster_id, user_id)
);
comment on table public.cluster_leader_assignment is 'Phân công lãnh đạo Ủy ban MTTQ Thành phố phụ trách Cụm thi đua.';
alter table public.cluster_leader_assignment enable row level security;
create index cluster_leader_assignment_user_id_idx on public.cluster_leader_assignment (user_id);

revoke all on public.cluster_leader_assignment from anon, authenticated;
grant select, insert, delete on public.cluster_leader_assignment to authenticated;
create policy "Signed-in people see who supervises which cluster" on public.cluster_leader_assignment
  for select to authenticated using (true);
create policy "City admins assign leaders to clusters" on public.cluster_leader_assignment for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins end leader assignments" on public.cluster_leader_assignment for delete to authenticated
  using ((select private.has_city_role('city_admin')));

-- ---------------------------------------------------------------------------------------------------------------
-- Scope helpers (security definer, search_path = '', so policies stay one line and do not recurse into RLS).

-- Units of the clusters this person leads (cluster_lead) or supervises (city_leader assigned), this year.
create function private.my_cluster_unit_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select cm.unit_id
  from public.cluster_member cm join public.cluster c on c.id = cm.cluster_id
  where c.year = private.current_year()
    and (
      exists (select 1 from public.membership m
              where m.user_id = (select auth.uid()) and m.role = 'cluster_lead'
                and m.cluster_id = c.id and m.year = c.year)
      or (
        exists (select 1 from public.cluster_leader_assignment a where a.cluster_id = c.id and a.user_id = (select auth.uid()))
        and exists (select 1 from public.membership m
                    where m.user_id = (select auth.uid()) and m.role = 'city_leader' and m.year = c.year)
      )
    )
$$;

-- Units the signed-in person belongs to this year, whatever the role (a cluster lead's home unit included).
create function private.my_home_unit_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.unit_id from public.membership m
  where m.user_id = (select auth.uid()) and m.year = private.current_year() and m.unit_id is not null
$$;

-- The conflict-of-interest rule, for scoring and appraisal: true when the unit under assessment is (or became, or
-- came from) one of the assessor's own units. A unit never scores or appraises itself.
create function private.has_conflict_of_interest(p_unit uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from private.my_home_unit_ids() h
    where h = p_unit
       or h in (select public.unit_ancestors(p_unit))
       or h in (select public.unit_successors(p_unit))
  )
$$;

-- Exposed for the app (to grey out what a person may not assess); the database still decides every write.
create function public.has_conflict_of_interest(p_unit uuid) returns boolean
language sql stable
set search_path = ''
as $$ select private.has_conflict_of_interest(p_unit) $$;

revoke all on function private.my_cluster_unit_ids() from public;
revoke all on function private.my_home_unit_ids() from public;
revoke all on function private.has_conflict_of_interest(uuid) from public;
revoke all on function public.has_conflict_of_interest(uuid) from public, anon;
grant execute on function private.my_cluster_unit_ids() to authenticated, service_role;
grant execute on function private.my_home_unit_ids() to authenticated, service_role;
grant execute on function private.has_conflict_of_interest(uuid) to authenticated, service_role;
grant execute on function public.has_conflict_of_interest(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Read scope for cluster leads and supervising city leaders: their clusters' stories, photos and memberships
-- (read-only: verifying stays with the unit, publishing with the city). Each table keeps ONE permissive select
-- policy per role, so Postgres evaluates one expression per row (and the linter's multiple-policies lint stays quiet).
drop policy "People read their own, their unit's (officers), all (city admins) and published stories" on public.story;
create policy "People read their own, their unit's (officers), their clusters' (leads), all (city admins) and published stories"
  on public.story for select to authenticated using (
    author_id = (select auth.uid())
    or status = 'published'
    or unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
  );

drop policy "Uploaders, their unit's officers and city admins read story photos" on storage.objects;
drop policy "Anyone reads photos of published stories" on storage.objects;
create policy "Anyone reads photos of published stories" on storage.objects for select to anon
  using (
    bucket_id = 'story-photos'
    and exists (select 1 from public.story s where s.id::text = (storage.foldername(name))[2] and s.status = 'published')
  );
create policy "Uploaders, their unit's officers, their clusters' leads, city admins and everyone for published stories read photos"
  on storage.objects for select to authenticated using (
    bucket_id = 'story-photos' and (
      owner_id = (select auth.uid())::text
      or (storage.foldername(name))[1] in (select u::text from private.my_unit_ids('unit_officer') u)
      or (storage.foldername(name))[1] in (select u::text from private.my_cluster_unit_ids() u)
      or (select private.has_city_role('city_admin'))
      or exists (select 1 from public.story s where s.id::text = (storage.foldername(name))[2] and s.status = 'published')
    )
  );

drop policy "People read their own memberships, officers their unit's, city admins all" on public.membership;
create policy "People read their own memberships, officers their unit's, leads their clusters', city admins all"
  on public.membership for select to authenticated using (
    user_id = (select auth.uid())
    or unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
  );

-- The signed-in person's roles with their scope names, for "who am I here" (new columns go last: replace view).
create or replace view public.my_membership with (security_invoker = true) as
  select m.id, m.role, m.unit_id, u.name as unit_name, m.cluster_id, m.year, c.name as cluster_name
  from public.membership m
  left join public.unit u on u.id = m.unit_id
  left join public.cluster c on c.id = m.cluster_id
  where m.user_id = (select auth.uid()) and m.year = private.current_year();

-- City admins create accounts for others (through the server's admin API) and record their names; one policy per
-- command, folding in "people write their own profile".
drop policy "People create their own profile" on public.profile;
drop policy "People edit their own profile" on public.profile;
create policy "People create their own profile; city admins anyone's" on public.profile for insert to authenticated
  with check (user_id = (select auth.uid()) or (select private.has_city_role('city_admin')));
create policy "People edit their own profile; city admins anyone's" on public.profile for update to authenticated
  using (user_id = (select auth.uid()) or (select private.has_city_role('city_admin')))
  with check (user_id = (select auth.uid()) or (select private.has_city_role('city_admin')));
