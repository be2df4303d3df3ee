-- The yearly emulation cycle (section III of the 2023 plan) as data: plans with milestones, movements and campaigns,
-- the versioned catalogue of emulation titles, units' registrations, clusters' covenants with their signatures, and
-- a progress view that says, per milestone and per responsible party, whether (and when) it was delivered.
-- Deadlines are dates: "trước ngày 14/01" closes at 00:00 of 14/01 in Asia/Ho_Chi_Minh (private.deadline_at).
-- Whether a deadline has passed is decided by the reader's clock (the app, the calendar), never stored.

-- ---------------------------------------------------------------------------------------------------------------
-- Scope helpers added for the cycle (security definer, search_path '', like the others in schema private).

-- Clusters the person takes part in this year: those they lead or supervise, and those their own units belong to.
create function private.my_cluster_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select c.id from public.cluster c
  where c.year = private.current_year()
    and (
      exists (select 1 from public.membership m
              where m.user_id = (select auth.uid()) and m.role = 'cluster_lead' and m.cluster_id = c.id and m.year = c.year)
      or (
        exists (select 1 from public.cluster_leader_assignment a where a.cluster_id = c.id and a.user_id = (select auth.uid()))
        and exists (select 1 from public.membership m
                    where m.user_id = (select auth.uid()) and m.role = 'city_leader' and m.year = c.year)
      )
      or exists (select 1 from public.cluster_member cm
                 where cm.cluster_id = c.id and cm.unit_id in (select private.my_home_unit_ids()))
    )
$$;

-- Clusters the person leads (cluster_lead) this year: they run the covenant and review registrations.
create function private.my_led_cluster_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.cluster_id from public.membership m join public.cluster c on c.id = m.cluster_id
  where m.user_id = (select auth.uid()) and m.role = 'cluster_lead' and m.year = private.current_year() and c.year = m.year
$$;

-- Member units of the clusters the person leads (not those a city leader merely supervises: that role reads only).
create function private.my_led_cluster_unit_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select cm.unit_id from public.cluster_member cm where cm.cluster_id in (select private.my_led_cluster_ids())
$$;

-- The instant a "before <date>" deadline closes: local midnight at the start of that date, Asia/Ho_Chi_Minh.
create function private.deadline_at(p_due date) returns timestamptz
language sql immutable
set search_path = ''
as $$ select (p_due::timestamp) at time zone 'Asia/Ho_Chi_Minh' $$;

revoke all on function private.my_cluster_ids(), private.my_led_cluster_ids(), private.my_led_cluster_unit_ids(),
  private.deadline_at(date) from public;
grant execute on function private.my_cluster_ids(), private.my_led_cluster_ids(), private.my_led_cluster_unit_ids()
  to authenticated, service_role;
grant execute on function private.deadline_at(date) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- plan: the yearly plan (Kế hoạch công tác thi đua, khen thưởng năm N). Drafts are the city admin's; units see a
-- plan once it is published.
create table public.plan (
  id uuid primary key default gen_random_uuid(),
  year int not null unique check (year between 2000 and 2100),
  title text not null check (length(trim(title)) between 5 and 300),
  document_ref text check (length(document_ref) <= 200),
  status text not null default 'draft' check (status in ('draft', 'published')),
  copied_from_plan_id uuid references public.plan (id) on delete set null,
  published_at timestamptz,
  published_by uuid references auth.users (id) on delete set null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or published_at is not null)
);
comment on table public.plan is 'Kế hoạch công tác thi đua, khen thưởng năm N (bản nháp chỉ Ban Thường trực thấy).';
alter table public.plan enable row level security;
create index plan_copied_from_plan_id_idx on public.plan (copied_from_plan_id);
create index plan_published_by_idx on public.plan (published_by);
create index plan_created_by_idx on public.plan (created_by);

