-- Evidence files can be read by whoever reads the unit's scores (its officers, its cluster's lead and supervising
-- leaders, city admins, council members). Without a select policy no one could open a file, and the upload itself
-- failed: Storage inserts the object row with RETURNING, which Postgres checks against select policies too.
create policy "Readers of a unit's scores read its evidence files" on storage.objects for select to authenticated
  using (
    bucket_id = 'evidence'
    and case when (storage.foldername(name))[1] ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
             then private.may_read_scores(((storage.foldername(name))[1])::uuid)
             else false end
  );
