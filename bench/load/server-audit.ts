// What the server holds after a wave, counted in SQL: rows per story id and per photo id (duplicates), stories the
// run's authors hold beyond the expected ones (duplicates under another id), photo rows without their objects
// (missing) and objects of the run's authors no photo row names (orphans). Exactly once means all of these are zero
// and every expected row and object is there.
import type pg from 'pg';
import { STORY_PHOTO_BUCKET } from '$lib/domain/story';
import type { Expected } from './wave';

export interface Tally {
	expected: number;
	rows: number;
	distinct: number;
	missing: number;
	duplicates: number;
}

export interface ServerCounts {
	stories: Tally & { extraByRunAuthors: number; notSubmitted: number };
	photoRows: Tally & { withoutObjects: number };
	objects: Tally & { orphans: number };
	exactlyOnce: boolean;
}

function tally(expected: number, rows: number, distinct: number): Tally {
	return { expected, rows, distinct, missing: expected - distinct, duplicates: rows - distinct };
}

export async function auditServer(sql: pg.Client, expected: Expected, authorIds: string[]): Promise<ServerCounts> {
	const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T> => {
		const { rows } = await sql.query<T>(text, values);
		return rows[0]!;
	};
	const stories = await one<{ rows: number; distinct: number; extra: number; not_submitted: number }>(
		`select count(*) filter (where id = any($1::uuid[]))::int as rows,
		        count(distinct id) filter (where id = any($1::uuid[]))::int as distinct,
		        count(*) filter (where not id = any($1::uuid[]))::int as extra,
		        count(*) filter (where id = any($1::uuid[]) and status <> 'submitted')::int as not_submitted
		 from public.story where author_id = any($2::uuid[]) or id = any($1::uuid[])`,
		[expected.storyIds, authorIds]
	);
	const photos = await one<{ rows: number; distinct: number; without_objects: number }>(
		`select count(*)::int as rows, count(distinct p.id)::int as distinct,
		        count(*) filter (where not exists (select 1 from storage.objects o where o.bucket_id = $2 and o.name = p.storage_path)
		                            or not exists (select 1 from storage.objects o where o.bucket_id = $2 and o.name = p.thumb_path))::int
		          as without_objects
		 from public.story_photo p where p.id = any($1::uuid[]) or p.story_id in (select id from public.story where author_id = any($3::uuid[]))`,
		[expected.photoIds, STORY_PHOTO_BUCKET, authorIds]
	);
	const objects = await one<{ rows: number; distinct: number; orphans: number }>(
		`with run as (
		   select o.name from storage.objects o
		   where o.bucket_id = $1 and (o.name = any($2::text[]) or o.owner_id = any($3::text[])))
		 select count(*) filter (where name = any($2::text[]))::int as rows,
		        count(distinct name) filter (where name = any($2::text[]))::int as distinct,
		        count(*) filter (where not exists (
		          select 1 from public.story_photo p where p.storage_path = run.name or p.thumb_path = run.name))::int as orphans
		 from run`,
		[STORY_PHOTO_BUCKET, expected.objectNames, authorIds]
	);
	const counts: ServerCounts = {
		stories: { ...tally(expected.storyIds.length, stories.rows, stories.distinct), extraByRunAuthors: stories.extra, notSubmitted: stories.not_submitted },
		photoRows: { ...tally(expected.photoIds.length, photos.rows, photos.distinct), withoutObjects: photos.without_objects },
		objects: { ...tally(expected.objectNames.length, objects.rows, objects.distinct), orphans: objects.orphans },
		exactlyOnce: false
	};
	const clean = (t: Tally) => t.missing === 0 && t.duplicates === 0 && t.rows === t.expected;
	counts.exactlyOnce =
		clean(counts.stories) && counts.stories.extraByRunAuthors === 0 && clean(counts.photoRows) &&
		counts.photoRows.withoutObjects === 0 && clean(counts.objects) && counts.objects.orphans === 0;
	return counts;
}