-- milestone: one line of the plan's timetable (tiến độ). `responsible` says who must deliver; `completion` how the
-- app knows it was delivered: 'registration' (the unit's registration is submitted), 'covenant' (the unit signed
-- its cluster's covenant), 'report' (the responsible party reports it done in the app; later stages detect more).
create table public.milestone (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.plan (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9_]{2,40}$'),
  title text not null check (length(trim(title)) between 3 and 300),
  deliverable text not null check (length(trim(deliverable)) between 3 and 2000),
  responsible text not null check (responsible in ('unit', 'cluster', 'council')),
  completion text not null check (completion in ('registration', 'covenant', 'report')),
  due_on date not null,
  position int not null default 0,
  note text check (length(note) <= 1000),
  unique (plan_id, code),
  check (completion <> 'registration' or responsible = 'unit')
);
comment on column public.milestone.due_on is 'Hạn "trước ngày due_on": đóng lúc 00:00 ngày due_on giờ Hà Nội (Asia/Ho_Chi_Minh).';
alter table public.milestone enable row level security;

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end $$;

create function private.plan_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Privileged writers (seed, maintenance with the service key) have no auth.uid(): their stamps are kept as given.
  if (select auth.uid()) is null then
    return new;
  end if;
  -- Who created the plan, and when, is the server's to say (the grant lets a client send both columns).
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.created_at := now();
  else
    new.created_by := old.created_by;
    new.created_at := old.created_at;
  end if;
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := now();
    new.published_by := (select auth.uid());
  elsif tg_op = 'UPDATE' then
    new.published_at := old.published_at;
    new.published_by := old.published_by;
  else
    new.published_at := null;
    new.published_by := null;
  end if;
  if tg_op = 'UPDATE' and old.status = 'published' and new.status = 'draft' then
    raise exception 'Kế hoạch đã ban hành không thể trở lại bản nháp' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger plan_before_write before insert or update on public.plan
  for each row execute function private.plan_before_write();

-- A milestone's date may move (the city extends a deadline) but it stays within the plan's year, give or take one.
create function private.milestone_check_plan_year() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  plan_year int;
begin
  select p.year into plan_year from public.plan p where p.id = new.plan_id;
  if extract(year from new.due_on)::int not between plan_year - 1 and plan_year + 1 then
    raise exception 'Hạn % không thuộc năm kế hoạch %', to_char(new.due_on, 'DD/MM/YYYY'), plan_year using errcode = '22023';
  end if;
  return new;
end $$;
create trigger milestone_check_plan_year before insert or update on public.milestone
  for each row execute function private.milestone_check_plan_year();

revoke all on public.plan, public.milestone from anon, authenticated;
grant select, insert, update, delete on public.plan, public.milestone to authenticated;

create policy "Signed-in people read published plans; city admins all" on public.plan for select to authenticated
  using (status = 'published' or (select private.has_city_role('city_admin')));
create policy "City admins create plans" on public.plan for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins change plans" on public.plan for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove draft plans" on public.plan for delete to authenticated
  using ((select private.has_city_role('city_admin')) and status = 'draft');

create policy "Signed-in people read milestones of plans they can read" on public.milestone for select to authenticated
  using (plan_id in (select p.id from public.plan p));
create policy "City admins add milestones" on public.milestone for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins change milestones" on public.milestone for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove milestones" on public.milestone for delete to authenticated
  using ((select private.has_city_role('city_admin')));

-- Next year's plan: copy a plan with every milestone, dates shifted by whole years (29/02 becomes 28/02).
-- Security invoker: RLS lets only city admins insert. The copy is a draft to review before publishing.
create function public.copy_plan(p_source uuid, p_year int, p_title text default null) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  src public.plan;
  new_id uuid;
begin
  select * into src from public.plan where id = p_source;
  if not found then
    raise exception 'Không tìm thấy kế hoạch nguồn' using errcode = 'P0002';
  end if;
  if exists (select 1 from public.plan where year = p_year) then
    raise exception 'Năm % đã có kế hoạch', p_year using errcode = '23505';
  end if;
  insert into public.plan (year, title, status, copied_from_plan_id)
  values (p_year,
          coalesce(nullif(trim(p_title), ''), replace(src.title, src.year::text, p_year::text)),
          'draft', src.id)
  returning id into new_id;
  insert into public.milestone (plan_id, code, title, deliverable, responsible, completion, due_on, position, note)
  select new_id, m.code, replace(m.title, src.year::text, p_year::text), replace(m.deliverable, src.year::text, p_year::text),
         m.responsible, m.completion, (m.due_on + make_interval(years => p_year - src.year))::date, m.position, null
  from public.milestone m where m.plan_id = src.id;
  return new_id;
end $$;
revoke all on function public.copy_plan(uuid, int, text) from public, anon;
grant execute on function public.copy_plan(uuid, int, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- movement: a movement (phong trào: thường xuyên, theo đợt, chuyên đề) or a campaign (cuộc vận động) launched by
-- the city for a year. Launched movements are public facts (the gallery groups stories by them).
create table public.movement (
  id uuid primary key default gen_random_uuid(),
  year int not null check (year between 2000 and 2100),
  kind text not null check (kind in ('regular', 'periodic', 'thematic', 'campaign')),
  name text not null check (length(trim(name)) between 3 and 300),
  content text not null default '' check (length(content) <= 20000),
  starts_on date not null,
  ends_on date,
  criteria_note text check (length(criteria_note) <= 2000),
  status text not null default 'draft' check (status in ('draft', 'launched')),
  launched_at timestamptz,
  launched_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, name),
  check (ends_on is null or ends_on >= starts_on),
  check (status = 'draft' or launched_at is not null)
);
comment on table public.movement is 'Phong trào thi đua (thường xuyên, theo đợt, chuyên đề) hoặc cuộc vận động do Thành phố phát động trong năm.';
comment on column public.movement.criteria_note is 'Căn cứ, tiêu chí đánh giá phong trào (liên kết với bộ tiêu chí chấm điểm của năm).';
alter table public.movement enable row level security;
create index movement_year_idx on public.movement (year);
create index movement_launched_by_idx on public.movement (launched_by);

create function private.movement_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Privileged writers (seed, maintenance with the service key) have no auth.uid(): their stamps are kept as given.
  if (select auth.uid()) is null then
    return new;
  end if;
  if new.status = 'launched' and (tg_op = 'INSERT' or old.status <> 'launched') then
    new.launched_at := now();
    new.launched_by := (select auth.uid());
  elsif tg_op = 'UPDATE' then
    if old.status = 'launched' and new.status = 'draft' then
      raise exception 'Phong trào đã phát động không thể trở lại bản nháp' using errcode = '42501';
    end if;
    new.launched_at := old.launched_at;
    new.launched_by := old.launched_by;
  else
    new.launched_at := null;
    new.launched_by := null;
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger movement_before_write before insert or update on public.movement
  for each row execute function private.movement_before_write();

revoke all on public.movement from anon, authenticated;
grant select (id, year, kind, name, content, starts_on, ends_on, criteria_note, status, launched_at) on public.movement to anon;
grant select, insert, update, delete on public.movement to authenticated;
create policy "Anyone reads launched movements" on public.movement for select to anon using (status = 'launched');
create policy "Signed-in people read launched movements; city admins drafts too" on public.movement
  for select to authenticated using (status = 'launched' or (select private.has_city_role('city_admin')));
create policy "City admins create movements" on public.movement for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins change movements" on public.movement for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove draft movements" on public.movement for delete to authenticated
  using ((select private.has_city_role('city_admin')) and status = 'draft');

-- Stories can be tagged with a movement (the reporter picks it on the phone; the reviewer may correct it).
alter table public.story add column movement_id uuid references public.movement (id) on delete set null;
create index story_movement_id_idx on public.story (movement_id, status);
grant insert (movement_id), update (movement_id) on public.story to authenticated;
grant select (movement_id) on public.story to anon;

-- Only a launched movement can be chosen (a draft's id may be guessed; the app offers launched ones only).
create function private.story_movement_is_launched() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.movement_id is not null and (select auth.uid()) is not null
     and (tg_op = 'INSERT' or new.movement_id is distinct from old.movement_id)
     and not exists (select 1 from public.movement m where m.id = new.movement_id and m.status = 'launched') then
    raise exception 'Phong trào chưa được phát động hoặc không tồn tại' using errcode = '22023';
  end if;
  return new;
end $$;
create trigger story_movement_is_launched before insert or update of movement_id on public.story
  for each row execute function private.story_movement_is_launched();

-- The movement tag is content: changing it is an edit like any other (same states, same review).
create or replace function private.story_content_changed(a public.story, b public.story) returns boolean
language sql immutable
set search_path = ''
as $$
  select (a.kind, a.title, a.body, a.subject_name, a.subject_kind, a.subject_is_minor, a.occurred_on, a.address,
          a.consent_given_by, a.consent_method, a.consent_recorded_at, a.movement_id)
     is distinct from
         (b.kind, b.title, b.body, b.subject_name, b.subject_kind, b.subject_is_minor, b.occurred_on, b.address,
          b.consent_given_by, b.consent_method, b.consent_recorded_at, b.movement_id)
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- The catalogue of emulation titles (danh hiệu thi đua), versioned: a new legal basis is a new version; old versions
-- stay so past registrations keep the names they used.
create table public.catalogue_version (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]{2,60}$'),
  name text not null check (length(trim(name)) between 3 and 300),
  legal_basis text not null check (length(trim(legal_basis)) between 3 and 1000),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from)
);
comment on table public.catalogue_version is 'Phiên bản danh mục danh hiệu, hình thức khen thưởng theo căn cứ pháp lý.';
alter table public.catalogue_version enable row level security;

