-- Organisation: units, emulation clusters per year, and memberships (who holds which role, in which scope, which year).
-- Roles are read from `membership`, never from user-editable metadata. Helper functions live in schema `private`,
-- which PostgREST does not expose; they are `security definer` so policies can call them without recursing into RLS.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- unit: a committee that takes part in emulation (district-level until 30/06/2025, communes and wards since 01/07/2025,
-- city departments). Validity dates instead of deletes, so past stories stay attached to what the unit was.
create table public.unit (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name text not null check (length(name) between 2 and 200),
  kind text not null check (kind in ('quan', 'huyen', 'thi_xa', 'xa', 'phuong', 'ban_thanh_pho')),
  valid_from date not null default date '1945-01-01',
  valid_to date,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from)
);
comment on table public.unit is 'Đơn vị: Ủy ban MTTQ cấp huyện (đến 30/06/2025), cấp xã (từ 01/07/2025) hoặc ban của Thành phố.';
alter table public.unit enable row level security;

-- cluster: an emulation cluster (Cụm thi đua) for one year, with a head unit and a deputy unit.
create table public.cluster (
  id uuid primary key default gen_random_uuid(),
  year int not null check (year between 2000 and 2100),
  name text not null check (length(name) between 2 and 200),
  head_unit_id uuid references public.unit (id),
  deputy_unit_id uuid references public.unit (id),
  created_at timestamptz not null default now(),
  unique (year, name)
);
alter table public.cluster enable row level security;
create index cluster_head_unit_id_idx on public.cluster (head_unit_id);
create index cluster_deputy_unit_id_idx on public.cluster (deputy_unit_id);

create table public.cluster_member (
  cluster_id uuid not null references public.cluster (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  primary key (cluster_id, unit_id)
);
alter table public.cluster_member enable row level security;
create index cluster_member_unit_id_idx on public.cluster_member (unit_id);

-- membership: a person holds a role, scoped to a unit, a cluster or the city, for a year.
create table public.membership (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member')),
  unit_id uuid references public.unit (id),
  cluster_id uuid references public.cluster (id),
  year int not null check (year between 2000 and 2100),
  created_at timestamptz not null default now(),
  -- The scope follows from the role: unit roles name a unit, cluster roles a cluster, city roles neither.
  check (
    (role in ('reporter', 'unit_officer') and unit_id is not null and cluster_id is null)
    or (role = 'cluster_lead' and cluster_id is not null and unit_id is null)
    or (role in ('city_leader', 'city_admin', 'council_member') and unit_id is null and cluster_id is null)
  ),
  unique nulls not distinct (user_id, role, unit_id, cluster_id, year)
);
alter table public.membership enable row level security;
create index membership_user_id_year_idx on public.membership (user_id, year);
create index membership_unit_id_idx on public.membership (unit_id);
create index membership_cluster_id_idx on public.membership (cluster_id);

-- profile: the display name of a person, for reviewers; never exposed to anonymous readers.
create table public.profile (
  user_id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null check (length(full_name) between 1 and 200),
  created_at timestamptz not null default now()
);
alter table public.profile enable row level security;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers. The current emulation year is the calendar year in Asia/Ho_Chi_Minh.
create function private.current_year() returns int
language sql stable
set search_path = ''
as $$ select extract(year from (now() at time zone 'Asia/Ho_Chi_Minh'))::int $$;

-- Units in which the signed-in person holds `p_role` this year.
create function private.my_unit_ids(p_role text) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.unit_id from public.membership m
  where m.user_id = (select auth.uid()) and m.role = p_role and m.year = private.current_year() and m.unit_id is not null
$$;

-- Any unit role (reporter or officer) this year: used for reading reference data of one's own unit.
create function private.my_any_unit_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.unit_id from public.membership m
  where m.user_id = (select auth.uid()) and m.year = private.current_year() and m.unit_id is not null
$$;

create function private.has_city_role(p_role text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.membership m
    where m.user_id = (select auth.uid()) and m.role = p_role and m.year = private.current_year()
  )
$$;

revoke all on function private.current_year() from public;
revoke all on function private.my_unit_ids(text) from public;
revoke all on function private.my_any_unit_ids() from public;
revoke all on function private.has_city_role(text) from public;
grant execute on function private.current_year() to anon, authenticated, service_role;
grant execute on function private.my_unit_ids(text) to authenticated, service_role;
grant execute on function private.my_any_unit_ids() to authenticated, service_role;
grant execute on function private.has_city_role(text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Grants: start from nothing, grant back the minimum. Writes to organisation tables are the city admin's.
revoke all on public.unit, public.cluster, public.cluster_member, public.membership, public.profile from anon, authenticated;

grant select on public.unit to anon, authenticated;
grant insert, update on public.unit to authenticated;
grant select on public.cluster, public.cluster_member to anon, authenticated;
grant insert, update, delete on public.cluster, public.cluster_member to authenticated;
grant select, insert, update, delete on public.membership to authenticated;
grant select, insert, update on public.profile to authenticated;

-- Units and clusters are public facts (names shown in the gallery and public standings).
create policy "Anyone can read units" on public.unit for select to anon, authenticated using (true);
create policy "City admins can add units" on public.unit for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins can change units" on public.unit for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));

create policy "Anyone can read clusters" on public.cluster for select to anon, authenticated using (true);
create policy "City admins can add clusters" on public.cluster for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins can change clusters" on public.cluster for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins can remove clusters" on public.cluster for delete to authenticated
  using ((select private.has_city_role('city_admin')));

create policy "Anyone can read cluster members" on public.cluster_member for select to anon, authenticated using (true);
create policy "City admins can add cluster members" on public.cluster_member for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins can change cluster members" on public.cluster_member for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins can remove cluster members" on public.cluster_member for delete to authenticated
  using ((select private.has_city_role('city_admin')));

create policy "People read their own memberships, officers their unit's, city admins all" on public.membership
  for select to authenticated using (
    user_id = (select auth.uid())
    or unit_id in (select private.my_unit_ids('unit_officer'))
    or (select private.has_city_role('city_admin'))
  );
create policy "City admins can grant roles" on public.membership for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins can change roles" on public.membership for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins can revoke roles" on public.membership for delete to authenticated
  using ((select private.has_city_role('city_admin')));

create policy "People read their own profile, officers their unit's people, city admins all" on public.profile
  for select to authenticated using (
    user_id = (select auth.uid())
    or (select private.has_city_role('city_admin'))
    or exists (
      select 1 from public.membership m
      where m.user_id = profile.user_id and m.unit_id in (select private.my_unit_ids('unit_officer'))
    )
  );
create policy "People create their own profile" on public.profile for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "People edit their own profile" on public.profile for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- What the signed-in person may do this year, for the app's navigation (the database still decides every write).
create view public.my_membership with (security_invoker = true) as
  select m.id, m.role, m.unit_id, u.name as unit_name, m.cluster_id, m.year
  from public.membership m left join public.unit u on u.id = m.unit_id
  where m.user_id = (select auth.uid()) and m.year = private.current_year();
revoke all on public.my_membership from anon, authenticated;
grant select on public.my_membership to authenticated;
