-- Scoring against the criteria and the standings (issue 6).
-- The city sets a criteria set per year (groups, criteria with maximum points, bonus and penalty criteria, guidance)
-- and freezes it; assessment rounds (sơ kết = mid_year, tổng kết = year_end) are scored in stages: the unit's
-- self-assessment with evidence, the cluster's score (a reason when it differs from the unit's), the city's final
-- score (a reason when it differs from the cluster's). A unit never scores itself. Publishing a round records the
-- decision and freezes every score and the official standings; a correction needs a new recorded decision.
-- Standings are maintained by triggers (unit_result: one row per round and unit), so reading them is an index scan
-- of a cluster's ten-odd rows (TARGETS P9), never an aggregate over scores.

-- ---------------------------------------------------------------------------------------------------------------
-- Criteria.
create table public.criteria_set (
  id uuid primary key default gen_random_uuid(),
  year int not null unique check (year between 2000 and 2100),
  title text not null check (length(trim(title)) between 3 and 300),
  status text not null default 'draft' check (status in ('draft', 'frozen')),
  frozen_at timestamptz,
  frozen_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or frozen_at is not null)
);
comment on table public.criteria_set is 'Bộ tiêu chí chấm điểm thi đua của năm; sửa được đến khi Thành phố khóa.';
alter table public.criteria_set enable row level security;
create index criteria_set_frozen_by_idx on public.criteria_set (frozen_by);

create table public.criterion_group (
  id uuid primary key default gen_random_uuid(),
  criteria_set_id uuid not null references public.criteria_set (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(trim(name)) between 3 and 300),
  position int not null default 0,
  unique (criteria_set_id, code)
);
alter table public.criterion_group enable row level security;

create table public.criterion (
  id uuid primary key default gen_random_uuid(),
  criteria_set_id uuid not null references public.criteria_set (id) on delete cascade,
  group_id uuid not null references public.criterion_group (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(trim(name)) between 3 and 500),
  guidance text check (length(guidance) <= 4000),
  -- base: up to max_points; bonus: added, up to max_points; penalty: subtracted, up to max_points.
  kind text not null default 'base' check (kind in ('base', 'bonus', 'penalty')),
  max_points numeric(6, 2) not null check (max_points > 0 and max_points <= 1000),
  position int not null default 0,
  unique (criteria_set_id, code)
);
comment on table public.criterion is 'Tiêu chí: điểm tối đa; tiêu chí thưởng cộng thêm, tiêu chí trừ điểm trừ đi (tối đa max_points).';
alter table public.criterion enable row level security;
create index criterion_group_id_idx on public.criterion (group_id);

-- A frozen set never changes, for anyone: scores refer to it.
create function private.criteria_set_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  set_id uuid;
  set_status text;
begin
  if tg_table_name = 'criteria_set' then
    if tg_op = 'UPDATE' then
      if old.status = 'frozen' then
        raise exception 'Bộ tiêu chí đã khóa, không sửa được' using errcode = '42501';
      end if;
      -- Stamped for people; privileged writers (seed, maintenance) may give the date (else now).
      if new.status = 'frozen' then
        if (select auth.uid()) is not null then
          new.frozen_at := now();
          new.frozen_by := (select auth.uid());
        else
          new.frozen_at := coalesce(new.frozen_at, now());
        end if;
      end if;
      new.updated_at := now();
      return new;
    elsif tg_op = 'DELETE' then
      if old.status = 'frozen' then
        raise exception 'Bộ tiêu chí đã khóa, không xóa được' using errcode = '42501';
      end if;
      return old;
    else
      if new.status = 'frozen' then
        raise exception 'Bộ tiêu chí mới phải là bản nháp' using errcode = '42501';
      end if;
      return new;
    end if;
  end if;
  set_id := case when tg_op = 'DELETE' then old.criteria_set_id else new.criteria_set_id end;
  select s.status into set_status from public.criteria_set s where s.id = set_id;
  if set_status = 'frozen' or (tg_op = 'UPDATE' and old.criteria_set_id is distinct from new.criteria_set_id) then
    raise exception 'Bộ tiêu chí đã khóa, không sửa được' using errcode = '42501';
  end if;
  if tg_table_name = 'criterion' and tg_op <> 'DELETE' then
    -- (nested: NEW of criterion_group has no group_id, and SQL does not promise to short-circuit)
    if not exists (select 1 from public.criterion_group g where g.id = new.group_id and g.criteria_set_id = new.criteria_set_id) then
      raise exception 'Nhóm tiêu chí không thuộc bộ tiêu chí này' using errcode = '22023';
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger criteria_set_guard before insert or update or delete on public.criteria_set
  for each row execute function private.criteria_set_guard();
