-- Optimistic concurrency for story pushes (TARGETS R2): every update of a story bumps `version`; a device's push
-- carries the `base_version` it last saw (0 = "I expect no row yet", a first insert), and a push made on top of a
-- version that someone else has since changed (an officer returned or verified the story while the reporter edited
-- it offline) is refused with HTTP 409 instead of silently resubmitting over the review.
-- `base_version` is an instruction, not data: every update checks and clears it, so an update that does not send it
-- (the review screens, maintenance) is not checked. An insert keeps it (0): in an upsert, PostgREST's
-- `on conflict do update set … = excluded.…` reads the row as the BEFORE INSERT triggers left it, so clearing it
-- on insert would erase the base of every replayed push. A replay of base 0 onto a row nobody has touched since
-- its insert (still holding 0, version 1) is therefore accepted: only this device can have written it.

alter table public.story
  add column version int not null default 1 check (version >= 1),
  add column base_version int check (base_version >= 0);
comment on column public.story.version is 'Bumped by every update of the row (content, status, review); optimistic concurrency.';
comment on column public.story.base_version is 'Write-only: the version a device''s push was made on; checked and cleared by every update (story_a_version_guard).';

create function private.story_version_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
  else
    -- PostgREST 12 answers SQLSTATE PTxyz with HTTP status xyz: the device sees 409 and reads the row to decide.
    if new.base_version is not null and new.base_version is distinct from old.base_version
       and new.base_version <> old.version then
      raise exception 'Câu chuyện đã thay đổi trên máy chủ (phiên bản %, bản sửa dựa trên %)', old.version, new.base_version
        using errcode = 'PT409', detail = format('version=%s base_version=%s', old.version, new.base_version);
    end if;
    new.version := old.version + 1;
    new.base_version := null;
  end if;
  return new;
end $$;

-- Triggers of one event fire in name order: "story_a_…" runs before "story_before_update", so a stale push is
-- answered as a conflict (409) before the workflow trigger judges the step.
create trigger story_a_version_guard before insert or update on public.story
  for each row execute function private.story_version_guard();

grant insert (base_version), update (base_version) on public.story to authenticated;
