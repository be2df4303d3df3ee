// What the server really holds for a run's stories, read as the database owner (SUPABASE_DB_URL, set by `npm test`):
// story rows by title prefix, their photo rows, and the Storage objects in their folders. Used to prove "exactly N,
// no duplicate, every photo, no orphan" after fault injection, independently of what the device believes.
import pg from 'pg';

export interface StoryAudit {
	id: string;
	title: string;
	photoRows: number;
	/** Objects in the story's folder (`unit/story/…`): a photo and its thumbnail per photo row. */
	objects: number;
	/** Photo rows whose photo or thumbnail object is missing. */
	missingObjects: number;
	/** Objects in the story's folder that no photo row points to. */
	orphanObjects: string[];
}

export interface ServerAudit {
	stories: StoryAudit[];
	/** Titles that occur on more than one row (a replay that created a second story). */
	duplicateTitles: string[];
	/** Objects uploaded since `since` by this author, in no photo row of any story. */
	strayObjects: string[];
}

export async function auditServer(o: { titlePrefix: string; authorEmail: string; since: Date }): Promise<ServerAudit> {
	const url = process.env.SUPABASE_DB_URL;
	if (!url) throw new Error('SUPABASE_DB_URL is not set (run through `npm test`)');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const stories = await client.query<StoryAudit>(
			`select s.id, s.title,
			        (select count(*)::int from public.story_photo p where p.story_id = s.id) as "photoRows",
			        (select count(*)::int from storage.objects b
			          where b.bucket_id = 'story-photos' and b.name like s.unit_id || '/' || s.id || '/%') as "objects",
			        (select count(*)::int from public.story_photo p
			          where p.story_id = s.id
			            and (not exists (select 1 from storage.objects b where b.bucket_id = 'story-photos' and b.name = p.storage_path)
			              or not exists (select 1 from storage.objects b where b.bucket_id = 'story-photos' and b.name = p.thumb_path))
			        ) as "missingObjects",
			        coalesce((select array_agg(b.name order by b.name) from storage.objects b
			          where b.bucket_id = 'story-photos' and b.name like s.unit_id || '/' || s.id || '/%'
			            and not exists (select 1 from public.story_photo p
			                            where p.story_id = s.id and b.name in (p.storage_path, p.thumb_path))), '{}') as "orphanObjects"
			   from public.story s
			  where starts_with(s.title, $1)
			  order by s.title`,
			[o.titlePrefix]
		);
		const duplicates = await client.query<{ title: string }>(
			`select title from public.story where starts_with(title, $1) group by title having count(*) > 1`,
			[o.titlePrefix]
		);
		const stray = await client.query<{ name: string }>(
			`select b.name from storage.objects b
			  where b.bucket_id = 'story-photos' and b.created_at >= $2
			    and b.owner_id = (select id::text from auth.users where email = $1)
			    and not exists (select 1 from public.story_photo p where b.name in (p.storage_path, p.thumb_path))
			  order by b.name`,
			[o.authorEmail, o.since]
		);
		return {
			stories: stories.rows,
			duplicateTitles: duplicates.rows.map((r) => r.title),
			strayObjects: stray.rows.map((r) => r.name)
		};
	} finally {
		await client.end();
	}
}