create trigger criterion_group_guard before insert or update or delete on public.criterion_group
  for each row execute function private.criteria_set_guard();
create trigger criterion_guard before insert or update or delete on public.criterion
  for each row execute function private.criteria_set_guard();

revoke all on public.criteria_set, public.criterion_group, public.criterion from anon, authenticated;
-- Criteria are public (the public standings explain totals by group); only city admins write them.
grant select on public.criteria_set, public.criterion_group, public.criterion to anon, authenticated;
grant insert, update, delete on public.criteria_set, public.criterion_group, public.criterion to authenticated;
create policy "Anyone reads criteria sets" on public.criteria_set for select to anon, authenticated using (true);
create policy "City admins create criteria sets" on public.criteria_set for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins edit and freeze criteria sets" on public.criteria_set for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove draft criteria sets" on public.criteria_set for delete to authenticated
  using ((select private.has_city_role('city_admin')));
create policy "Anyone reads criterion groups" on public.criterion_group for select to anon, authenticated using (true);
create policy "City admins add criterion groups" on public.criterion_group for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins edit criterion groups" on public.criterion_group for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove criterion groups" on public.criterion_group for delete to authenticated
  using ((select private.has_city_role('city_admin')));
create policy "Anyone reads criteria" on public.criterion for select to anon, authenticated using (true);
create policy "City admins add criteria" on public.criterion for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins edit criteria" on public.criterion for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));
create policy "City admins remove criteria" on public.criterion for delete to authenticated
  using ((select private.has_city_role('city_admin')));

