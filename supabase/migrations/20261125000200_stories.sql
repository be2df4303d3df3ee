-- Stories (người tốt, việc tốt; điển hình tiên tiến) and their photos, with the review workflow enforced here:
-- submitted → verified (unit officer) → published (city admin), or returned with a reason / rejected.
-- The device makes the UUID, so a replayed upsert lands on the same row. Anonymous readers see published stories
-- only, and only through columns without personal data (no author, contact, address or consent details).

create table public.story (
  id uuid primary key,
  unit_id uuid not null references public.unit (id),
  author_id uuid not null default auth.uid() references auth.users (id),
  kind text not null check (kind in ('good_deed', 'exemplary_model')),
  title text not null check (length(title) between 3 and 200),
  body text not null check (length(body) between 10 and 20000),
  subject_name text not null check (length(subject_name) between 1 and 200),
  subject_kind text not null check (subject_kind in ('person', 'collective')),
  subject_is_minor boolean not null default false,
  occurred_on date not null,
  address text check (length(address) <= 500),
  consent_given_by text check (length(consent_given_by) between 1 and 200),
  consent_method text check (consent_method in ('written', 'verbal_recorded', 'guardian_written')),
  consent_recorded_at timestamptz,
  consent_withdrawn_at timestamptz,
  status text not null default 'submitted'
    check (status in ('submitted', 'verified', 'returned', 'rejected', 'published', 'withdrawn')),
  review_note text check (length(review_note) <= 2000),
  reviewed_by uuid references auth.users (id),
  reviewed_at timestamptz,
  published_by uuid references auth.users (id),
  published_at timestamptz,
  revision int not null default 1,
  content_hash text check (content_hash ~ '^[0-9a-f]{64}$'),
  client_created_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Civil Code art. 32 / Law 91/2025: nothing is published without recorded consent, a guardian's for a child.
  constraint story_published_needs_consent check (
    status <> 'published' or (
      consent_given_by is not null and consent_method is not null and consent_recorded_at is not null
      and consent_withdrawn_at is null
      and (not subject_is_minor or consent_method = 'guardian_written')
    )
  ),
  -- coalesce: a CHECK whose expression is NULL passes, and a missing note must not.
  constraint story_returned_needs_reason check (status not in ('returned', 'rejected') or coalesce(length(trim(review_note)), 0) > 0)
);
comment on table public.story is 'Câu chuyện người tốt, việc tốt / điển hình tiên tiến do cán bộ cơ sở ghi nhận.';
alter table public.story enable row level security;
create index story_unit_id_status_idx on public.story (unit_id, status);
create index story_author_id_updated_at_idx on public.story (author_id, updated_at);
create index story_published_at_idx on public.story (published_at desc) where status = 'published';
-- Deleting a user checks these foreign keys; partial, as most stories are not yet reviewed or published.
create index story_reviewed_by_idx on public.story (reviewed_by) where reviewed_by is not null;
create index story_published_by_idx on public.story (published_by) where published_by is not null;

