-- Award nominations, dossiers and the council's appraisal (issue 7).
-- A unit (or, for the forms a cluster proposes, the cluster lead) nominates an individual or a collective for an award
-- form of the versioned catalogue, blank or from a published story, with a summary of achievements and dossier files.
-- draft → submitted (unit) → cluster_reviewed (cluster lead) → appraised (city office, against a checklist) → voting
-- (council members vote) → approved | not_approved (the city records the decision; the outcome is the tally's).
-- At any review step it can be returned with a reason to the unit, which fixes it and submits again.
-- The database enforces: who may take which step, one award per achievement (Luật Thi đua, khen thưởng 2022, art. 6:
-- "một thành tích chỉ được đề nghị khen thưởng một hình thức"), the deadline of the occasion (the plan's milestone),
-- the documents the form requires, and the vote threshold. Every change lands in nomination_event (the audit trail),
-- written by triggers only.

create extension if not exists unaccent with schema extensions;

-- ---------------------------------------------------------------------------------------------------------------
-- The catalogue of award forms (hình thức khen thưởng), in the same versions as the emulation titles.
-- `requirements` maps each occasion the form is given on to the documents its dossier must hold:
-- year_end (khen thưởng tổng kết năm), kncc (Kỷ niệm chương, once per person), ad_hoc (khen thưởng đột xuất, the
-- shortened procedure of Nghị định 98/2023 art. 84: memo and summary of the achievement).
create table public.award_form (
  id uuid primary key default gen_random_uuid(),
  catalogue_version_id uuid not null references public.catalogue_version (id),
  code text not null check (code ~ '^[a-z0-9_]{2,60}$'),
  name text not null check (length(trim(name)) between 3 and 300),
  name_en text check (length(name_en) <= 300),
  applies_to text[] not null check (cardinality(applies_to) between 1 and 2 and applies_to <@ array['individual', 'collective']),
  proposers text[] not null check (cardinality(proposers) between 1 and 2 and proposers <@ array['unit', 'cluster']),
  conferred_by text not null check (length(trim(conferred_by)) between 2 and 300),
  requirements jsonb not null,
  position int not null default 0,
  unique (catalogue_version_id, code)
);
comment on table public.award_form is 'Hình thức khen thưởng (tên chính thức) trong một phiên bản danh mục: ai được đề nghị, dịp khen thưởng và hồ sơ bắt buộc.';
comment on column public.award_form.requirements is 'Theo dịp khen thưởng (year_end, kncc, ad_hoc): danh sách loại tài liệu bắt buộc trong hồ sơ.';
alter table public.award_form enable row level security;

create function private.award_requirements_ok(p jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select jsonb_typeof(p) = 'object'
     and exists (select 1 from jsonb_object_keys(p))
     and not exists (
       select 1 from jsonb_each(p) e
       where e.key not in ('year_end', 'kncc', 'ad_hoc')
          or jsonb_typeof(e.value) <> 'array'
          or exists (select 1 from jsonb_array_elements_text(e.value) d
                     where d not in ('to_trinh', 'bao_cao_thanh_tich', 'bien_ban_xet', 'ban_khai', 'khac')))
$$;
alter table public.award_form add constraint award_form_requirements_ok check (private.award_requirements_ok(requirements));

revoke all on public.award_form from anon, authenticated;
grant select on public.award_form to anon, authenticated;
grant insert, update on public.award_form to authenticated;
create policy "Anyone reads award forms" on public.award_form for select to anon, authenticated using (true);
create policy "City admins add award forms" on public.award_form for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins correct award forms" on public.award_form for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));

-- Award decisions are decisions too (the number and date the nomination was decided by).
alter table public.decision drop constraint decision_kind_check;
alter table public.decision add constraint decision_kind_check check (kind in ('publish', 'correction', 'award'));

-- ---------------------------------------------------------------------------------------------------------------
-- The council's vote threshold per year: a nomination passes when its approving votes are MORE than this percentage
-- of the council's members who may vote on it (members with a conflict of interest do not count, either way).
create table public.council_setting (
  year int primary key check (year between 2000 and 2100),
  threshold_percent int not null default 50 check (threshold_percent between 1 and 99),
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
comment on table public.council_setting is 'Ngưỡng biểu quyết của Hội đồng: số phiếu đồng ý phải trên threshold_percent % số thành viên được biểu quyết.';
alter table public.council_setting enable row level security;
create index council_setting_updated_by_idx on public.council_setting (updated_by);

create function private.council_setting_stamp() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    new.updated_by := (select auth.uid());
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger council_setting_stamp before insert or update on public.council_setting
  for each row execute function private.council_setting_stamp();

revoke all on public.council_setting from anon, authenticated;
grant select on public.council_setting to authenticated;
grant insert (year, threshold_percent), update (year, threshold_percent) on public.council_setting to authenticated;
create policy "Signed-in people read the council's threshold" on public.council_setting for select to authenticated using (true);
create policy "City admins set the threshold" on public.council_setting for insert to authenticated
  with check ((select private.has_city_role('city_admin')));
create policy "City admins change the threshold" on public.council_setting for update to authenticated
  using ((select private.has_city_role('city_admin'))) with check ((select private.has_city_role('city_admin')));

-- ---------------------------------------------------------------------------------------------------------------
-- nomination (đề nghị khen thưởng). `unit_id` is the unit the nominee belongs to (a collective: the unit itself or
-- one of its collectives); `proposed_by_cluster` says the cluster lead proposed it (forms a cluster proposes).
create sequence private.nomination_code_seq;

create table public.nomination (
  id uuid primary key default gen_random_uuid(),
  code text not null unique default '',
  year int not null check (year between 2000 and 2100),
  unit_id uuid not null references public.unit (id),
  proposed_by_cluster boolean not null default false,
  award_form_id uuid not null references public.award_form (id),
  occasion text not null check (occasion in ('year_end', 'kncc', 'ad_hoc')),
  nominee_kind text not null check (nominee_kind in ('individual', 'collective')),
  nominee_name text not null check (length(trim(nominee_name)) between 2 and 200),
  nominee_position text check (length(nominee_position) <= 300),
  nominee_birth_year int check (nominee_birth_year between 1900 and 2100),
  achievements text not null default '' check (length(achievements) <= 20000),
  source_story_id uuid references public.story (id),
  story_snapshot jsonb,
  status text not null default 'draft' check (status in
    ('draft', 'submitted', 'cluster_reviewed', 'appraised', 'voting', 'approved', 'not_approved', 'returned', 'withdrawn')),
  return_reason text check (length(return_reason) <= 2000),
  returned_from text check (returned_from in ('submitted', 'cluster_reviewed', 'appraised', 'voting')),
  returned_at timestamptz,
  returned_by uuid references auth.users (id) on delete set null,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid references auth.users (id) on delete set null,
  cluster_reviewed_at timestamptz,
  cluster_reviewed_by uuid references auth.users (id) on delete set null,
  appraised_at timestamptz,
  appraised_by uuid references auth.users (id) on delete set null,
  voting_opened_at timestamptz,
  decision_id uuid references public.decision (id),
  decided_at timestamptz,
  -- The achievement this nomination would reward (see private.achievement_key): two live nominations never share one.
  achievement_key text,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint nomination_returned_needs_reason check (status <> 'returned' or coalesce(length(trim(return_reason)), 0) > 0),
  constraint nomination_decided_has_decision check (status not in ('approved', 'not_approved') or decision_id is not null),
  constraint nomination_individual_fields check (nominee_kind = 'individual' or (nominee_birth_year is null))
);
comment on table public.nomination is 'Đề nghị khen thưởng một cá nhân hoặc tập thể, kèm hồ sơ; đi qua Cụm, Văn phòng (thẩm định) và Hội đồng (bình xét).';
alter table public.nomination enable row level security;
create index nomination_unit_year_idx on public.nomination (unit_id, year);
create index nomination_year_status_idx on public.nomination (year, status);
create index nomination_award_form_id_idx on public.nomination (award_form_id);
create index nomination_source_story_id_idx on public.nomination (source_story_id);
create index nomination_decision_id_idx on public.nomination (decision_id);
create index nomination_returned_by_idx on public.nomination (returned_by);
create index nomination_submitted_by_idx on public.nomination (submitted_by);
create index nomination_cluster_reviewed_by_idx on public.nomination (cluster_reviewed_by);
create index nomination_appraised_by_idx on public.nomination (appraised_by);
create index nomination_created_by_idx on public.nomination (created_by);
-- The double-award rule's backstop (the trigger explains it first, naming the other dossier).
create unique index nomination_one_award_per_achievement on public.nomination (achievement_key)
  where achievement_key is not null and status not in ('withdrawn', 'not_approved');

-- Names compare without case, diacritics or spacing ("Nguyễn Thị  Hoà" = "nguyen thi hoa"); đ is d.
create function private.fold_name(p text) returns text
language sql stable
set search_path = ''
as $$ select regexp_replace(lower(extensions.unaccent(replace(replace(trim(p), 'đ', 'd'), 'Đ', 'D'))), '\s+', ' ', 'g') $$;

-- What one achievement is, for the double-award rule: a story is one achievement whatever form or year; the
-- Kỷ niệm chương is given once in a lifetime; a year-end nomination rewards that nominee's achievements of that year.
-- An ad hoc nomination without a story names no comparable achievement (null: not checked).
create function private.achievement_key(n public.nomination) returns text
language sql stable
set search_path = ''
as $$
  select case
    when n.source_story_id is not null then 'story:' || n.source_story_id
    when n.occasion = 'kncc' then 'kncc:' || n.nominee_kind || ':' || private.fold_name(n.nominee_name) || ':' || coalesce(n.nominee_birth_year::text, '')
    when n.occasion = 'year_end' then 'year_end:' || n.year || ':' || n.unit_id || ':' || n.nominee_kind || ':'
      || private.fold_name(n.nominee_name) || ':' || coalesce(n.nominee_birth_year::text, '')
  end
$$;

-- The deadline of an occasion in a year: "before <date>" of the plan's milestone (kncc_nomination 24/03,
-- award_dossiers 10/11 in the 2023 plan), so the city moves it by moving the milestone. Ad hoc awards have none.
create function private.nomination_deadline(p_year int, p_occasion text) returns date
language sql stable security definer
set search_path = ''
as $$
  select m.due_on from public.milestone m join public.plan p on p.id = m.plan_id
  where p.year = p_year and p.status = 'published'
    and m.code = case p_occasion when 'year_end' then 'award_dossiers' when 'kncc' then 'kncc_nomination' end
$$;

create function public.nomination_deadline(p_year int, p_occasion text) returns date
language sql stable
set search_path = ''
as $$ select private.nomination_deadline(p_year, p_occasion) $$;

-- Who reads a nomination: the unit's officers (every state); the lead and supervising leaders of its cluster and
-- city admins once it is sent (a cluster's own proposal: its lead from the draft on); council members once it reached
-- the city's appraisal. The nomination's policy spells this out on the row's own columns (a lookup by id would not
-- see the row an INSERT … RETURNING is adding); its files, appraisals and storage objects look it up by id.
create function private.may_read_nomination(p_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.nomination n
    where n.id = p_id and (
      n.unit_id in (select private.my_unit_ids('unit_officer'))
      or (n.status <> 'draft' and n.unit_id in (select private.my_cluster_unit_ids()))
      or (n.proposed_by_cluster and n.unit_id in (select private.my_led_cluster_unit_ids()))
      or (n.status <> 'draft' and private.has_city_role('city_admin'))
      or (n.appraised_at is not null and private.has_city_role('council_member'))
    )
  )
$$;

-- A new vote round starts empty (the earlier round's votes stay in the audit trail).
create function private.clear_votes(p_nomination uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  delete from public.council_vote where nomination_id = p_nomination;
end $$;

-- Who edits a nomination's content and dossier: its proposer (the unit's officers, or the cluster lead for a
-- cluster's proposal), while it is a draft or returned.
create function private.may_edit_nomination(p_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.nomination n
    where n.id = p_id and n.status in ('draft', 'returned')
      and case when n.proposed_by_cluster
               then n.unit_id in (select private.my_led_cluster_unit_ids()) and not private.has_conflict_of_interest(n.unit_id)
               else n.unit_id in (select private.my_unit_ids('unit_officer')) end
  )
$$;

-- The council's members this year, and those of them with a conflict of interest for a unit (another membership of
-- theirs this year is in that unit, or a unit it came from or became).
create function private.council_counts(p_unit uuid, p_year int, out members int, out conflicted int)
language sql stable security definer
set search_path = ''
as $$
  select count(distinct c.user_id)::int,
         count(distinct c.user_id) filter (where exists (
           select 1 from public.membership o
           where o.user_id = c.user_id and o.year = p_year and o.unit_id is not null
             and (o.unit_id in (select public.unit_ancestors(p_unit)) or o.unit_id in (select public.unit_successors(p_unit)))
         ))::int
  from public.membership c
  where c.role = 'council_member' and c.year = p_year
$$;

revoke all on function private.fold_name(text), private.achievement_key(public.nomination), private.nomination_deadline(int, text),
  private.may_read_nomination(uuid), private.may_edit_nomination(uuid), private.council_counts(uuid, int),
  private.clear_votes(uuid) from public;
grant execute on function private.fold_name(text), private.achievement_key(public.nomination), private.nomination_deadline(int, text),
  private.may_read_nomination(uuid), private.may_edit_nomination(uuid), private.council_counts(uuid, int),
  private.clear_votes(uuid) to authenticated, service_role;
revoke all on function public.nomination_deadline(int, text) from public, anon;
grant execute on function public.nomination_deadline(int, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Dossier files: private bucket 'dossiers', `{unit_id}/{nomination_id}/{file}`; PDF and images up to 10 MB.
create table public.dossier_file (
  id uuid primary key default gen_random_uuid(),
  nomination_id uuid not null references public.nomination (id) on delete cascade,
  document_kind text not null check (document_kind in ('to_trinh', 'bao_cao_thanh_tich', 'bien_ban_xet', 'ban_khai', 'khac')),
  storage_path text not null unique check (storage_path ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}/[0-9a-f-]{36}\.(pdf|jpg|png|webp)$'),
  file_name text not null check (length(trim(file_name)) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
  byte_size int not null check (byte_size between 1 and 10485760),
  uploaded_by uuid not null default auth.uid() references auth.users (id),
  uploaded_at timestamptz not null default now()
);
comment on table public.dossier_file is 'Tài liệu trong hồ sơ đề nghị khen thưởng (PDF, ảnh; tối đa 10 MB).';
alter table public.dossier_file enable row level security;
create index dossier_file_nomination_id_idx on public.dossier_file (nomination_id);
create index dossier_file_uploaded_by_idx on public.dossier_file (uploaded_by);

-- ---------------------------------------------------------------------------------------------------------------
-- Appraisal (thẩm định) by the city office: the checklist, and its outcome (passed, or returned with the reason).
create table public.appraisal (
  id uuid primary key default gen_random_uuid(),
  nomination_id uuid not null references public.nomination (id) on delete cascade,
  standards_ok boolean not null,
  conditions_ok boolean not null,
  procedure_ok boolean not null,
  documents_ok boolean not null,
  outcome text not null check (outcome in ('passed', 'returned')),
  note text check (length(note) <= 2000),
  appraised_by uuid not null default auth.uid() references auth.users (id),
  appraised_at timestamptz not null default now(),
  constraint appraisal_passed_needs_every_check check (
    outcome <> 'passed' or (standards_ok and conditions_ok and procedure_ok and documents_ok)),
  constraint appraisal_returned_needs_reason check (outcome <> 'returned' or coalesce(length(trim(note)), 0) > 0)
);
comment on table public.appraisal is 'Thẩm định hồ sơ: tiêu chuẩn, điều kiện, quy trình, thành phần hồ sơ; đạt hoặc trả lại kèm lý do.';
alter table public.appraisal enable row level security;
create index appraisal_nomination_id_idx on public.appraisal (nomination_id, appraised_at);
create index appraisal_appraised_by_idx on public.appraisal (appraised_by);

-- ---------------------------------------------------------------------------------------------------------------
-- Council votes (bình xét): one per member and nomination, changeable while the vote is open.
create table public.council_vote (
  nomination_id uuid not null references public.nomination (id) on delete cascade,
  voter_id uuid not null default auth.uid() references auth.users (id),
  vote text not null check (vote in ('approve', 'reject', 'abstain')),
  conflict_of_interest boolean not null default false,
  voted_at timestamptz not null default now(),
  primary key (nomination_id, voter_id)
);
comment on table public.council_vote is 'Phiếu bình xét của thành viên Hội đồng; phiếu của thành viên có xung đột lợi ích được ghi nhận nhưng không tính.';
comment on column public.council_vote.conflict_of_interest is 'Thành viên thuộc đơn vị của người/tập thể được đề nghị (xung đột lợi ích).';
alter table public.council_vote enable row level security;
create index council_vote_voter_id_idx on public.council_vote (voter_id);

-- ---------------------------------------------------------------------------------------------------------------
-- The audit trail: every change of a nomination, its files, appraisals and votes. Written by triggers only.
create table public.nomination_event (
  id bigint generated always as identity primary key,
  nomination_id uuid not null references public.nomination (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references auth.users (id) on delete set null,
  actor_name text,
  action text not null check (action in ('created', 'edited', 'submitted', 'cluster_reviewed', 'appraised', 'returned',
    'voting_opened', 'voted', 'approved', 'not_approved', 'withdrawn', 'file_added', 'file_removed')),
  from_status text,
  to_status text,
  changes jsonb not null default '{}'::jsonb,
  reason text
);
comment on table public.nomination_event is 'Nhật ký hồ sơ: ai, lúc nào, giá trị cũ → mới, lý do. Chỉ ghi bởi trigger; Thành phố và Hội đồng đọc.';
alter table public.nomination_event enable row level security;
create index nomination_event_nomination_id_idx on public.nomination_event (nomination_id, id);
create index nomination_event_actor_id_idx on public.nomination_event (actor_id);

create function private.log_nomination_event(p_nomination uuid, p_action text, p_from text, p_to text,
                                             p_changes jsonb, p_reason text) returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.nomination_event (nomination_id, actor_id, actor_name, action, from_status, to_status, changes, reason)
  values (p_nomination, (select auth.uid()),
          (select p.full_name from public.profile p where p.user_id = (select auth.uid())),
          p_action, p_from, p_to, coalesce(p_changes, '{}'::jsonb), p_reason)
$$;
revoke all on function private.log_nomination_event(uuid, text, text, text, jsonb, text) from public;
grant execute on function private.log_nomination_event(uuid, text, text, text, jsonb, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- The workflow guard: RLS says whose rows a person may touch, this trigger which steps are legal for them and what
-- the server stamps. Privileged writers (seed, maintenance with the service key) have no auth.uid(): kept as given,
-- except the reference code and the achievement key, which are always the server's.
create function private.nomination_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  form public.award_form;
  story public.story;
  step text;
  deadline date;
  missing text;
  other public.nomination;
  is_proposer boolean;
  is_cluster_reviewer boolean;
  is_city boolean := (select private.has_city_role('city_admin'));
  tally record;
begin
  if tg_op = 'INSERT' then
    new.code := 'ĐN-' || new.year || '-' || lpad(nextval('private.nomination_code_seq')::text, 4, '0');
  else
    new.code := old.code;
  end if;
  select * into form from public.award_form where id = new.award_form_id;
  if not (form.requirements ? new.occasion) then
    raise exception '"%" không được đề nghị vào dịp này', form.name using errcode = '22023';
  end if;
  if not (new.nominee_kind = any (form.applies_to)) then
    raise exception '"%" không dành cho %', form.name,
      case new.nominee_kind when 'individual' then 'cá nhân' else 'tập thể' end using errcode = '22023';
  end if;

  if tg_op = 'INSERT' or new.award_form_id <> old.award_form_id then
    if not exists (select 1 from public.catalogue_version v where v.id = form.catalogue_version_id
                     and v.valid_from <= make_date(new.year, 12, 31)
                     and (v.valid_to is null or v.valid_to > make_date(new.year, 1, 1))) then
      raise exception '"%" không thuộc danh mục có hiệu lực năm %', form.name, new.year using errcode = '22023';
    end if;
  end if;

  if uid is null then
    new.achievement_key := private.achievement_key(new);
    return new;
  end if;

  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'Đề nghị mới phải là bản nháp' using errcode = '42501';
    end if;
    if new.year <> private.current_year() then
      raise exception 'Chỉ lập đề nghị cho năm %', private.current_year() using errcode = '22023';
    end if;
    -- Who may propose the form: the unit's officers, or the lead of the unit's cluster (never for his own unit).
    if new.proposed_by_cluster then
      if not ('cluster' = any (form.proposers)) then
        raise exception '"%" không do Cụm thi đua đề nghị', form.name using errcode = '42501';
      end if;
      if new.unit_id not in (select private.my_led_cluster_unit_ids()) or private.has_conflict_of_interest(new.unit_id) then
        raise exception 'Chỉ Cụm trưởng, Cụm phó đề nghị cho đơn vị khác trong Cụm' using errcode = '42501';
      end if;
    else
      if not ('unit' = any (form.proposers)) then
        raise exception '"%" do Cụm thi đua đề nghị, không do đơn vị tự đề nghị', form.name using errcode = '42501';
      end if;
      if new.unit_id not in (select private.my_unit_ids('unit_officer')) then
        raise exception 'Chỉ cán bộ của đơn vị lập đề nghị cho đơn vị mình' using errcode = '42501';
      end if;
    end if;
    -- From a story: a published one of this unit (or one it came from); its text, photos and history are kept as
    -- they were when the nomination began, whatever the client sent.
    if new.source_story_id is not null then
      select * into story from public.story s where s.id = new.source_story_id;
      if not found or story.status <> 'published' then
        raise exception 'Chỉ đề nghị khen thưởng từ câu chuyện đã công bố' using errcode = '22023';
      end if;
      if story.unit_id not in (select public.unit_ancestors(new.unit_id)) then
        raise exception 'Câu chuyện không thuộc đơn vị đề nghị' using errcode = '22023';
      end if;
      new.story_snapshot := jsonb_build_object(
        'title', story.title, 'body', story.body, 'kind', story.kind, 'subject_name', story.subject_name,
        'subject_kind', story.subject_kind, 'occurred_on', story.occurred_on,
        'created_at', story.created_at, 'reviewed_at', story.reviewed_at, 'published_at', story.published_at,
        'photos', coalesce((select jsonb_agg(jsonb_build_object('path', p.storage_path, 'thumb', p.thumb_path,
                                                               'caption', p.caption, 'width', p.width, 'height', p.height)
                                             order by p.position)
                            from public.story_photo p where p.story_id = story.id), '[]'::jsonb));
    else
      new.story_snapshot := null;
    end if;
    new.created_by := uid;
    new.created_at := now();
    new.return_reason := null; new.returned_from := null; new.returned_at := null; new.returned_by := null;
    new.first_submitted_at := null; new.submitted_at := null; new.submitted_by := null;
    new.cluster_reviewed_at := null; new.cluster_reviewed_by := null; new.appraised_at := null; new.appraised_by := null;
    new.voting_opened_at := null; new.decision_id := null; new.decided_at := null;
  else
    if (new.unit_id, new.year, new.proposed_by_cluster, new.created_by, new.source_story_id)
       is distinct from (old.unit_id, old.year, old.proposed_by_cluster, old.created_by, old.source_story_id) then
      raise exception 'Không được đổi đơn vị, năm, người lập hoặc câu chuyện gốc của đề nghị' using errcode = '42501';
    end if;
    new.story_snapshot := old.story_snapshot;
    new.created_at := old.created_at;
    is_proposer := private.may_edit_nomination(old.id)
      or (old.status = 'submitted' and case when old.proposed_by_cluster
            then old.unit_id in (select private.my_led_cluster_unit_ids())
            else old.unit_id in (select private.my_unit_ids('unit_officer')) end);
    is_cluster_reviewer := is_city
      or (old.unit_id in (select private.my_led_cluster_unit_ids()) and not private.has_conflict_of_interest(old.unit_id));
    step := old.status || '→' || new.status;

    if (new.award_form_id, new.occasion, new.nominee_kind, new.nominee_name, new.nominee_position, new.nominee_birth_year,
        new.achievements) is distinct from
       (old.award_form_id, old.occasion, old.nominee_kind, old.nominee_name, old.nominee_position, old.nominee_birth_year,
        old.achievements)
       and not (old.status in ('draft', 'returned') and is_proposer) then
      raise exception 'Chỉ đơn vị đề nghị sửa nội dung, khi đề nghị là bản nháp hoặc bị trả lại' using errcode = '42501';
    end if;
    if new.return_reason is distinct from old.return_reason and new.status <> 'returned' then
      raise exception 'Lý do trả lại chỉ ghi khi trả lại hồ sơ' using errcode = '42501';
    end if;

    -- Stamps are the server's: start from the old ones, set what this step sets.
    new.returned_from := old.returned_from; new.returned_at := old.returned_at; new.returned_by := old.returned_by;
    new.first_submitted_at := old.first_submitted_at; new.submitted_at := old.submitted_at; new.submitted_by := old.submitted_by;
    new.cluster_reviewed_at := old.cluster_reviewed_at; new.cluster_reviewed_by := old.cluster_reviewed_by;
    new.appraised_at := old.appraised_at; new.appraised_by := old.appraised_by;
    new.voting_opened_at := old.voting_opened_at; new.decided_at := old.decided_at;
    if new.status not in ('approved', 'not_approved') then
      new.decision_id := old.decision_id;
    end if;

    if step in ('draft→draft', 'returned→returned') and is_proposer then
      if new.return_reason is distinct from old.return_reason then
        raise exception 'Đơn vị không sửa được lý do trả lại' using errcode = '42501';
      end if;
    elsif step in ('draft→submitted', 'returned→submitted') and is_proposer then
      -- The deadline applies to the first submission: a dossier returned for fixing may come back after it.
      deadline := private.nomination_deadline(new.year, new.occasion);
      if old.first_submitted_at is null and deadline is not null and now() >= private.deadline_at(deadline) then
        raise exception 'Đã quá hạn nộp hồ sơ (trước ngày %)', to_char(deadline, 'DD/MM/YYYY') using errcode = '22023',
          hint = 'deadline';
      end if;
      if length(trim(new.achievements)) < 20 then
        raise exception 'Cần tóm tắt thành tích (ít nhất 20 ký tự)' using errcode = '22023', hint = 'achievements';
      end if;
      select string_agg(d, ', ') into missing
      from jsonb_array_elements_text(form.requirements -> new.occasion) d
      where not exists (select 1 from public.dossier_file f where f.nomination_id = new.id and f.document_kind = d);
      if missing is not null then
        raise exception 'Hồ sơ còn thiếu tài liệu bắt buộc: %', missing using errcode = '22023', hint = 'documents';
      end if;
      new.first_submitted_at := coalesce(old.first_submitted_at, now());
      new.submitted_at := now(); new.submitted_by := uid;
      -- A cluster's own proposal needs no review by that cluster; a dossier the city returned goes back to the city
      -- (the cluster's review stands; what the unit changed is in the trail, and the city appraises it again).
      if new.proposed_by_cluster or (old.status = 'returned' and old.returned_from <> 'submitted') then
        new.status := 'cluster_reviewed';
        new.cluster_reviewed_at := now(); new.cluster_reviewed_by := uid;
      end if;
    elsif step in ('draft→withdrawn', 'returned→withdrawn', 'submitted→withdrawn') and is_proposer then
      null;
    elsif step = 'submitted→cluster_reviewed' and is_cluster_reviewer then
      new.cluster_reviewed_at := now(); new.cluster_reviewed_by := uid;
    elsif step = 'cluster_reviewed→appraised' and is_city then
      -- Only through an appraisal that passed every check (the appraisal trigger makes this step).
      if not exists (select 1 from public.appraisal a where a.nomination_id = old.id and a.outcome = 'passed'
                       and a.appraised_at >= coalesce(old.cluster_reviewed_at, old.submitted_at)) then
        raise exception 'Cần phiếu thẩm định đạt đủ các tiêu chí' using errcode = '42501';
      end if;
      new.appraised_at := now(); new.appraised_by := uid;
    elsif step = 'appraised→voting' and is_city then
      new.voting_opened_at := now();
      perform private.clear_votes(old.id);
    elsif step in ('voting→approved', 'voting→not_approved') and is_city then
      if new.decision_id is null or not exists (select 1 from public.decision d where d.id = new.decision_id and d.kind = 'award') then
        raise exception 'Cần số quyết định khen thưởng' using errcode = '22023';
      end if;
      select * into tally from private.tally(old.id);
      if (new.status = 'approved') <> tally.passes then
        raise exception 'Kết quả phải theo kết quả biểu quyết (% đồng ý / cần %)', tally.approve, tally.needed using errcode = '42501';
      end if;
      new.decided_at := now();
    elsif new.status = 'returned' and old.status in ('submitted', 'cluster_reviewed', 'appraised', 'voting')
          and ((old.status = 'submitted' and is_cluster_reviewer) or is_city) then
      if coalesce(length(trim(new.return_reason)), 0) = 0 then
        raise exception 'Cần lý do trả lại' using errcode = '23514';
      end if;
      new.returned_from := old.status; new.returned_at := now(); new.returned_by := uid;
    else
      raise exception 'Không được chuyển đề nghị từ "%" sang "%"', old.status, new.status using errcode = '42501';
    end if;
  end if;

  -- One award per achievement: say which dossier already holds it (the unique index is the backstop).
  new.achievement_key := private.achievement_key(new);
  if new.achievement_key is not null and new.status not in ('withdrawn', 'not_approved') then
    select * into other from public.nomination o
    where o.achievement_key = new.achievement_key and o.id <> new.id and o.status not in ('withdrawn', 'not_approved')
    limit 1;
    if found then
      raise exception 'Thành tích này đã được đề nghị khen thưởng trong hồ sơ %', other.code using errcode = '23505',
        hint = 'double_award', detail = other.code;
    end if;
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger nomination_before_write before insert or update on public.nomination
  for each row execute function private.nomination_before_write();

-- The tally of a nomination's vote: members who may vote (the council minus those with a conflict for the unit),
-- counted votes, and whether approvals exceed the threshold. Readable by city admins and council members.
create function private.tally(p_nomination uuid, out members int, out conflicted int, out eligible int,
                              out approve int, out reject int, out abstain int, out conflicted_votes int,
                              out threshold_percent int, out needed int, out passes boolean)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  n public.nomination;
begin
  select * into n from public.nomination where id = p_nomination;
  if not found then
    return;
  end if;
  select c.members, c.conflicted into members, conflicted from private.council_counts(n.unit_id, n.year) c;
  eligible := members - conflicted;
  select count(*) filter (where v.vote = 'approve' and not v.conflict_of_interest)::int,
         count(*) filter (where v.vote = 'reject' and not v.conflict_of_interest)::int,
         count(*) filter (where v.vote = 'abstain' and not v.conflict_of_interest)::int,
         count(*) filter (where v.conflict_of_interest)::int
    into approve, reject, abstain, conflicted_votes
  from public.council_vote v where v.nomination_id = p_nomination;
  threshold_percent := coalesce((select s.threshold_percent from public.council_setting s where s.year = n.year), 50);
  -- "More than t% of the eligible members": the smallest whole number of votes above it.
  needed := floor(eligible * threshold_percent / 100.0)::int + 1;
  passes := eligible > 0 and approve >= needed;
end $$;

create function public.nomination_tally(p_nomination uuid, out members int, out conflicted int, out eligible int,
                                        out approve int, out reject int, out abstain int, out conflicted_votes int,
                                        out threshold_percent int, out needed int, out passes boolean)
language plpgsql stable
set search_path = ''
as $$
begin
  if not ((select private.has_city_role('city_admin')) or (select private.has_city_role('council_member'))) then
    raise exception 'Chỉ Thành phố và Hội đồng xem kết quả biểu quyết' using errcode = '42501';
  end if;
  select * into members, conflicted, eligible, approve, reject, abstain, conflicted_votes, threshold_percent, needed, passes
  from private.tally(p_nomination);
end $$;
revoke all on function private.tally(uuid), public.nomination_tally(uuid) from public, anon;
grant execute on function private.tally(uuid) to authenticated, service_role;
grant execute on function public.nomination_tally(uuid) to authenticated;

-- The audit trail of the nomination row itself.
create function private.nomination_after_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changes jsonb := '{}'::jsonb;
  col text;
  o jsonb;
  n jsonb := to_jsonb(new);
  action text;
begin
  if tg_op = 'INSERT' then
    perform private.log_nomination_event(new.id, 'created', null, new.status,
      jsonb_build_object('award_form_id', new.award_form_id, 'occasion', new.occasion, 'nominee_name', new.nominee_name,
                         'source_story_id', new.source_story_id), null);
    return null;
  end if;
  o := to_jsonb(old);
  foreach col in array array['award_form_id', 'occasion', 'nominee_kind', 'nominee_name', 'nominee_position',
                             'nominee_birth_year', 'achievements', 'decision_id'] loop
    if o -> col is distinct from n -> col then
      changes := changes || jsonb_build_object(col, jsonb_build_object('old', o -> col, 'new', n -> col));
    end if;
  end loop;
  if new.status = old.status then
    if changes = '{}'::jsonb then
      return null;
    end if;
    action := 'edited';
  else
    action := case new.status
      when 'voting' then 'voting_opened'
      when 'submitted' then 'submitted'
      when 'cluster_reviewed' then case when old.status = 'submitted' then 'cluster_reviewed' else 'submitted' end
      else new.status end;
  end if;
  perform private.log_nomination_event(new.id, action, old.status, new.status, changes,
    case when new.status = 'returned' and old.status <> 'returned' then new.return_reason end);
  return null;
end $$;
create trigger nomination_after_write after insert or update on public.nomination
  for each row execute function private.nomination_after_write();

-- Dossier files: written by the proposer while editable, at the nomination's folder; logged.
create function private.dossier_file_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  row_ public.dossier_file := case when tg_op = 'DELETE' then old else new end;
  n public.nomination;
begin
  select * into n from public.nomination where id = row_.nomination_id;
  if not found then  -- the nomination itself is being deleted (cascade)
    return row_;
  end if;
  if (select auth.uid()) is not null then
    if not private.may_edit_nomination(n.id) then
      raise exception 'Hồ sơ chỉ sửa được khi là bản nháp hoặc bị trả lại, bởi đơn vị đề nghị' using errcode = '42501';
    end if;
    if tg_op = 'INSERT' then
      new.uploaded_by := (select auth.uid());
      new.uploaded_at := now();
    end if;
  end if;
  if tg_op = 'INSERT' and (split_part(new.storage_path, '/', 1) <> n.unit_id::text or split_part(new.storage_path, '/', 2) <> n.id::text) then
    raise exception 'Đường dẫn tệp không thuộc hồ sơ này' using errcode = '42501';
  end if;
  return row_;
end $$;
create trigger dossier_file_guard before insert or delete on public.dossier_file
  for each row execute function private.dossier_file_guard();

create function private.dossier_file_log() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  row_ public.dossier_file := case when tg_op = 'DELETE' then old else new end;
  st text := (select n.status from public.nomination n where n.id = row_.nomination_id);
begin
  if st is not null then  -- not when the nomination itself is deleted
    perform private.log_nomination_event(row_.nomination_id, case when tg_op = 'DELETE' then 'file_removed' else 'file_added' end,
      st, st, jsonb_build_object('document_kind', row_.document_kind, 'file_name', row_.file_name, 'byte_size', row_.byte_size), null);
  end if;
  return null;
end $$;
create trigger dossier_file_log after insert or delete on public.dossier_file
  for each row execute function private.dossier_file_log();

-- An appraisal moves the nomination on (passed) or back to the unit (returned), as the city admin who made it.
create function private.appraisal_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  n public.nomination;
begin
  select * into n from public.nomination where id = new.nomination_id;
  if not found or n.status <> 'cluster_reviewed' then
    raise exception 'Chỉ thẩm định hồ sơ đã được Cụm xem xét' using errcode = '42501';
  end if;
  if (select auth.uid()) is not null then
    new.appraised_by := (select auth.uid());
    new.appraised_at := now();
  end if;
  return new;
end $$;
create trigger appraisal_before_insert before insert on public.appraisal
  for each row execute function private.appraisal_before_insert();

create function private.appraisal_after_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.outcome = 'passed' then
    update public.nomination set status = 'appraised' where id = new.nomination_id;
  else
    update public.nomination set status = 'returned', return_reason = new.note where id = new.nomination_id;
  end if;
  -- The checklist is part of the trail (the status change itself was logged by the update).
  perform private.log_nomination_event(new.nomination_id, 'appraised', 'cluster_reviewed',
    case when new.outcome = 'passed' then 'appraised' else 'returned' end,
    jsonb_build_object('standards_ok', new.standards_ok, 'conditions_ok', new.conditions_ok,
                       'procedure_ok', new.procedure_ok, 'documents_ok', new.documents_ok, 'outcome', new.outcome),
    new.note);
  return null;
end $$;
create trigger appraisal_after_insert after insert on public.appraisal
  for each row execute function private.appraisal_after_insert();

-- A vote is the signed-in member's, now, while the vote is open; a member of the nominee's unit is flagged.
create function private.council_vote_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  n public.nomination;
begin
  select * into n from public.nomination where id = new.nomination_id;
  if (select auth.uid()) is not null then
    if not found or n.status <> 'voting' then
      raise exception 'Hồ sơ chưa được đưa ra bình xét hoặc đã có kết quả' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and (new.nomination_id, new.voter_id) is distinct from (old.nomination_id, old.voter_id) then
      raise exception 'Không được chuyển phiếu' using errcode = '42501';
    end if;
    if new.voter_id is distinct from (select auth.uid()) then
      raise exception 'Mỗi thành viên chỉ bỏ phiếu của mình' using errcode = '42501';
    end if;
    new.voted_at := now();
    new.conflict_of_interest := private.has_conflict_of_interest(n.unit_id);
  end if;
  return new;
end $$;
create trigger council_vote_guard before insert or update on public.council_vote
  for each row execute function private.council_vote_guard();

-- Logged after the write: an upsert that changes a vote fires BEFORE INSERT and BEFORE UPDATE, but one AFTER trigger.
create function private.council_vote_log() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.vote = old.vote then
    return null;
  end if;
  perform private.log_nomination_event(new.nomination_id, 'voted', 'voting', 'voting',
    jsonb_build_object('vote', jsonb_build_object('old', case when tg_op = 'UPDATE' then old.vote end, 'new', new.vote),
                       'conflict_of_interest', new.conflict_of_interest), null);
  return null;
end $$;
create trigger council_vote_log after insert or update on public.council_vote
  for each row execute function private.council_vote_log();

-- Recording the council's result: one award decision for the nominations given; each one's outcome is its tally's.
-- Security invoker: RLS and the workflow guard let only city admins do it.
create function public.decide_nominations(p_ids uuid[], p_number text, p_signed_on date, p_title text) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  d_id uuid;
  n_id uuid;
  yr int;
  t record;
begin
  if coalesce(array_length(p_ids, 1), 0) = 0 then
    raise exception 'Chưa chọn hồ sơ nào' using errcode = '22023';
  end if;
  select min(n.year) into yr from public.nomination n where n.id = any (p_ids);
  if yr is null then
    raise exception 'Không tìm thấy hồ sơ' using errcode = 'P0002';
  end if;
  insert into public.decision (year, kind, number, signed_on, title) values (yr, 'award', p_number, p_signed_on, p_title)
  returning id into d_id;
  foreach n_id in array p_ids loop
    select * into t from private.tally(n_id);
    update public.nomination set status = case when t.passes then 'approved' else 'not_approved' end, decision_id = d_id
    where id = n_id and status = 'voting';
    if not found then
      raise exception 'Hồ sơ không ở bước bình xét hoặc không có quyền' using errcode = '42501';
    end if;
  end loop;
  return d_id;
end $$;
revoke all on function public.decide_nominations(uuid[], text, date, text) from public, anon;
grant execute on function public.decide_nominations(uuid[], text, date, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Grants and policies.
revoke all on public.nomination, public.dossier_file, public.appraisal, public.council_vote, public.nomination_event
  from anon, authenticated;
grant usage on sequence private.nomination_code_seq to authenticated, service_role;
grant select, delete on public.nomination to authenticated;
grant insert (id, year, unit_id, proposed_by_cluster, award_form_id, occasion, nominee_kind, nominee_name, nominee_position,
              nominee_birth_year, achievements, source_story_id) on public.nomination to authenticated;
grant update (award_form_id, occasion, nominee_kind, nominee_name, nominee_position, nominee_birth_year, achievements,
              status, return_reason, decision_id) on public.nomination to authenticated;
grant select, delete on public.dossier_file to authenticated;
grant insert (id, nomination_id, document_kind, storage_path, file_name, content_type, byte_size) on public.dossier_file to authenticated;
grant select on public.appraisal to authenticated;
grant insert (nomination_id, standards_ok, conditions_ok, procedure_ok, documents_ok, outcome, note) on public.appraisal to authenticated;
grant select on public.council_vote to authenticated;
-- An upsert (the app's "vote or change my vote") writes every column it sends; the guard refuses moving a vote.
grant insert (nomination_id, voter_id, vote), update (nomination_id, voter_id, vote) on public.council_vote to authenticated;
grant select on public.nomination_event to authenticated;

create policy "Units, their clusters, the city and the council read nominations in their scope" on public.nomination
  for select to authenticated using (
    unit_id in (select private.my_unit_ids('unit_officer'))
    or (status <> 'draft' and unit_id in (select private.my_cluster_unit_ids()))
    or (proposed_by_cluster and unit_id in (select private.my_led_cluster_unit_ids()))
    or (status <> 'draft' and (select private.has_city_role('city_admin')))
    or (appraised_at is not null and (select private.has_city_role('council_member')))
  );
create policy "Unit officers and cluster leads propose" on public.nomination for insert to authenticated
  with check (
    (not proposed_by_cluster and unit_id in (select private.my_unit_ids('unit_officer')))
    or (proposed_by_cluster and unit_id in (select private.my_led_cluster_unit_ids()))
  );
create policy "Proposers edit; cluster leads and the city review" on public.nomination for update to authenticated
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
create policy "Proposers discard a draft" on public.nomination for delete to authenticated
  using (status = 'draft' and (select private.may_edit_nomination(id)));

create policy "Readers of a nomination read its files" on public.dossier_file for select to authenticated
  using ((select private.may_read_nomination(nomination_id)));
create policy "Proposers add files while editable" on public.dossier_file for insert to authenticated
  with check ((select private.may_edit_nomination(nomination_id)));
create policy "Proposers remove files while editable" on public.dossier_file for delete to authenticated
  using ((select private.may_edit_nomination(nomination_id)));

create policy "Readers of a nomination read its appraisals" on public.appraisal for select to authenticated
  using ((select private.may_read_nomination(nomination_id)));
create policy "The city office appraises" on public.appraisal for insert to authenticated
  with check ((select private.has_city_role('city_admin')));

create policy "The city and the council read votes" on public.council_vote for select to authenticated
  using ((select private.has_city_role('city_admin')) or (select private.has_city_role('council_member')));
create policy "Council members vote" on public.council_vote for insert to authenticated
  with check ((select private.has_city_role('council_member')) and voter_id = (select auth.uid()));
create policy "Council members change their vote" on public.council_vote for update to authenticated
  using ((select private.has_city_role('council_member')) and voter_id = (select auth.uid()))
  with check ((select private.has_city_role('council_member')) and voter_id = (select auth.uid()));

create policy "The city and the council read the audit trail" on public.nomination_event for select to authenticated
  using (
    (select private.has_city_role('city_admin'))
    or (((select private.has_city_role('council_member')) or (select private.has_city_role('city_leader')))
        and private.may_read_nomination(nomination_id))
  );

-- ---------------------------------------------------------------------------------------------------------------
-- Storage: bucket 'dossiers', private; PDF and images up to 10 MB (the gateway and Storage refuse the rest).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('dossiers', 'dossiers', false, 10485760, array['application/pdf', 'image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do nothing;

create function private.uuid_or_null(p text) returns uuid
language sql immutable
set search_path = ''
as $$
  select case when p ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then p::uuid end
$$;
revoke all on function private.uuid_or_null(text) from public;
grant execute on function private.uuid_or_null(text) to authenticated, service_role;

create policy "Proposers upload dossier files while editable" on storage.objects for insert to authenticated
  with check (bucket_id = 'dossiers'
              and exists (select 1 from public.nomination n
                          where n.id = private.uuid_or_null((storage.foldername(name))[2])
                            and n.unit_id::text = (storage.foldername(name))[1])
              and private.may_edit_nomination(private.uuid_or_null((storage.foldername(name))[2])));
create policy "Readers of a nomination read its dossier files" on storage.objects for select to authenticated
  using (bucket_id = 'dossiers' and private.may_read_nomination(private.uuid_or_null((storage.foldername(name))[2])));
create policy "Proposers remove dossier files while editable" on storage.objects for delete to authenticated
  using (bucket_id = 'dossiers' and private.may_edit_nomination(private.uuid_or_null((storage.foldername(name))[2])));