create table public.emulation_title (
  id uuid primary key default gen_random_uuid(),
  catalogue_version_id uuid not null references public.catalogue_version (id),
  code text not null check (code ~ '^[a-z0-9_]{2,60}$'),
  name text not null check (length(trim(name)) between 3 and 300),
  name_en text check (length(name_en) <= 300),
  applies_to text not null check (applies_to in ('collective', 'individual')),
  conferred_by text not null check (length(trim(conferred_by)) between 2 and 300),
  position int not null default 0,
  unique (catalogue_version_id, code)
);
comment on table public.emulation_title is 'Danh hiệu thi đua (tên chính thức) trong một phiên bản danh mục.';
alter table public.emulation_title enable row level security;

revoke all on public.catalogue_version, public.emulation_title from anon, authenticated;
grant select on public.catalogue_version, public.emulation_title to anon, authenticated;
grant insert, update on public.catalogue_version, public.emulation_title to authenticated;
create policy "Anyone reads the catalogue" on public.catalogue_version for select to anon, authenticated using (true);
create policy "City admins add catalogue versions" on public.catalogue_version for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins close catalogue versions" on public.catalogue_version for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "Anyone reads emulation titles" on public.emulation_title for select to anon, authenticated using (true);
create policy "City admins add titles" on public.emulation_title for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins correct titles" on public.emulation_title for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));

-- ---------------------------------------------------------------------------------------------------------------
-- registration (đăng ký thi đua): a unit's titles and thematic topics for a year, sent to its cluster and the city.
-- draft → submitted → accepted, or returned (with a reason) → submitted again.
create table public.registration (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references public.unit (id),
  year int not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
  topics text[] not null default '{}' check (cardinality(topics) <= 20),
  note text check (length(note) <= 4000),
  submitted_at timestamptz,
  submitted_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  reviewed_by uuid references auth.users (id) on delete set null,
  review_note text check (length(review_note) <= 2000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, year),
  constraint registration_returned_needs_reason check (status <> 'returned' or coalesce(length(trim(review_note)), 0) > 0),
  constraint registration_submitted_is_stamped check (status = 'draft' or submitted_at is not null)
);
comment on table public.registration is 'Đăng ký thi đua: danh hiệu và chuyên đề thi đua của đơn vị trong năm, gửi Cụm và Thành phố.';
alter table public.registration enable row level security;
create index registration_year_status_idx on public.registration (year, status);
create index registration_submitted_by_idx on public.registration (submitted_by);
create index registration_reviewed_by_idx on public.registration (reviewed_by);
create index registration_created_by_idx on public.registration (created_by);