create table public.story_photo (
  id uuid primary key,
  story_id uuid not null references public.story (id) on delete cascade,
  position int not null check (position between 0 and 19),
  storage_path text not null unique check (storage_path ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}/[0-9a-f-]{36}\.(webp|jpg)$'),
  thumb_path text check (thumb_path ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}/[0-9a-f-]{36}-thumb\.(webp|jpg)$'),
  content_type text not null check (content_type in ('image/webp', 'image/jpeg')),
  width int not null check (width between 1 and 1600),
  height int not null check (height between 1 and 1600),
  byte_size int not null check (byte_size between 1 and 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  caption text check (length(caption) <= 500),
  created_at timestamptz not null default now()
);
alter table public.story_photo enable row level security;
create index story_photo_story_id_idx on public.story_photo (story_id, position);

-- ---------------------------------------------------------------------------------------------------------------
-- Workflow guard. RLS decides which rows a person may touch; this trigger decides which changes are legal, and
-- stamps who reviewed or published. Server-side stamps ignore whatever the client sent.
create function private.story_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    new.author_id := (select auth.uid());
    new.status := 'submitted';
    new.review_note := null;
    new.reviewed_by := null; new.reviewed_at := null;
    new.published_by := null; new.published_at := null;
    new.consent_withdrawn_at := null;
    new.revision := 1;
    new.created_at := now();
  end if;
  new.updated_at := now();
  return new;
end $$;

create function private.story_content_changed(a public.story, b public.story) returns boolean
language sql immutable
set search_path = ''
as $$
  select (a.kind, a.title, a.body, a.subject_name, a.subject_kind, a.subject_is_minor, a.occurred_on, a.address,
          a.consent_given_by, a.consent_method, a.consent_recorded_at)
     is distinct from
         (b.kind, b.title, b.body, b.subject_name, b.subject_kind, b.subject_is_minor, b.occurred_on, b.address,
          b.consent_given_by, b.consent_method, b.consent_recorded_at)
$$;

create function private.story_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  is_author boolean;
  is_officer boolean;
  is_admin boolean;
  step text := old.status || '→' || new.status;
begin
  if uid is null then  -- maintenance as a privileged role (seed, migrations)
    new.updated_at := now();
    return new;
  end if;
  new.client_created_at := old.client_created_at;
  if new.id <> old.id or new.unit_id <> old.unit_id or new.author_id <> old.author_id or new.created_at <> old.created_at then
    raise exception 'Không thể đổi đơn vị hoặc tác giả của câu chuyện' using errcode = '42501';
  end if;
  is_author := old.author_id = uid;
  is_officer := old.unit_id in (select private.my_unit_ids('unit_officer'));
  is_admin := private.has_city_role('city_admin');

  -- Withdrawing consent takes a published story down at once.
  if new.consent_withdrawn_at is not null and old.consent_withdrawn_at is null then
    if not (is_officer or is_admin) then
      raise exception 'Chỉ cán bộ đơn vị hoặc Thành phố ghi nhận việc rút lại sự đồng ý' using errcode = '42501';
    end if;
    if private.story_content_changed(old, new) then
      raise exception 'Rút lại sự đồng ý không được kèm sửa nội dung' using errcode = '42501';
    end if;
    if old.status = 'published' then new.status := 'withdrawn'; end if;
    new.updated_at := now();
    return new;
  end if;

  if private.story_content_changed(old, new) then
    if not (is_author and old.status in ('submitted', 'returned') and new.status = 'submitted') then
      raise exception 'Câu chuyện ở trạng thái "%" không thể sửa nội dung', old.status using errcode = '42501';
    end if;
    new.revision := old.revision + 1;
  else
    new.revision := old.revision;
  end if;

  if step in ('submitted→verified', 'submitted→returned', 'submitted→rejected') and is_officer then
    new.reviewed_by := uid; new.reviewed_at := now();
  elsif step in ('verified→published') and is_admin then
    new.published_by := uid; new.published_at := now();
    new.review_note := null;
  elsif step in ('verified→returned', 'published→withdrawn') and is_admin then
    new.reviewed_by := uid; new.reviewed_at := now();
  elsif step in ('returned→submitted', 'submitted→submitted') and is_author then
    new.review_note := old.review_note;
    new.reviewed_by := old.reviewed_by; new.reviewed_at := old.reviewed_at;
  elsif old.status = new.status and not private.story_content_changed(old, new) then
    null;  -- no state change (e.g. a replayed push of the same content)
  else
    raise exception 'Không được chuyển câu chuyện từ "%" sang "%"', old.status, new.status using errcode = '42501';
  end if;

  if step not in ('verified→published') then
    new.published_by := old.published_by; new.published_at := old.published_at;
  end if;
  if new.status = old.status then
    new.review_note := old.review_note; new.reviewed_by := old.reviewed_by; new.reviewed_at := old.reviewed_at;
  end if;
  new.updated_at := now();
  return new;
end $$;

create trigger story_before_insert before insert on public.story
  for each row execute function private.story_before_insert();
create trigger story_before_update before update on public.story
  for each row execute function private.story_before_update();

-- ---------------------------------------------------------------------------------------------------------------
-- Grants: anonymous readers get only the public columns; signed-in people may write only what the form edits and
-- the review fields (the trigger decides whether a given change is legal).
revoke all on public.story, public.story_photo from anon, authenticated;
grant select (id, unit_id, kind, title, body, subject_name, subject_kind, occurred_on, status, published_at)
  on public.story to anon;
grant select on public.story to authenticated;
-- An upsert (PostgREST `on_conflict`) sets every column it sends, so `id`, `unit_id`, `status` and `client_created_at`
-- are updatable by grant; the trigger refuses any real change to identity and any illegal status step.
grant insert (id, unit_id, kind, title, body, subject_name, subject_kind, subject_is_minor, occurred_on, address,
              consent_given_by, consent_method, consent_recorded_at, content_hash, client_created_at, status)
  on public.story to authenticated;
grant update (id, unit_id, client_created_at, kind, title, body, subject_name, subject_kind, subject_is_minor, occurred_on, address,
              consent_given_by, consent_method, consent_recorded_at, consent_withdrawn_at, content_hash,
              status, review_note)
  on public.story to authenticated;

grant select (id, story_id, position, storage_path, thumb_path, content_type, width, height, caption)
  on public.story_photo to anon;
grant select, insert, delete on public.story_photo to authenticated;
grant update (position, caption) on public.story_photo to authenticated;

create policy "Anyone can read published stories" on public.story for select to anon
  using (status = 'published');
create policy "People read their own, their unit's (officers), all (city admins) and published stories" on public.story
  for select to authenticated using (
    author_id = (select auth.uid())
    or status = 'published'
    or unit_id in (select private.my_unit_ids('unit_officer'))
    or (select private.has_city_role('city_admin'))
  );
create policy "Reporters submit stories in their own units" on public.story for insert to authenticated
  with check (author_id = (select auth.uid()) and unit_id in (select private.my_unit_ids('reporter')));
create policy "Authors edit their stories until verified; officers review their unit's; city admins publish" on public.story
  for update to authenticated
  using (
    (author_id = (select auth.uid()) and status in ('submitted', 'returned'))
    or (unit_id in (select private.my_unit_ids('unit_officer')) and status in ('submitted', 'published'))
    or (select private.has_city_role('city_admin'))
  )
  with check (
    (author_id = (select auth.uid()) and status = 'submitted')
    or (unit_id in (select private.my_unit_ids('unit_officer')) and status in ('submitted', 'verified', 'returned', 'rejected', 'withdrawn'))
    or (select private.has_city_role('city_admin'))
  );

create policy "Photos are readable wherever their story is" on public.story_photo for select to anon, authenticated
  using (exists (select 1 from public.story s where s.id = story_photo.story_id));
create policy "Authors add photos to their stories until verified" on public.story_photo for insert to authenticated
  with check (exists (
    select 1 from public.story s
    where s.id = story_photo.story_id and s.author_id = (select auth.uid()) and s.status in ('submitted', 'returned')
  ));
create policy "Authors change photos of their stories until verified" on public.story_photo for update to authenticated
  using (exists (
    select 1 from public.story s
    where s.id = story_photo.story_id and s.author_id = (select auth.uid()) and s.status in ('submitted', 'returned')
  ));
create policy "Authors remove photos of their stories until verified" on public.story_photo for delete to authenticated
  using (exists (
    select 1 from public.story s
    where s.id = story_photo.story_id and s.author_id = (select auth.uid()) and s.status in ('submitted', 'returned')
  ));

-- ---------------------------------------------------------------------------------------------------------------
-- Public read models: published stories without personal data, for the gallery (SSR, anonymous).
create view public.public_story with (security_invoker = true) as
  select s.id, s.kind, s.title, s.body, s.subject_name, s.subject_kind, s.occurred_on, s.unit_id,
         u.name as unit_name, s.published_at,
         (select p.storage_path from public.story_photo p where p.story_id = s.id order by p.position limit 1) as cover_path,
         (select p.thumb_path from public.story_photo p where p.story_id = s.id order by p.position limit 1) as cover_thumb_path
  from public.story s join public.unit u on u.id = s.unit_id
  where s.status = 'published';

create view public.public_story_photo with (security_invoker = true) as
  select p.id, p.story_id, p.position, p.storage_path, p.thumb_path, p.width, p.height, p.caption
  from public.story_photo p join public.story s on s.id = p.story_id
  where s.status = 'published';

revoke all on public.public_story, public.public_story_photo from anon, authenticated;
grant select on public.public_story, public.public_story_photo to anon, authenticated;
