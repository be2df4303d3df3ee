-- Replication of exemplary models (nhân rộng điển hình tiên tiến, issue 8): a unit records that it adopted a model
-- published in the gallery, and the model's public page shows where it spread. Which unit adopted which model, and
-- when, is a public fact; the officer's note is not shown to the public (it may name people).
create table public.model_adoption (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.story (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  adopted_on date not null,
  note text check (length(note) <= 1000),
  created_by uuid not null default auth.uid() references auth.users (id),
  created_at timestamptz not null default now(),
  unique (story_id, unit_id)
);
comment on table public.model_adoption is 'Đơn vị đã áp dụng, nhân rộng một mô hình điển hình tiên tiến đã đăng (đơn vị nào, từ ngày nào).';
alter table public.model_adoption enable row level security;
create index model_adoption_unit_id_idx on public.model_adoption (unit_id);
create index model_adoption_created_by_idx on public.model_adoption (created_by);

-- Only a published exemplary model, adopted by another unit than its own, not in the future; who and when are the server's.
create function private.model_adoption_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  s record;
begin
  select st.kind, st.status, st.unit_id into s from public.story st where st.id = new.story_id;
  if not found or s.status <> 'published' or s.kind <> 'exemplary_model' then
    raise exception 'Chỉ ghi nhận nhân rộng một mô hình điển hình tiên tiến đã đăng' using errcode = '22023';
  end if;
  if new.unit_id = s.unit_id then
    raise exception 'Đơn vị có mô hình không tự ghi nhận nhân rộng mô hình của mình' using errcode = '22023';
  end if;
  if new.adopted_on > (now() at time zone 'Asia/Ho_Chi_Minh')::date then
    raise exception 'Ngày áp dụng không được ở tương lai' using errcode = '22023';
  end if;
  if (select auth.uid()) is not null then
    new.created_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end $$;
create trigger model_adoption_guard before insert on public.model_adoption
  for each row execute function private.model_adoption_guard();

revoke all on public.model_adoption from anon, authenticated;
grant select (id, story_id, unit_id, adopted_on) on public.model_adoption to anon;
grant select, delete on public.model_adoption to authenticated;
grant insert (story_id, unit_id, adopted_on, note) on public.model_adoption to authenticated;

create policy "Anyone reads where published models spread" on public.model_adoption for select to anon
  using (exists (select 1 from public.story s where s.id = story_id and s.status = 'published'));
create policy "Signed-in people read where published models spread; officers their unit's records" on public.model_adoption
  for select to authenticated using (
    exists (select 1 from public.story s where s.id = story_id and s.status = 'published')
    or unit_id in (select private.my_unit_ids('unit_officer'))
  );
create policy "Unit officers record their unit's adoptions" on public.model_adoption for insert to authenticated
  with check (unit_id in (select private.my_unit_ids('unit_officer')));
create policy "Unit officers remove their unit's records" on public.model_adoption for delete to authenticated
  using (unit_id in (select private.my_unit_ids('unit_officer')));

-- Where a published model spread, for its public page (no notes, no people).
create view public.public_model_adoption with (security_invoker = true) as
  select a.story_id, a.unit_id, u.name as unit_name, a.adopted_on
  from public.model_adoption a join public.unit u on u.id = a.unit_id
  join public.story s on s.id = a.story_id
  where s.status = 'published';
revoke all on public.public_model_adoption from anon, authenticated;
grant select on public.public_model_adoption to anon, authenticated;

