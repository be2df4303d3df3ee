-- The writing contest about exemplars (cuộc thi viết về gương điển hình tiên tiến, issue 8): the city opens a contest
-- for a period; signed-in people submit entries (optionally about a published story); the city reviews them (accepted,
-- or returned with a reason) and publishes the accepted ones as the contest's public collection. The public sees a
-- published entry's title, text, the pen name its author chose and the story it is about — never the account.
create table public.contest (
  id uuid primary key default gen_random_uuid(),
  year int not null check (year between 2000 and 2100),
  title text not null check (length(trim(title)) between 5 and 300),
  description text not null default '' check (length(description) <= 5000),
  opens_on date not null,
  closes_on date not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'published')),
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on)
);
comment on table public.contest is 'Cuộc thi viết về gương điển hình tiên tiến: mở nhận bài trong một thời gian, công bố tuyển tập bài được chọn.';
alter table public.contest enable row level security;

create table public.contest_entry (
  id uuid primary key default gen_random_uuid(),
  contest_id uuid not null references public.contest (id) on delete cascade,
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  pen_name text not null check (length(trim(pen_name)) between 2 and 100),
  story_id uuid references public.story (id) on delete set null,
  title text not null check (length(trim(title)) between 5 and 200),
  body text not null check (length(trim(body)) between 200 and 30000),
  status text not null default 'submitted' check (status in ('submitted', 'returned', 'accepted', 'published', 'withdrawn')),
  review_note text check (length(review_note) <= 2000),
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  submitted_at timestamptz not null default now(),
  published_at timestamptz,
  constraint contest_entry_returned_needs_reason check (status <> 'returned' or coalesce(length(trim(review_note)), 0) > 0)
);
comment on table public.contest_entry is 'Bài dự thi: bút danh do tác giả chọn (công khai), tài khoản tác giả không công khai.';
alter table public.contest_entry enable row level security;
create index contest_entry_contest_id_idx on public.contest_entry (contest_id, status);
create index contest_entry_author_id_idx on public.contest_entry (author_id);
create index contest_entry_story_id_idx on public.contest_entry (story_id);
create index contest_entry_reviewed_by_idx on public.contest_entry (reviewed_by);

-- The workflow: authors submit while the contest is open and fix returned entries; city admins review and publish.
create function private.contest_entry_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  c public.contest;
  is_admin boolean := (select private.has_city_role('city_admin'));
  step text;
begin
  select * into c from public.contest where id = new.contest_id;
  if new.story_id is not null and (tg_op = 'INSERT' or new.story_id is distinct from old.story_id)
     and not exists (select 1 from public.story s where s.id = new.story_id and s.status = 'published') then
    raise exception 'Chỉ viết về câu chuyện đã đăng trong thư viện' using errcode = '22023';
  end if;
  if uid is null then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if c.status <> 'open' or (now() at time zone 'Asia/Ho_Chi_Minh')::date not between c.opens_on and c.closes_on then
      raise exception 'Cuộc thi không nhận bài lúc này' using errcode = '22023';
    end if;
    new.author_id := uid;
    new.status := 'submitted';
    new.submitted_at := now();
    new.review_note := null; new.reviewed_by := null; new.reviewed_at := null; new.published_at := null;
    return new;
  end if;
  if new.contest_id <> old.contest_id or new.author_id <> old.author_id then
    raise exception 'Không được chuyển bài sang cuộc thi hoặc tác giả khác' using errcode = '42501';
  end if;
  step := old.status || '→' || new.status;
  if old.author_id = uid and step in ('returned→returned', 'returned→submitted', 'submitted→withdrawn', 'returned→withdrawn') then
    if new.review_note is distinct from old.review_note then
      raise exception 'Tác giả không sửa được ý kiến của ban tổ chức' using errcode = '42501';
    end if;
    if new.status = 'submitted' then
      new.submitted_at := now();
    end if;
    new.reviewed_by := old.reviewed_by; new.reviewed_at := old.reviewed_at; new.published_at := old.published_at;
  elsif is_admin and step in ('submitted→accepted', 'submitted→returned', 'accepted→published', 'accepted→returned', 'published→accepted') then
    if (new.title, new.body, new.pen_name, new.story_id) is distinct from (old.title, old.body, old.pen_name, old.story_id) then
      raise exception 'Ban tổ chức không sửa nội dung bài dự thi' using errcode = '42501';
    end if;
    new.reviewed_by := uid;
    new.reviewed_at := now();
    new.published_at := case when new.status = 'published' then now() end;
    if new.status <> 'returned' then new.review_note := coalesce(new.review_note, old.review_note); end if;
  else
    raise exception 'Không được chuyển bài dự thi từ "%" sang "%"', old.status, new.status using errcode = '42501';
  end if;
  return new;
end $$;
create trigger contest_entry_guard before insert or update on public.contest_entry
  for each row execute function private.contest_entry_guard();

revoke all on public.contest, public.contest_entry from anon, authenticated;
grant select on public.contest to anon, authenticated;
grant insert, update, delete on public.contest to authenticated;
grant select, delete on public.contest_entry to authenticated;
-- Anonymous readers see published entries through these columns only (no account, no review).
grant select (id, contest_id, pen_name, story_id, title, body, status, published_at) on public.contest_entry to anon;
grant insert (id, contest_id, pen_name, story_id, title, body) on public.contest_entry to authenticated;
grant update (pen_name, story_id, title, body, status, review_note) on public.contest_entry to authenticated;

create policy "Anyone reads contests once announced" on public.contest for select to anon using (status <> 'draft');
create policy "Signed-in people read announced contests; city admins drafts too" on public.contest for select to authenticated
  using (status <> 'draft' or (select private.has_city_role('city_admin')));
create policy "City admins create contests" on public.contest for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins run contests" on public.contest for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove draft contests" on public.contest for delete to authenticated
  using ((select private.has_city_role('city_admin')) and status = 'draft');

create policy "Anyone reads published entries of announced contests" on public.contest_entry for select to anon
  using (status = 'published' and exists (select 1 from public.contest c where c.id = contest_id and c.status <> 'draft'));
create policy "Authors read their entries, city admins all, everyone the published ones" on public.contest_entry
  for select to authenticated using (
    author_id = (select auth.uid()) or (select private.has_city_role('city_admin'))
    or (status = 'published' and exists (select 1 from public.contest c where c.id = contest_id and c.status <> 'draft'))
  );
create policy "Signed-in people submit entries" on public.contest_entry for insert to authenticated
  with check (author_id = (select auth.uid()));
create policy "Authors fix their entries; city admins review" on public.contest_entry for update to authenticated
  using (author_id = (select auth.uid()) or (select private.has_city_role('city_admin')))
  with check (author_id = (select auth.uid()) or (select private.has_city_role('city_admin')));
create policy "Authors remove entries not yet accepted" on public.contest_entry for delete to authenticated
  using (author_id = (select auth.uid()) and status in ('submitted', 'returned', 'withdrawn'));

-- The public collection: published entries of announced contests, with the pen name, never the account.
create view public.public_contest_entry with (security_invoker = true) as
  select e.id, e.contest_id, e.pen_name, e.title, e.body, e.story_id, s.title as story_title, e.published_at
  from public.contest_entry e
  join public.contest c on c.id = e.contest_id and c.status <> 'draft'
  left join public.public_story s on s.id = e.story_id
  where e.status = 'published';
revoke all on public.public_contest_entry from anon, authenticated;
grant select on public.public_contest_entry to anon, authenticated;
