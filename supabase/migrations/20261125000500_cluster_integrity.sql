-- Integrity the admin screens check, enforced where it cannot be bypassed: a unit belongs to at most one cluster
-- per year, a cluster's head and deputy are different units, and a merge takes only units still in force.

-- The year is copied from the cluster so a unique key can say "one cluster per unit per year".
alter table public.cluster_member add column year int;
update public.cluster_member cm set year = c.year from public.cluster c where c.id = cm.cluster_id;
alter table public.cluster_member alter column year set not null;
-- Clients need not send it (the trigger sets the cluster's year); the default only keeps the API types honest.
alter table public.cluster_member alter column year set default private.current_year();
alter table public.cluster_member
  add constraint cluster_member_one_cluster_per_unit_per_year unique (year, unit_id);

create function private.cluster_member_set_year() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Whatever the client sent, the year is the cluster's.
  select c.year into new.year from public.cluster c where c.id = new.cluster_id;
  return new;
end $$;
create trigger cluster_member_set_year before insert or update on public.cluster_member
  for each row execute function private.cluster_member_set_year();

-- A cluster that changes year carries its members along (they must still be unique in the new year).
create function private.cluster_year_to_members() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  update public.cluster_member set year = new.year where cluster_id = new.id;
  return new;
end $$;
create trigger cluster_year_to_members after update of year on public.cluster
  for each row when (old.year is distinct from new.year)
  execute function private.cluster_year_to_members();

alter table public.cluster add constraint cluster_head_is_not_deputy
  check (head_unit_id is null or deputy_unit_id is null or head_unit_id <> deputy_unit_id);

-- A merge ends every unit it takes; one already ended is a mistake, not something to skip silently.
create or replace function public.merge_units(p_from uuid[], p_code text, p_name text, p_kind text, p_effective_on date)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  new_id uuid;
  ended int;
begin
  if coalesce(array_length(p_from, 1), 0) < 2 then
    raise exception 'Cần ít nhất hai đơn vị để hợp nhất' using errcode = '22023';
  end if;
  insert into public.unit (code, name, kind, valid_from) values (p_code, p_name, p_kind, p_effective_on)
  returning id into new_id;
  update public.unit set valid_to = p_effective_on where id = any (p_from) and valid_to is null;
  get diagnostics ended = row_count;
  if ended <> (select count(distinct f) from unnest(p_from) f) then
    raise exception 'Chỉ hợp nhất được các đơn vị còn hiệu lực' using errcode = '22023';
  end if;
  insert into public.unit_lineage (from_unit_id, to_unit_id, change, effective_on)
  select distinct f, new_id, 'merge', p_effective_on from unnest(p_from) f;
  return new_id;
end $$;