create table public.registration_title (
  registration_id uuid not null references public.registration (id) on delete cascade,
  title_id uuid not null references public.emulation_title (id),
  headcount int check (headcount between 1 and 10000),
  primary key (registration_id, title_id)
);
comment on column public.registration_title.headcount is 'Số cá nhân đăng ký (chỉ với danh hiệu cá nhân).';
alter table public.registration_title enable row level security;
create index registration_title_title_id_idx on public.registration_title (title_id);

-- Topics are short lines; each one is checked (an array CHECK cannot look inside).
create function private.registration_topics_ok(p_topics text[]) returns boolean
language sql immutable
set search_path = ''
as $$ select coalesce(bool_and(length(trim(t)) between 3 and 300), true) from unnest(p_topics) t $$;
alter table public.registration add constraint registration_topics_are_lines check (private.registration_topics_ok(topics));

-- Workflow guard: RLS says whose rows a person may touch, this trigger which steps are legal for them.
create function private.registration_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  is_officer boolean := new.unit_id in (select private.my_unit_ids('unit_officer'));
  is_reviewer boolean := (select private.has_city_role('city_admin'))
    or (new.unit_id in (select private.my_led_cluster_unit_ids()) and not private.has_conflict_of_interest(new.unit_id));
  step text;
begin
  if uid is null then
    -- Privileged writers (seed, maintenance with the service key): stamps are kept as given.
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status not in ('draft', 'submitted') then
      raise exception 'Đăng ký mới chỉ có thể là bản nháp hoặc gửi đi' using errcode = '42501';
    end if;
    new.created_by := uid;
    new.created_at := now();
    new.reviewed_at := null; new.reviewed_by := null; new.review_note := null;
    if new.status = 'submitted' then new.submitted_at := now(); new.submitted_by := uid;
    else new.submitted_at := null; new.submitted_by := null; end if;
    new.updated_at := now();
    return new;
  end if;

  if new.unit_id <> old.unit_id or new.year <> old.year or new.created_by is distinct from old.created_by then
    raise exception 'Không được đổi đơn vị hoặc năm của bản đăng ký' using errcode = '42501';
  end if;
  new.created_at := old.created_at;
  step := old.status || '→' || new.status;
  if step in ('draft→draft', 'draft→submitted', 'returned→returned', 'returned→draft', 'returned→submitted') and is_officer then
    -- The unit edits its own registration; a (re)submission is stamped, the old review note stays until reviewed.
    if new.status = 'submitted' then new.submitted_at := now(); new.submitted_by := uid;
    else new.submitted_at := old.submitted_at; new.submitted_by := old.submitted_by; end if;
    if new.review_note is distinct from old.review_note then
      raise exception 'Đơn vị không sửa được ý kiến trả lại' using errcode = '42501';
    end if;
    new.reviewed_at := old.reviewed_at; new.reviewed_by := old.reviewed_by;
  elsif step in ('submitted→accepted', 'submitted→returned', 'accepted→returned') and is_reviewer then
    if new.topics is distinct from old.topics or new.note is distinct from old.note then
      raise exception 'Người xét không sửa nội dung đăng ký của đơn vị' using errcode = '42501';
    end if;
    new.submitted_at := old.submitted_at; new.submitted_by := old.submitted_by;
    new.reviewed_at := now(); new.reviewed_by := uid;
    if new.status = 'accepted' then new.review_note := null; end if;
  else
    raise exception 'Không được chuyển bản đăng ký từ "%" sang "%"', old.status, new.status using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger registration_before_write before insert or update on public.registration
  for each row execute function private.registration_before_write();

-- Titles change only while the unit may edit (draft or returned), and must come from a catalogue in force that year.
create function private.registration_title_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  reg public.registration;
  t public.emulation_title;
  v public.catalogue_version;
begin
  if (select auth.uid()) is null then  -- privileged writers (seed, maintenance)
    return coalesce(new, old);
  end if;
  -- Moving a title to another registration would take it out of one that may already be sent.
  if tg_op = 'UPDATE' and new.registration_id <> old.registration_id then
    raise exception 'Không được chuyển danh hiệu sang bản đăng ký khác' using errcode = '42501';
  end if;
  select * into reg from public.registration where id = coalesce(new.registration_id, old.registration_id);
  if not found then  -- the registration itself is being deleted (cascade)
    return coalesce(new, old);
  end if;
  if reg.status not in ('draft', 'returned') then
    raise exception 'Bản đăng ký đã gửi: không sửa được danh hiệu' using errcode = '42501';
  end if;
  if tg_op <> 'DELETE' then
    select * into t from public.emulation_title where id = new.title_id;
    select * into v from public.catalogue_version where id = t.catalogue_version_id;
    if v.valid_from > make_date(reg.year, 12, 31) or (v.valid_to is not null and v.valid_to <= make_date(reg.year, 1, 1)) then
      raise exception 'Danh hiệu "%" không thuộc danh mục có hiệu lực năm %', t.name, reg.year using errcode = '22023';
    end if;
    if t.applies_to = 'collective' then new.headcount := null; end if;
    return new;
  end if;
  return old;
