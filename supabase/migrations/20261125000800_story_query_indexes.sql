-- Indexes for the signed-in story reads of TARGETS P8, found with `npm run bench` (bench/results/rls.json) at 100k
-- stories. RLS was not the slow part: the policies call their security-definer helpers once per query; the cost was
-- the rows each query had to fetch before it could answer.

-- A cluster lead's list asks for `unit_id = any(<the cluster's units>) order by updated_at desc limit 50`. No index
-- on unit_id can return that order across several units, so Postgres fetched every story of the cluster (14,050 in
-- the largest), checked RLS on each and sorted them for the newest 50: p95 18.5 ms against a 10 ms target. Walking
-- the newest stories of the city and keeping the cluster's stops after a few hundred to two thousand rows: p95
-- 3.8 ms (largest cluster), 5.8 ms (typical), 5.6 ms (smallest). The planner still chooses a bitmap scan and sort
-- when it estimates that the cluster is too small a share of the stories for the walk to pay off.
create index story_updated_at_idx on public.story (updated_at desc);

-- Counting a unit's or a cluster's stories (by status, per unit) evaluates the read policy on every row, and the
-- policy reads author_id, status and unit_id. With author_id in the index those counts are index-only scans instead
-- of one heap visit per story: the largest cluster's per-unit count went from p95 14.8 ms to 6.4 ms (target 20 ms).
-- It serves every query the (unit_id, status) index did, which it replaces, so writes pay for one index, not two.
create index story_unit_id_status_author_id_idx on public.story (unit_id, status) include (author_id);
drop index public.story_unit_id_status_idx;
