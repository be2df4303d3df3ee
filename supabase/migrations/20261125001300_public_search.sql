-- Search of the public gallery (issue 8), done in Postgres: "nguoi tot viec tot" finds "Người tốt việc tốt" (unaccent,
-- and đ → d, which unaccent leaves alone), full-text over the folded title, subject and body with a GIN index, and
-- exact matches (as typed, diacritics included) ranked first. Filters by kind, unit, movement and year. Anonymous
-- readers get published stories only, with the same columns as public_story (no personal data).

-- unaccent() is STABLE (its dictionary could change); with the dictionary named it is safe to treat as immutable,
-- which a generated column and an index need.
create function private.fold_text(p text) returns text
language sql immutable parallel safe
set search_path = ''
as $$ select lower(extensions.unaccent('extensions.unaccent'::regdictionary, translate(coalesce(p, ''), 'đĐ', 'dD'))) $$;
revoke all on function private.fold_text(text) from public;
grant execute on function private.fold_text(text) to anon, authenticated, service_role;

alter table public.story add column search_tsv tsvector generated always as (
  setweight(to_tsvector('simple', private.fold_text(title)), 'A')
  || setweight(to_tsvector('simple', private.fold_text(subject_name)), 'B')
  || setweight(to_tsvector('simple', private.fold_text(body)), 'C')
) stored;
comment on column public.story.search_tsv is 'Tìm kiếm không dấu (tiêu đề, người được ghi nhận, nội dung); chỉ dùng qua search_public_stories.';
create index story_search_tsv_idx on public.story using gin (search_tsv) where status = 'published';

-- The folded query as a prefix-matching tsquery: every word must appear; the last may be the start of a word (typing).
create function private.search_query(p_query text) returns tsquery
language sql immutable
set search_path = ''
as $$
  select case when words = '{}' then null else to_tsquery('simple',
    array_to_string(words[1:cardinality(words) - 1] || (words[cardinality(words)] || ':*'), ' & ')) end
  from (select coalesce(array_agg(w) filter (where w <> ''), '{}') as words
        from regexp_split_to_table(regexp_replace(private.fold_text(left(p_query, 200)), '[^a-z0-9]+', ' ', 'g'), ' ') w) q
$$;
revoke all on function private.search_query(text) from public;
grant execute on function private.search_query(text) to anon, authenticated, service_role;

create function private.search_public_stories(p_query text, p_kind text, p_unit uuid, p_movement uuid, p_year int,
                                              p_limit int, p_offset int)
returns table (id uuid, kind text, title text, unit_id uuid, unit_name text, movement_id uuid, movement_name text,
               occurred_on date, published_at timestamptz, cover_path text, cover_thumb_path text, cover_width int,
               cover_height int, exact boolean, rank real, total bigint)
language sql stable security definer
set search_path = ''
as $$
  -- raw: the query as typed, with LIKE's wildcards escaped, for the exact (diacritics included) match.
  with q as (select replace(replace(replace(nullif(trim(left(p_query, 200)), ''), '\', '\\'), '%', '\%'), '_', '\_') as raw,
                    private.search_query(p_query) as tsq),
  hits as (
    select s.*,
           (q.raw is not null and (s.title ilike '%' || q.raw || '%' or s.subject_name ilike '%' || q.raw || '%'
                                   or s.body ilike '%' || q.raw || '%')) as exact,
           case when q.tsq is null then 0 else ts_rank(s.search_tsv, q.tsq) end as rank
    from public.story s, q
    where s.status = 'published'
      and (q.raw is null or (q.tsq is not null and s.search_tsv @@ q.tsq))
      and (p_kind is null or s.kind = p_kind)
      and (p_unit is null or s.unit_id = p_unit)
      and (p_movement is null or s.movement_id = p_movement)
      and (p_year is null or extract(year from s.occurred_on) = p_year)
  )
  select h.id, h.kind, h.title, h.unit_id, u.name, h.movement_id, m.name, h.occurred_on, h.published_at,
         c.storage_path, c.thumb_path, c.width, c.height, h.exact, h.rank::real, count(*) over ()
  from hits h
  join public.unit u on u.id = h.unit_id
  left join public.movement m on m.id = h.movement_id
  left join lateral (select p.storage_path, p.thumb_path, p.width, p.height from public.story_photo p
                     where p.story_id = h.id order by p.position limit 1) c on true
  order by h.exact desc, h.rank desc, h.published_at desc nulls last, h.id
  limit least(greatest(coalesce(p_limit, 12), 1), 48) offset greatest(coalesce(p_offset, 0), 0)
$$;

create function public.search_public_stories(p_query text default null, p_kind text default null, p_unit uuid default null,
                                             p_movement uuid default null, p_year int default null,
                                             p_limit int default 12, p_offset int default 0)
returns table (id uuid, kind text, title text, unit_id uuid, unit_name text, movement_id uuid, movement_name text,
               occurred_on date, published_at timestamptz, cover_path text, cover_thumb_path text, cover_width int,
               cover_height int, exact boolean, rank real, total bigint)
language sql stable
set search_path = ''
as $$ select * from private.search_public_stories(p_query, p_kind, p_unit, p_movement, p_year, p_limit, p_offset) $$;

-- What the filters offer: units and movements that have published stories, and the years they happened in.
create function private.gallery_facets()
returns table (facet text, id text, name text, stories bigint)
language sql stable security definer
set search_path = ''
as $$
  select 'unit', u.id::text, u.name, count(*) from public.story s join public.unit u on u.id = s.unit_id
  where s.status = 'published' group by u.id, u.name
  union all
  select 'movement', m.id::text, m.name, count(*) from public.story s join public.movement m on m.id = s.movement_id
  where s.status = 'published' and m.status = 'launched' group by m.id, m.name
  union all
  select 'year', extract(year from s.occurred_on)::text, extract(year from s.occurred_on)::text, count(*)
  from public.story s where s.status = 'published' group by 2
$$;
create function public.gallery_facets()
returns table (facet text, id text, name text, stories bigint)
language sql stable
set search_path = ''
as $$ select * from private.gallery_facets() $$;

revoke all on function private.search_public_stories(text, text, uuid, uuid, int, int, int), private.gallery_facets() from public;
grant execute on function private.search_public_stories(text, text, uuid, uuid, int, int, int), private.gallery_facets()
  to anon, authenticated, service_role;
revoke all on function public.search_public_stories(text, text, uuid, uuid, int, int, int), public.gallery_facets() from public;
grant execute on function public.search_public_stories(text, text, uuid, uuid, int, int, int), public.gallery_facets()
  to anon, authenticated;