end $$;
create trigger registration_title_guard before insert or update or delete on public.registration_title
  for each row execute function private.registration_title_guard();

revoke all on public.registration, public.registration_title from anon, authenticated;
grant select, delete on public.registration to authenticated;
grant insert (id, unit_id, year, status, topics, note) on public.registration to authenticated;
grant update (status, topics, note, review_note) on public.registration to authenticated;
grant select, insert, update, delete on public.registration_title to authenticated;

-- Units see their own; cluster leads and supervising city leaders their clusters' (once sent); city admins all sent.
create policy "Officers read their unit's registrations; leads, supervisors and city admins those sent to them"
  on public.registration for select to authenticated using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or (status <> 'draft' and (
      unit_id in (select private.my_cluster_unit_ids())
      or (select private.has_city_role('city_admin'))
    ))
  );
create policy "Officers register their unit" on public.registration for insert to authenticated
  with check (unit_id in (select private.my_unit_ids('unit_officer')) and year >= private.current_year());
create policy "Officers edit, cluster leads and city admins review registrations" on public.registration
  for update to authenticated
  using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_led_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
  )
  with check (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_led_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
  );
create policy "Officers discard their unit's draft registration" on public.registration for delete to authenticated
  using (unit_id in (select private.my_unit_ids('unit_officer')) and status = 'draft');

create policy "People read the titles of registrations they can read" on public.registration_title
  for select to authenticated using (registration_id in (select r.id from public.registration r));
create policy "Officers choose their unit's titles" on public.registration_title for insert to authenticated
  with check (registration_id in (select r.id from public.registration r where r.unit_id in (select private.my_unit_ids('unit_officer'))));
create policy "Officers change their unit's titles" on public.registration_title for update to authenticated
  using (registration_id in (select r.id from public.registration r where r.unit_id in (select private.my_unit_ids('unit_officer'))))
  with check (registration_id in (select r.id from public.registration r where r.unit_id in (select private.my_unit_ids('unit_officer'))));
create policy "Officers drop their unit's titles" on public.registration_title for delete to authenticated
  using (registration_id in (select r.id from public.registration r where r.unit_id in (select private.my_unit_ids('unit_officer'))));

-- ---------------------------------------------------------------------------------------------------------------
-- covenant (giao ước thi đua): the cluster's text for the year, drafted by the cluster lead (or the city), opened for
-- signing, signed in the app by each member unit's officer. What was signed is the text's hash at that moment, and
-- the text cannot change once anyone has signed.
create table public.covenant (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null unique references public.cluster (id) on delete cascade,
  title text not null check (length(trim(title)) between 3 and 300),
  body text not null check (length(trim(body)) between 10 and 50000),
  -- Kept by the trigger (convert_to is not immutable, so it cannot be a generated column).
  body_sha256 text not null default '',
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opened_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or opened_at is not null)
);
comment on table public.covenant is 'Giao ước thi đua của Cụm trong năm; các đơn vị thành viên ký trên ứng dụng.';
alter table public.covenant enable row level security;
create index covenant_created_by_idx on public.covenant (created_by);

