-- The private bucket for story photos. Paths are `{unit_id}/{story_id}/{photo_id}.webp` (and `…-thumb.webp`), so the
-- policies can tell the unit and the story from the path. The app re-encodes every photo before upload (Supabase
-- Storage trusts the declared content type); the bucket limits only narrow what a stray client could store.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('story-photos', 'story-photos', false, 5242880, array['image/webp', 'image/jpeg'])
on conflict (id) do nothing;

create policy "Reporters upload photos into their own unit's folder" on storage.objects for insert to authenticated
  with check (
    bucket_id = 'story-photos'
    and (storage.foldername(name))[1] in (select u::text from private.my_unit_ids('reporter') u)
  );
create policy "Uploaders replace their own photos" on storage.objects for update to authenticated
  using (bucket_id = 'story-photos' and owner_id = (select auth.uid())::text)
  with check (bucket_id = 'story-photos' and owner_id = (select auth.uid())::text);
create policy "Uploaders remove their own photos" on storage.objects for delete to authenticated
  using (bucket_id = 'story-photos' and owner_id = (select auth.uid())::text);
create policy "Uploaders, their unit's officers and city admins read story photos" on storage.objects
  for select to authenticated using (
    bucket_id = 'story-photos' and (
      owner_id = (select auth.uid())::text
      or (storage.foldername(name))[1] in (select u::text from private.my_unit_ids('unit_officer') u)
      or (select private.has_city_role('city_admin'))
    )
  );
create policy "Anyone reads photos of published stories" on storage.objects for select to anon, authenticated
  using (
    bucket_id = 'story-photos'
    and exists (
      select 1 from public.story s
      where s.id::text = (storage.foldername(name))[2] and s.status = 'published'
    )
  );