-- ---------------------------------------------------------------------------------------------------------------
-- Decisions (quyết định): publishing a round's results, and every later correction, is a recorded decision.
create table public.decision (
  id uuid primary key default gen_random_uuid(),
  year int not null check (year between 2000 and 2100),
  kind text not null check (kind in ('publish', 'correction')),
  number text not null check (length(trim(number)) between 1 and 100),
  signed_on date not null,
  title text not null check (length(trim(title)) between 3 and 500),
  reason text check (length(reason) <= 4000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (year, number),
  check (kind <> 'correction' or coalesce(length(trim(reason)), 0) > 0)
);
comment on table public.decision is 'Quyết định công bố kết quả thi đua hoặc điều chỉnh kết quả đã công bố.';
alter table public.decision enable row level security;
create index decision_created_by_idx on public.decision (created_by);

-- ---------------------------------------------------------------------------------------------------------------
-- Assessment rounds: one per year and period, against that year's frozen criteria set.
create table public.assessment_round (
  id uuid primary key default gen_random_uuid(),
  year int not null check (year between 2000 and 2100),
  period text not null check (period in ('mid_year', 'year_end')),
  criteria_set_id uuid not null references public.criteria_set (id),
  status text not null default 'open' check (status in ('open', 'published')),
  published_at timestamptz,
  decision_id uuid references public.decision (id),
  created_at timestamptz not null default now(),
  unique (year, period),
  check (status = 'open' or (published_at is not null and decision_id is not null))
);
comment on table public.assessment_round is 'Đợt đánh giá: sơ kết 6 tháng (mid_year) hoặc tổng kết năm (year_end).';
alter table public.assessment_round enable row level security;
create index assessment_round_criteria_set_id_idx on public.assessment_round (criteria_set_id);
create index assessment_round_decision_id_idx on public.assessment_round (decision_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Scores: one per round, unit, criterion and stage. Evidence belongs to the unit's self-assessment.
create table public.score (
  round_id uuid not null references public.assessment_round (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  criterion_id uuid not null references public.criterion (id),
  stage text not null check (stage in ('self', 'cluster', 'city')),
  points numeric(6, 2) not null check (points >= 0),
  reason text check (length(reason) <= 2000),
  scored_by uuid default auth.uid() references auth.users (id) on delete set null,
  scored_at timestamptz not null default now(),
  primary key (round_id, unit_id, criterion_id, stage)
);
comment on column public.score.reason is 'Bắt buộc khi điểm khác điểm của cấp dưới (cụm so với tự chấm, thành phố so với cụm).';
alter table public.score enable row level security;
create index score_unit_id_idx on public.score (unit_id, round_id);
create index score_criterion_id_idx on public.score (criterion_id);
create index score_scored_by_idx on public.score (scored_by);

create table public.evidence (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.assessment_round (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  criterion_id uuid not null references public.criterion (id),
  kind text not null check (kind in ('story', 'link', 'file')),
  story_id uuid references public.story (id) on delete cascade,
  url text check (url ~ '^https?://' and length(url) <= 2000),
  storage_path text check (length(storage_path) <= 500),
  caption text check (length(caption) <= 500),
  added_by uuid default auth.uid() references auth.users (id) on delete set null,
  added_at timestamptz not null default now(),
  check (
    (kind = 'story' and story_id is not null and url is null and storage_path is null)
    or (kind = 'link' and url is not null and story_id is null and storage_path is null)
    or (kind = 'file' and storage_path is not null and story_id is null and url is null)
  )
);
comment on table public.evidence is 'Minh chứng của đơn vị cho một tiêu chí: câu chuyện đã ghi nhận, đường dẫn hoặc tệp (ảnh, văn bản).';
alter table public.evidence enable row level security;
create index evidence_unit_round_idx on public.evidence (unit_id, round_id);
create index evidence_round_id_idx on public.evidence (round_id);
create index evidence_criterion_id_idx on public.evidence (criterion_id);
create index evidence_story_id_idx on public.evidence (story_id);
create index evidence_added_by_idx on public.evidence (added_by);

-- The cluster a unit belongs to in a round's year.
create function private.unit_cluster(p_unit uuid, p_year int) returns uuid
language sql stable security definer
set search_path = ''
as $$ select cm.cluster_id from public.cluster_member cm where cm.unit_id = p_unit and cm.year = p_year $$;

-- The conflict-of-interest rule in the round's year as well: a lead of last year's cluster scoring after New Year
-- (or correcting) must not score the unit he was staff of then, even if this year's memberships no longer name it.
create function private.has_conflict_in_year(p_unit uuid, p_year int) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.membership m
    where m.user_id = (select auth.uid()) and m.year = p_year and m.unit_id is not null
      and (m.unit_id = p_unit
           or m.unit_id in (select public.unit_ancestors(p_unit))
           or m.unit_id in (select public.unit_successors(p_unit)))
  )
$$;

-- Who may write a stage for a unit: the unit's own officer (self), the lead of its cluster that year (cluster), a
-- city admin (city); never someone whose own unit it is (or was, or became) for the cluster and city stages, by
-- this year's memberships or by those of the round's year.
create function private.may_score(p_unit uuid, p_year int, p_stage text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case p_stage
    when 'self' then p_unit in (select private.my_unit_ids('unit_officer'))
    when 'cluster' then exists (
        select 1 from public.membership m
        where m.user_id = (select auth.uid()) and m.role = 'cluster_lead' and m.year = p_year
          and m.cluster_id = private.unit_cluster(p_unit, p_year))
      and not private.has_conflict_of_interest(p_unit)
      and not private.has_conflict_in_year(p_unit, p_year)
    when 'city' then private.has_city_role('city_admin') and not private.has_conflict_of_interest(p_unit)
      and not private.has_conflict_in_year(p_unit, p_year)
    else false
  end
$$;

-- Who may read a unit's scores and evidence: its officers, the lead and supervising leaders of its cluster, city
-- admins and council members. For one unit at a time (storage paths, the app); the select policies below spell the
-- same rule out with uncorrelated subqueries, which Postgres evaluates once per query instead of once per row (a
-- cluster's scores are ~1,000 rows: per-row calls made reading them take a second).
create function private.may_read_scores(p_unit uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select p_unit in (select private.my_unit_ids('unit_officer'))
      or p_unit in (select private.my_cluster_unit_ids())
      or private.has_city_role('city_admin')
      or private.has_city_role('council_member')
$$;

revoke all on function private.unit_cluster(uuid, int), private.has_conflict_in_year(uuid, int),
  private.may_score(uuid, int, text), private.may_read_scores(uuid) from public;
grant execute on function private.unit_cluster(uuid, int), private.has_conflict_in_year(uuid, int),
  private.may_score(uuid, int, text), private.may_read_scores(uuid) to authenticated, service_role;

-- The freeze and the stage rules, for every writer. A correction runs inside correct_result(), which sets
-- `thidua.correction` for its own transaction only; clients cannot set it (PostgREST exposes no set_config).
-- Security definer: the reason rule must see the score below whatever the writer may read (a lead of a past year's
-- cluster reads no scores of it this year), and RLS has already decided who writes.
create function private.score_guard() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.assessment_round;
  c public.criterion;
  row_ public.score := case when tg_op = 'DELETE' then old else new end;
  below numeric;
  below_stage text;
begin
  select * into r from public.assessment_round where id = row_.round_id;
  if r.status = 'published' and coalesce(current_setting('thidua.correction', true), '') = '' then
    raise exception 'Kết quả đã công bố: chỉ điều chỉnh được bằng một quyết định mới' using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' and (new.round_id, new.unit_id, new.criterion_id, new.stage) is distinct from (old.round_id, old.unit_id, old.criterion_id, old.stage) then
    raise exception 'Không được đổi đơn vị, tiêu chí hoặc cấp chấm của một điểm' using errcode = '42501';
  end if;
  select * into c from public.criterion where id = new.criterion_id;
  if c.criteria_set_id <> r.criteria_set_id then
    raise exception 'Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá' using errcode = '22023';
  end if;
  if new.points > c.max_points then
    raise exception 'Điểm % vượt quá điểm tối đa % của tiêu chí %', new.points, c.max_points, c.code using errcode = '22023';
  end if;
  if private.unit_cluster(new.unit_id, r.year) is null then
    raise exception 'Đơn vị không thuộc cụm thi đua nào trong năm %', r.year using errcode = '22023';
  end if;
  -- A reason whenever a score differs from the one below it (cluster vs self; city vs cluster, or vs self when the
  -- cluster has not scored that criterion).
  if new.stage in ('cluster', 'city') then
    select s.points, s.stage into below, below_stage from public.score s
    where s.round_id = new.round_id and s.unit_id = new.unit_id and s.criterion_id = new.criterion_id
      and s.stage = any (case new.stage when 'city' then array['cluster', 'self'] else array['self'] end)
    order by case s.stage when 'cluster' then 1 else 2 end
    limit 1;
    if below is not null and below <> new.points and coalesce(length(trim(new.reason)), 0) = 0 then
      raise exception 'Điểm khác điểm % (%): cần ghi lý do', case below_stage when 'self' then 'đơn vị tự chấm' else 'cụm chấm' end, below
        using errcode = '23514';
    end if;
  end if;
  if (select auth.uid()) is not null then
    new.scored_by := (select auth.uid());
    new.scored_at := now();
  end if;
  return new;
end $$;
create trigger score_guard before insert or update or delete on public.score
  for each row execute function private.score_guard();

create function private.evidence_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  row_ public.evidence := case when tg_op = 'DELETE' then old else new end;
begin
  if (select status from public.assessment_round where id = row_.round_id) = 'published' then
    raise exception 'Kết quả đã công bố: minh chứng không sửa được' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' then
    if (select auth.uid()) is not null then
      new.added_by := (select auth.uid());
      new.added_at := now();
    end if;
    -- A linked story must be the unit's own.
    if new.story_id is not null and not exists (select 1 from public.story s where s.id = new.story_id and s.unit_id = new.unit_id) then
      raise exception 'Câu chuyện minh chứng phải của chính đơn vị' using errcode = '22023';
    end if;
    -- Files live at {unit_id}/{round_id}/{file} in bucket 'evidence' (the storage policies key on both folders).
    if new.storage_path is not null and (split_part(new.storage_path, '/', 1) <> new.unit_id::text
                                         or split_part(new.storage_path, '/', 2) <> new.round_id::text) then
      raise exception 'Tệp minh chứng phải nằm trong thư mục của đơn vị và đợt đánh giá' using errcode = '22023';
    end if;
    if not exists (select 1 from public.criterion c join public.assessment_round r on r.criteria_set_id = c.criteria_set_id
                   where c.id = new.criterion_id and r.id = new.round_id) then
      raise exception 'Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá' using errcode = '22023';
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger evidence_guard before insert or update or delete on public.evidence
  for each row execute function private.evidence_guard();

revoke all on public.score, public.evidence, public.assessment_round, public.decision from anon, authenticated;
grant select on public.assessment_round to anon, authenticated;
grant insert, update on public.assessment_round to authenticated;
grant select, delete on public.score to authenticated;
grant insert (round_id, unit_id, criterion_id, stage, points, reason) on public.score to authenticated;
grant update (points, reason) on public.score to authenticated;
grant select, delete on public.evidence to authenticated;
grant insert (id, round_id, unit_id, criterion_id, kind, story_id, url, storage_path, caption) on public.evidence to authenticated;
grant update (caption) on public.evidence to authenticated;
grant select on public.decision to anon, authenticated;

create policy "Anyone reads assessment rounds" on public.assessment_round for select to anon, authenticated using (true);
create policy "City admins open rounds" on public.assessment_round for insert to authenticated
  with check ((select private.has_city_role('city_admin')) and status = 'open');
-- Publishing goes through publish_round(); the direct update is for city admins and the freeze trigger below.
create policy "City admins manage rounds" on public.assessment_round for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));

create function private.assessment_round_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if (select s.status from public.criteria_set s where s.id = new.criteria_set_id) <> 'frozen' then
      raise exception 'Cần khóa bộ tiêu chí trước khi mở đợt đánh giá' using errcode = '22023';
    end if;
    if (select s.year from public.criteria_set s where s.id = new.criteria_set_id) <> new.year then
      raise exception 'Bộ tiêu chí không thuộc năm %', new.year using errcode = '22023';
    end if;
    return new;
  end if;
  if old.status = 'published' and coalesce(current_setting('thidua.correction', true), '') = '' then
    raise exception 'Đợt đánh giá đã công bố không sửa được' using errcode = '42501';
  end if;
  if (new.year, new.period, new.criteria_set_id) is distinct from (old.year, old.period, old.criteria_set_id) then
    raise exception 'Không được đổi năm, kỳ hoặc bộ tiêu chí của đợt đánh giá' using errcode = '42501';
  end if;
  if ((new.status = 'published' and old.status <> 'published')
      or (new.decision_id, new.published_at) is distinct from (old.decision_id, old.published_at))
     and coalesce(current_setting('thidua.publishing', true), '') = '' then
    raise exception 'Công bố kết quả phải kèm quyết định (publish_round)' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger assessment_round_guard before insert or update on public.assessment_round
  for each row execute function private.assessment_round_guard();

create policy "Readers of a unit's scores" on public.score for select to authenticated
  using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
    or (select private.has_city_role('council_member'))
  );
create policy "Each stage's scorer writes it" on public.score for insert to authenticated
  with check (private.may_score(unit_id, (select r.year from public.assessment_round r where r.id = round_id), stage));
create policy "Each stage's scorer changes it" on public.score for update to authenticated
  using (private.may_score(unit_id, (select r.year from public.assessment_round r where r.id = round_id), stage))
  with check (private.may_score(unit_id, (select r.year from public.assessment_round r where r.id = round_id), stage));
create policy "Each stage's scorer withdraws it" on public.score for delete to authenticated
  using (private.may_score(unit_id, (select r.year from public.assessment_round r where r.id = round_id), stage));

create policy "Readers of a unit's evidence" on public.evidence for select to authenticated
  using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
    or (select private.has_city_role('council_member'))
  );
create policy "Unit officers add their unit's evidence" on public.evidence for insert to authenticated
  with check (unit_id in (select private.my_unit_ids('unit_officer')));
create policy "Unit officers caption their unit's evidence" on public.evidence for update to authenticated
  using (unit_id in (select private.my_unit_ids('unit_officer')))
  with check (unit_id in (select private.my_unit_ids('unit_officer')));
create policy "Unit officers remove their unit's evidence" on public.evidence for delete to authenticated
  using (unit_id in (select private.my_unit_ids('unit_officer')));

-- Decisions are public documents (the public standings cite them); written only through publish_round() and
-- correct_result(), which run as the calling city admin.
create policy "Anyone reads decisions" on public.decision for select to anon, authenticated using (true);
grant insert (year, kind, number, signed_on, title, reason) on public.decision to authenticated;
create policy "City admins record decisions" on public.decision for insert to authenticated
  with check ((select private.has_city_role('city_admin')));

-- Evidence files: private bucket, `{unit_id}/{round_id}/{file}`; the unit's officers write while the round is open
-- (a published round's files stay as they were), the readers of the unit's scores read (20261125001100).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('evidence', 'evidence', false, 10485760,
        array['image/webp', 'image/jpeg', 'image/png', 'application/pdf'])
on conflict (id) do nothing;

-- Whether the round named by a path's second folder is open, compared as text: a malformed folder name matches
-- nothing instead of failing a cast.
create function private.evidence_round_open(p_round text) returns boolean
language sql stable security definer
set search_path = ''
as $$ select exists (select 1 from public.assessment_round r where r.id::text = p_round and r.status = 'open') $$;
revoke all on function private.evidence_round_open(text) from public;
grant execute on function private.evidence_round_open(text) to authenticated, service_role;

create policy "Unit officers upload their unit's evidence files" on storage.objects for insert to authenticated
  with check (bucket_id = 'evidence'
              and (storage.foldername(name))[1] in (select u::text from private.my_unit_ids('unit_officer') u)
              and private.evidence_round_open((storage.foldername(name))[2]));
create policy "Unit officers remove their unit's evidence files" on storage.objects for delete to authenticated
  using (bucket_id = 'evidence'
         and (storage.foldername(name))[1] in (select u::text from private.my_unit_ids('unit_officer') u)
         and private.evidence_round_open((storage.foldername(name))[2]));

-- ---------------------------------------------------------------------------------------------------------------
-- Results maintained by triggers: per round and unit, the total of the highest stage present per criterion
-- (city over cluster over self), bonus added and penalty subtracted, with totals per group; then the cluster's
-- ranks. Tie rule: equal totals share a rank and the next rank is skipped (1, 2, 2, 4 — standard competition
-- ranking); the display orders tied units by name.
create table public.unit_result (
  round_id uuid not null references public.assessment_round (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  cluster_id uuid not null references public.cluster (id) on delete cascade,
  total numeric(8, 2) not null default 0,
  self_total numeric(8, 2) not null default 0,
  group_totals jsonb not null default '{}',
  scored_criteria int not null default 0,
  rank int,
  previous_rank int,
  rank_changed_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (round_id, unit_id)
);
comment on table public.unit_result is 'Kết quả tạm tính (hoặc chính thức khi đợt đã công bố) của đơn vị; duy trì bằng trigger.';
comment on column public.unit_result.previous_rank is 'Thứ hạng trước lần thay đổi thứ hạng gần nhất (để hiện tăng/giảm hạng).';
alter table public.unit_result enable row level security;
create index unit_result_cluster_idx on public.unit_result (round_id, cluster_id, rank);
create index unit_result_unit_id_idx on public.unit_result (unit_id);
create index unit_result_cluster_id_idx on public.unit_result (cluster_id);

-- Recompute one unit's result, then its cluster's ranks (a cluster has ten-odd units: cheap on every score write).
create function private.rerank_cluster(p_round uuid, p_cluster uuid) returns void
language sql
security definer
set search_path = ''
as $$
  with ranked as (
    select unit_id, rank() over (order by total desc) as new_rank
    from public.unit_result where round_id = p_round and cluster_id = p_cluster
  )
  update public.unit_result ur
  set previous_rank = ur.rank, rank = ranked.new_rank, rank_changed_at = now()
  from ranked
  where ur.round_id = p_round and ur.unit_id = ranked.unit_id and ur.rank is distinct from ranked.new_rank
$$;

create function private.recompute_unit_result(p_round uuid, p_unit uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.assessment_round;
  v_cluster uuid;
  v_total numeric;
  v_self numeric;
  v_count int;
  v_groups jsonb;
begin
  select * into r from public.assessment_round where id = p_round;
  v_cluster := private.unit_cluster(p_unit, r.year);
  if v_cluster is null then
    return;
  end if;
  -- One writer per cluster and round at a time, until commit: two officers scoring at once would otherwise each
  -- rank from a snapshot without the other's total (and a unit's total could miss a concurrent score of its own).
  -- Every statement below takes a fresh snapshot (read committed), so it sees what the previous holder committed.
  perform pg_advisory_xact_lock(hashtextextended('thidua.unit_result:' || p_round::text || ':' || v_cluster::text, 0));
  with eff as (
    select g.code as group_code, c.kind,
           (select s.points from public.score s
            where s.round_id = p_round and s.unit_id = p_unit and s.criterion_id = c.id
            order by case s.stage when 'city' then 1 when 'cluster' then 2 else 3 end
            limit 1) as best,
           (select s.points from public.score s
            where s.round_id = p_round and s.unit_id = p_unit and s.criterion_id = c.id and s.stage = 'self') as self_points
    from public.criterion c join public.criterion_group g on g.id = c.group_id
    where c.criteria_set_id = r.criteria_set_id
  ),
  signed as (
    select group_code, best,
           case kind when 'penalty' then -best else best end as pts,
           case kind when 'penalty' then -self_points else self_points end as self_pts
    from eff
  )
  select coalesce(sum(pts), 0), coalesce(sum(self_pts), 0), count(best),
         coalesce((select jsonb_object_agg(x.group_code, x.points)
                   from (select group_code, coalesce(sum(pts), 0) as points from signed group by group_code) x), '{}'::jsonb)
  into v_total, v_self, v_count, v_groups
  from signed;

  insert into public.unit_result (round_id, unit_id, cluster_id, total, self_total, group_totals, scored_criteria, updated_at)
  values (p_round, p_unit, v_cluster, v_total, v_self, v_groups, v_count, now())
  on conflict (round_id, unit_id) do update
    set cluster_id = excluded.cluster_id, total = excluded.total, self_total = excluded.self_total,
        group_totals = excluded.group_totals, scored_criteria = excluded.scored_criteria, updated_at = now();
  perform private.rerank_cluster(p_round, v_cluster);
end $$;

create function private.score_after_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_ public.score := case when tg_op = 'DELETE' then old else new end;
begin
  if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or old.points is distinct from new.points or old.reason is distinct from new.reason) then
    insert into public.score_history (round_id, unit_id, criterion_id, stage, old_points, new_points, reason, changed_by, decision_id)
    values (old.round_id, old.unit_id, old.criterion_id, old.stage, old.points,
            case when tg_op = 'DELETE' then null else new.points end,
            case when tg_op = 'DELETE' then null else new.reason end,
            (select auth.uid()), nullif(current_setting('thidua.correction', true), '')::uuid);
  elsif tg_op = 'INSERT' and coalesce(current_setting('thidua.correction', true), '') <> '' then
    -- A correction that gives the city's score where there was none still changes a published result: its old
    -- points are those the published result used (the cluster's, else the unit's own).
    insert into public.score_history (round_id, unit_id, criterion_id, stage, old_points, new_points, reason, changed_by, decision_id)
    values (new.round_id, new.unit_id, new.criterion_id, new.stage,
            (select s.points from public.score s
             where s.round_id = new.round_id and s.unit_id = new.unit_id and s.criterion_id = new.criterion_id
               and s.stage <> new.stage
             order by case s.stage when 'city' then 1 when 'cluster' then 2 else 3 end
             limit 1),
            new.points, new.reason, (select auth.uid()), current_setting('thidua.correction', true)::uuid);
  end if;
  perform private.recompute_unit_result(row_.round_id, row_.unit_id);
  return null;
end $$;

-- Every change of a score after it was first given: who, when, old and new points, the reason (and the decision,
-- for a correction after publication).
create table public.score_history (
  id bigint generated always as identity primary key,
  round_id uuid not null references public.assessment_round (id) on delete cascade,
  unit_id uuid not null references public.unit (id),
  criterion_id uuid not null references public.criterion (id),
  stage text not null,
  old_points numeric(6, 2),
  new_points numeric(6, 2),
  reason text,
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now(),
  decision_id uuid references public.decision (id)
);
comment on table public.score_history is 'Lịch sử thay đổi điểm: ai, lúc nào, điểm cũ, điểm mới, lý do (và quyết định nếu là điều chỉnh sau công bố).';
alter table public.score_history enable row level security;
create index score_history_unit_round_idx on public.score_history (unit_id, round_id);
create index score_history_round_id_idx on public.score_history (round_id);
create index score_history_criterion_id_idx on public.score_history (criterion_id);
create index score_history_changed_by_idx on public.score_history (changed_by);
create index score_history_decision_id_idx on public.score_history (decision_id);
revoke all on public.score_history from anon, authenticated;
grant select on public.score_history to authenticated;
create policy "Readers of a unit's scores read their history" on public.score_history for select to authenticated
  using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or unit_id in (select private.my_cluster_unit_ids())
    or (select private.has_city_role('city_admin'))
    or (select private.has_city_role('council_member'))
  );

create trigger score_after_write after insert or update or delete on public.score
  for each row execute function private.score_after_write();

-- Opening a round gives every unit of that year's clusters a (zero) result, so standings list all members at once.
create function private.assessment_round_seed_results() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.unit_result (round_id, unit_id, cluster_id, rank)
  select new.id, cm.unit_id, cm.cluster_id, 1 from public.cluster_member cm where cm.year = new.year
  on conflict do nothing;
  return null;
end $$;
create trigger assessment_round_seed_results after insert on public.assessment_round
  for each row execute function private.assessment_round_seed_results();

-- Members who join or leave a cluster while a round of that year is open join or leave its standings at once (a
-- unit added after the round opened would otherwise appear only with its first score). Published rounds keep the
-- results they were published with.
create function private.cluster_member_results() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
begin
  for r in select ar.id from public.assessment_round ar
           where ar.status = 'open' and ar.year in (case when tg_op <> 'INSERT' then old.year end,
                                                    case when tg_op <> 'DELETE' then new.year end)
  loop
    if tg_op <> 'INSERT' then
      perform pg_advisory_xact_lock(hashtextextended('thidua.unit_result:' || r.id::text || ':' || old.cluster_id::text, 0));
      delete from public.unit_result where round_id = r.id and unit_id = old.unit_id and cluster_id = old.cluster_id;
      perform private.rerank_cluster(r.id, old.cluster_id);
    end if;
    if tg_op <> 'DELETE' then
      perform private.recompute_unit_result(r.id, new.unit_id);
    end if;
  end loop;
  return null;
end $$;
create trigger cluster_member_results after insert or update or delete on public.cluster_member
  for each row execute function private.cluster_member_results();

-- Published results are frozen for everyone: nothing changes them but a correction (correct_result()). Removing a
-- cluster, a membership or the round would otherwise take official results with it.
create function private.unit_result_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.assessment_round r
             where r.id = (case when tg_op = 'INSERT' then new.round_id else old.round_id end) and r.status = 'published')
     and coalesce(current_setting('thidua.correction', true), '') = '' then
    raise exception 'Kết quả đã công bố: chỉ điều chỉnh được bằng một quyết định mới' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger unit_result_guard before insert or update or delete on public.unit_result
  for each row execute function private.unit_result_guard();

revoke all on function private.rerank_cluster(uuid, uuid), private.recompute_unit_result(uuid, uuid) from public;

-- Standings readers: everyone of the cluster (its units' staff, its lead, supervising leaders), city admins and
-- council members; anyone at all once the round is published.
revoke all on public.unit_result from anon, authenticated;
grant select on public.unit_result to anon, authenticated;
create policy "Anyone reads published results" on public.unit_result for select to anon
  using (round_id in (select r.id from public.assessment_round r where r.status = 'published'));
create policy "Cluster members, leads, supervisors, the city and the council read results; anyone published ones"
  on public.unit_result for select to authenticated using (
    cluster_id in (select private.my_cluster_ids())
    or (select private.has_city_role('city_admin'))
    or (select private.has_city_role('council_member'))
    or round_id in (select r.id from public.assessment_round r where r.status = 'published')
  );

-- The standings as shown: rank, change since the previous ranking, gap to the next place up, provisional until the
-- round is published (then the decision that made it official). The gap is a window over the cluster's rows (totals
-- have two decimals: the next total up is at least 0.01 above), so RLS on unit_result is applied once per read, not
-- once more per row; a reader sees all of a cluster's rows in a round or none, so the window sees the whole cluster.
create view public.standings with (security_invoker = true) as
  select ur.round_id, r.year, r.period, r.status = 'published' as official, r.published_at,
         d.number as decision_number, d.signed_on as decision_signed_on,
         ur.cluster_id, c.name as cluster_name, ur.unit_id, u.name as unit_name,
         ur.total, ur.self_total, ur.group_totals, ur.scored_criteria, ur.rank, ur.previous_rank,
         ur.previous_rank - ur.rank as rank_change,
         min(ur.total) over (partition by ur.round_id, ur.cluster_id order by ur.total
                             range between 0.01 following and unbounded following) - ur.total as gap_to_next,
         ur.updated_at
  from public.unit_result ur
  join public.assessment_round r on r.id = ur.round_id
  join public.unit u on u.id = ur.unit_id
  join public.cluster c on c.id = ur.cluster_id
  left join public.decision d on d.id = r.decision_id;
revoke all on public.standings from anon, authenticated;
grant select on public.standings to anon, authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Publishing and correcting (security invoker: RLS lets only city admins record decisions and change rounds).
create function public.publish_round(p_round uuid, p_number text, p_signed_on date, p_title text) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  r public.assessment_round;
  d_id uuid;
begin
  select * into r from public.assessment_round where id = p_round;
  if not found then
    raise exception 'Không tìm thấy đợt đánh giá' using errcode = 'P0002';
  end if;
  if r.status = 'published' then
    raise exception 'Đợt đánh giá đã được công bố' using errcode = '42501';
  end if;
  insert into public.decision (year, kind, number, signed_on, title) values (r.year, 'publish', p_number, p_signed_on, p_title)
  returning id into d_id;
  perform set_config('thidua.publishing', '1', true);
  update public.assessment_round set status = 'published', published_at = now(), decision_id = d_id where id = p_round;
  if not found then
    raise exception 'Không có quyền công bố kết quả' using errcode = '42501';
  end if;
  perform set_config('thidua.publishing', '', true);
  return d_id;
end $$;

create function public.correct_result(p_round uuid, p_unit uuid, p_criterion uuid, p_points numeric,
                                      p_number text, p_signed_on date, p_reason text) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  r public.assessment_round;
  d_id uuid;
begin
  select * into r from public.assessment_round where id = p_round;
  if not found or r.status <> 'published' then
    raise exception 'Chỉ điều chỉnh kết quả đã công bố' using errcode = '22023';
  end if;
  insert into public.decision (year, kind, number, signed_on, title, reason)
  values (r.year, 'correction', p_number, p_signed_on, 'Điều chỉnh kết quả thi đua', p_reason)
  returning id into d_id;
  perform set_config('thidua.correction', d_id::text, true);
  insert into public.score (round_id, unit_id, criterion_id, stage, points, reason)
  values (p_round, p_unit, p_criterion, 'city', p_points, p_reason || ' (Quyết định ' || p_number || ')')
  on conflict (round_id, unit_id, criterion_id, stage) do update set points = excluded.points, reason = excluded.reason;
  perform set_config('thidua.correction', '', true);
  return d_id;
end $$;
revoke all on function public.publish_round(uuid, text, date, text), public.correct_result(uuid, uuid, uuid, numeric, text, date, text) from public, anon;
grant execute on function public.publish_round(uuid, text, date, text), public.correct_result(uuid, uuid, uuid, numeric, text, date, text) to authenticated;

-- Live standings: Realtime sends changes of unit_result (RLS still decides who receives which rows).
alter publication supabase_realtime add table public.unit_result;