create table public.covenant_signature (
  covenant_id uuid not null references public.covenant (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  signed_by uuid not null default auth.uid() references auth.users (id),
  signer_name text not null default '' check (length(signer_name) <= 200),
  body_sha256 text not null default '' check (body_sha256 = '' or body_sha256 ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz not null default now(),
  primary key (covenant_id, unit_id)
);
comment on table public.covenant_signature is 'Chữ ký giao ước: đơn vị nào, ai ký, lúc nào, trên văn bản nào (mã băm).';
alter table public.covenant_signature enable row level security;
create index covenant_signature_unit_id_idx on public.covenant_signature (unit_id);
create index covenant_signature_signed_by_idx on public.covenant_signature (signed_by);

create function private.covenant_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.body_sha256 := encode(sha256(convert_to(new.body, 'UTF8')), 'hex');
  -- Privileged writers (seed, maintenance with the service key) have no auth.uid(): their stamps are kept as given.
  if (select auth.uid()) is null then
    return new;
  end if;
  if tg_op = 'UPDATE' then
    if new.cluster_id <> old.cluster_id then
      raise exception 'Không được chuyển giao ước sang cụm khác' using errcode = '42501';
    end if;
    if (new.body, new.title) is distinct from (old.body, old.title)
       and exists (select 1 from public.covenant_signature s where s.covenant_id = old.id) then
      raise exception 'Giao ước đã có đơn vị ký: không sửa được nội dung' using errcode = '42501';
    end if;
    if (old.status || '→' || new.status) not in ('draft→draft', 'draft→open', 'open→open', 'open→closed', 'closed→closed', 'closed→open') then
      raise exception 'Không được chuyển giao ước từ "%" sang "%"', old.status, new.status using errcode = '42501';
    end if;
    new.created_by := old.created_by;
    new.created_at := old.created_at;
    new.opened_at := case when old.opened_at is null and new.status <> 'draft' then now() else old.opened_at end;
  else
    new.created_by := (select auth.uid());
    new.opened_at := case when new.status <> 'draft' then now() end;
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger covenant_before_write before insert or update on public.covenant
  for each row execute function private.covenant_before_write();

-- A signature is the signed-in officer's, now, on the text as it stands, for a member unit of an open covenant.
create function private.covenant_signature_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  cv public.covenant;
begin
  select * into cv from public.covenant where id = new.covenant_id;
  if (select auth.uid()) is null then
    -- Privileged writers (seed): who and when are kept as given; the text signed is always the covenant's.
    new.body_sha256 := cv.body_sha256;
    return new;
  end if;
  if cv.status <> 'open' then
    raise exception 'Giao ước chưa mở để ký hoặc đã khóa' using errcode = '42501';
  end if;
  if not exists (select 1 from public.cluster_member cm where cm.cluster_id = cv.cluster_id and cm.unit_id = new.unit_id) then
    raise exception 'Đơn vị không thuộc cụm của giao ước này' using errcode = '42501';
  end if;
  new.signed_by := (select auth.uid());
  new.signed_at := now();
  new.body_sha256 := cv.body_sha256;
  new.signer_name := coalesce((select p.full_name from public.profile p where p.user_id = new.signed_by), '');
  return new;
end $$;
create trigger covenant_signature_before_insert before insert on public.covenant_signature
  for each row execute function private.covenant_signature_before_insert();

revoke all on public.covenant, public.covenant_signature from anon, authenticated;
grant select, delete on public.covenant to authenticated;
grant insert (id, cluster_id, title, body, status) on public.covenant to authenticated;
grant update (title, body, status) on public.covenant to authenticated;
grant select on public.covenant_signature to authenticated;
grant insert (covenant_id, unit_id) on public.covenant_signature to authenticated;

create policy "Members, leads, supervisors and city admins read the cluster's covenant" on public.covenant
  for select to authenticated using (
    cluster_id in (select private.my_cluster_ids()) or (select private.has_city_role('city_admin'))
  );
create policy "Cluster leads and city admins draft covenants" on public.covenant for insert to authenticated
  with check (cluster_id in (select private.my_led_cluster_ids()) or (select private.has_city_role('city_admin')));
create policy "Cluster leads and city admins open and close covenants" on public.covenant for update to authenticated
  using (cluster_id in (select private.my_led_cluster_ids()) or (select private.has_city_role('city_admin')))
  with check (cluster_id in (select private.my_led_cluster_ids()) or (select private.has_city_role('city_admin')));
create policy "Cluster leads and city admins discard unsigned drafts" on public.covenant for delete to authenticated
  using ((cluster_id in (select private.my_led_cluster_ids()) or (select private.has_city_role('city_admin'))) and status = 'draft');

create policy "People read signatures of covenants they can read" on public.covenant_signature
  for select to authenticated using (covenant_id in (select c.id from public.covenant c));
create policy "Unit officers sign for their unit" on public.covenant_signature for insert to authenticated
  with check (unit_id in (select private.my_unit_ids('unit_officer')) and signed_by = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------------------------
-- milestone_report: "done" reported in the app for milestones the app cannot yet detect by itself (completion
-- 'report'): by the unit's officer, the cluster's lead, a council member (council milestones) or a city admin.
create table public.milestone_report (
  id uuid primary key default gen_random_uuid(),
  milestone_id uuid not null references public.milestone (id) on delete cascade,
  unit_id uuid references public.unit (id),
  cluster_id uuid references public.cluster (id) on delete cascade,
  reported_by uuid not null default auth.uid() references auth.users (id),
  reported_at timestamptz not null default now(),
  note text check (length(note) <= 1000),
  check (unit_id is null or cluster_id is null),
  unique nulls not distinct (milestone_id, unit_id, cluster_id)
);
comment on table public.milestone_report is 'Báo cáo đã hoàn thành một mốc tiến độ (ai, lúc nào) khi ứng dụng chưa tự nhận biết được.';
alter table public.milestone_report enable row level security;
create index milestone_report_unit_id_idx on public.milestone_report (unit_id);
create index milestone_report_cluster_id_idx on public.milestone_report (cluster_id);
create index milestone_report_reported_by_idx on public.milestone_report (reported_by);

create function private.milestone_report_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  ms public.milestone;
begin
  -- Read under the reporter's RLS: a milestone of a draft plan is not there to report on (only city admins see it).
  select * into ms from public.milestone where id = new.milestone_id;
  if not found then
    raise exception 'Không tìm thấy mốc tiến độ' using errcode = '42501';
  end if;
  if ms.completion <> 'report' then
    raise exception 'Mốc này được ghi nhận tự động, không báo cáo tay' using errcode = '22023';
  end if;
  if (ms.responsible = 'unit') <> (new.unit_id is not null)
     or (ms.responsible = 'cluster') <> (new.cluster_id is not null) then
    raise exception 'Báo cáo không đúng đối tượng chịu trách nhiệm của mốc' using errcode = '22023';
  end if;
  if (select auth.uid()) is not null then
    new.reported_by := (select auth.uid());
    new.reported_at := now();
  end if;
  return new;
end $$;
create trigger milestone_report_before_insert before insert on public.milestone_report
  for each row execute function private.milestone_report_before_insert();

revoke all on public.milestone_report from anon, authenticated;
grant select, delete on public.milestone_report to authenticated;
grant insert (milestone_id, unit_id, cluster_id, note) on public.milestone_report to authenticated;

-- The same scope as milestone_status (which reads these rows as its reader): a unit's reports by its officers and
-- its cluster's lead and supervising leader; a cluster's by its lead and whoever sees one of its member units; the
-- council's by council members and city leaders (who follow the council's progress too).
create policy "People read reports in their scope" on public.milestone_report for select to authenticated using (
  unit_id in (select private.my_unit_ids('unit_officer'))
  or unit_id in (select private.my_cluster_unit_ids())
  or cluster_id in (select private.my_led_cluster_ids())
  or cluster_id in (select cm.cluster_id from public.cluster_member cm
                    where cm.unit_id in (select private.my_unit_ids('unit_officer'))
                       or cm.unit_id in (select private.my_cluster_unit_ids()))
  or (unit_id is null and cluster_id is null
      and ((select private.has_city_role('council_member')) or (select private.has_city_role('city_leader'))))
  or (select private.has_city_role('city_admin'))
);
create policy "The responsible party reports its own milestone done" on public.milestone_report for insert to authenticated
  with check (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or cluster_id in (select private.my_led_cluster_ids())
    or (unit_id is null and cluster_id is null and (select private.has_city_role('council_member')))
    or (select private.has_city_role('city_admin'))
  );
create policy "Reporters and city admins withdraw a report" on public.milestone_report for delete to authenticated
  using (reported_by = (select auth.uid()) or (select private.has_city_role('city_admin')));

-- ---------------------------------------------------------------------------------------------------------------
-- milestone_status: per milestone of a published plan and per responsible party in the reader's scope, when (if
-- ever) it was delivered. Security invoker, and the party list is cut to the reader's scope explicitly, because
-- units and cluster members are public facts: without the cut everyone would see every unit as "not delivered".
-- Covenant milestones are the cluster's to organise but delivered by each member unit's signature, so their
-- parties are units. Whether an undelivered milestone is "late" is the reader's clock against deadline_at.
create view public.milestone_status with (security_invoker = true) as
  with ms as (
    select m.id, m.plan_id, p.year, m.code, m.title, m.deliverable, m.responsible, m.completion, m.due_on, m.position,
           private.deadline_at(m.due_on) as deadline_at
    from public.milestone m join public.plan p on p.id = m.plan_id
    where p.status = 'published'
  ),
  parties as (
    -- units: unit milestones, and covenant milestones (each member unit signs)
    select ms.id as milestone_id, 'unit'::text as party_kind, cm.unit_id, cm.cluster_id
    from ms
    join public.cluster c on c.year = ms.year
    join public.cluster_member cm on cm.cluster_id = c.id
    where (ms.responsible = 'unit' or ms.completion = 'covenant')
      and (cm.unit_id in (select private.my_unit_ids('unit_officer'))
           or cm.unit_id in (select private.my_cluster_unit_ids())
           or (select private.has_city_role('city_admin')))
    union all
    -- clusters: cluster milestones reported by the cluster, seen by whoever sees one of its member units above (the
    -- units' officers, the lead, the supervising leader) and by its lead. Not by field staff: a reporter's home unit
    -- makes the cluster theirs in private.my_cluster_ids(), but its progress is not their work.
    select ms.id, 'cluster', null::uuid, c.id
    from ms join public.cluster c on c.year = ms.year
    where ms.responsible = 'cluster' and ms.completion <> 'covenant'
      and (c.id in (select private.my_led_cluster_ids())
           or c.id in (select cm.cluster_id from public.cluster_member cm
                       where cm.unit_id in (select private.my_unit_ids('unit_officer'))
                          or cm.unit_id in (select private.my_cluster_unit_ids()))
           or (select private.has_city_role('city_admin')))
    union all
    -- the council
    select ms.id, 'council', null::uuid, null::uuid
    from ms
    where ms.responsible = 'council'
      and ((select private.has_city_role('council_member')) or (select private.has_city_role('city_admin'))
           or (select private.has_city_role('city_leader')))
  )
  select ms.id as milestone_id, ms.plan_id, ms.year, ms.code, ms.title, ms.deliverable, ms.responsible, ms.completion,
         ms.due_on, ms.deadline_at, ms.position,
         pa.party_kind, pa.unit_id, u.name as unit_name, pa.cluster_id, c.name as cluster_name,
         case ms.completion
           when 'registration' then (
             select r.submitted_at from public.registration r
             where r.unit_id = pa.unit_id and r.year = ms.year and r.status in ('submitted', 'accepted'))
           when 'covenant' then (
             select s.signed_at from public.covenant_signature s join public.covenant cv on cv.id = s.covenant_id
             where cv.cluster_id = pa.cluster_id and s.unit_id = pa.unit_id)
           else (
             select mr.reported_at from public.milestone_report mr
             where mr.milestone_id = ms.id
               and mr.unit_id is not distinct from pa.unit_id
               and mr.cluster_id is not distinct from (case when pa.party_kind = 'cluster' then pa.cluster_id end))
         end as completed_at,
         case ms.completion
           when 'registration' then (
             select r.status from public.registration r where r.unit_id = pa.unit_id and r.year = ms.year)
           when 'covenant' then (
             select cv.status from public.covenant cv where cv.cluster_id = pa.cluster_id)
         end as detail
  from ms
  join parties pa on pa.milestone_id = ms.id
  left join public.unit u on u.id = pa.unit_id
  left join public.cluster c on c.id = pa.cluster_id;

revoke all on public.milestone_status from anon, authenticated;
grant select on public.milestone_status to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Calendar feed (iCalendar): a calendar app cannot sign in, so each person gets a secret address. Only the token's
-- hash is stored; the feed carries the published plans' milestones for the person's roles and no personal data.
create table public.calendar_token (
  user_id uuid primary key references auth.users (id) on delete cascade,
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
comment on table public.calendar_token is 'Địa chỉ bí mật của lịch (iCalendar) của mỗi người; chỉ lưu mã băm.';
alter table public.calendar_token enable row level security;
revoke all on public.calendar_token from anon, authenticated;
grant select (user_id, created_at), delete on public.calendar_token to authenticated;
create policy "People see whether they have a calendar address" on public.calendar_token for select to authenticated
  using (user_id = (select auth.uid()));
create policy "People revoke their calendar address" on public.calendar_token for delete to authenticated
  using (user_id = (select auth.uid()));

-- A new secret address (the old one stops working). Returned once; the database keeps only its hash.
create function private.issue_calendar_token() returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  token text := encode(extensions.gen_random_bytes(24), 'hex');
begin
  if uid is null then
    raise exception 'Cần đăng nhập' using errcode = '42501';
  end if;
  insert into public.calendar_token (user_id, token_sha256)
  values (uid, encode(sha256(convert_to(token, 'UTF8')), 'hex'))
  on conflict (user_id) do update set token_sha256 = excluded.token_sha256, created_at = now();
  return token;
end $$;

-- The milestones a token's holder is responsible for (by their roles this year), in published plans from last year on.
create function private.calendar_feed(p_token text) returns table (
  milestone_id uuid, year int, code text, title text, deliverable text, responsible text, due_on date,
  deadline_at timestamptz, updated_at timestamptz
)
language sql stable security definer
set search_path = ''
as $$
  with holder as (
    select t.user_id from public.calendar_token t
    where t.token_sha256 = encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex')
  ),
  roles as (
    select distinct m.role from public.membership m join holder h on h.user_id = m.user_id
    where m.year = private.current_year()
  )
  select m.id, p.year, m.code, m.title, m.deliverable, m.responsible, m.due_on, private.deadline_at(m.due_on), p.updated_at
  from public.milestone m join public.plan p on p.id = m.plan_id
  where p.status = 'published' and p.year >= private.current_year() - 1
    and exists (select 1 from holder)
    and (
      exists (select 1 from roles where role = 'city_admin')
      or (m.responsible = 'unit' and exists (select 1 from roles where role = 'unit_officer'))
      or (m.completion = 'covenant' and exists (select 1 from roles where role in ('unit_officer', 'cluster_lead', 'city_leader')))
      or (m.responsible = 'cluster' and exists (select 1 from roles where role in ('cluster_lead', 'city_leader')))
      or (m.responsible = 'council' and exists (select 1 from roles where role in ('council_member', 'city_leader')))
    )
  order by m.due_on, m.position
$$;

-- Whether a calendar address is known: an empty feed of a valid address (no milestone for the holder's roles yet)
-- is an empty calendar, while an unknown or revoked address is "gone" (404).
create function private.calendar_token_valid(p_token text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.calendar_token t
                 where t.token_sha256 = encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex'))
$$;

create function public.calendar_token_valid(p_token text) returns boolean
language sql stable
set search_path = ''
as $$ select private.calendar_token_valid(p_token) $$;

create function public.issue_calendar_token() returns text
language sql volatile
set search_path = ''
as $$ select private.issue_calendar_token() $$;

create function public.calendar_feed(p_token text) returns table (
  milestone_id uuid, year int, code text, title text, deliverable text, responsible text, due_on date,
  deadline_at timestamptz, updated_at timestamptz
)
language sql stable
set search_path = ''
as $$ select * from private.calendar_feed(p_token) $$;

revoke all on function private.issue_calendar_token(), private.calendar_feed(text), private.calendar_token_valid(text) from public;
revoke all on function public.calendar_token_valid(text) from public;
grant execute on function private.calendar_token_valid(text) to anon, authenticated, service_role;
grant execute on function public.calendar_token_valid(text) to anon, authenticated;
revoke all on function public.issue_calendar_token(), public.calendar_feed(text) from public, anon;
grant execute on function private.issue_calendar_token() to authenticated, service_role;
grant execute on function private.calendar_feed(text) to anon, authenticated, service_role;
grant execute on function public.issue_calendar_token() to authenticated;
grant execute on function public.calendar_feed(text) to anon, authenticated;
