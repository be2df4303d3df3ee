// The writing contest against the server: contests, one's own entries, submitting and fixing them, and the city's
// review (accept, return with a reason, publish into the collection, take back). Online only; every write asks for
// its row back (RLS filters silently: no row back is a failure shown to the person).
import { getSupabase } from './client';
import type { Database } from './database.types';
import { noRow, toCycleError } from './cycle-error';

export type EntryStatus = 'submitted' | 'returned' | 'accepted' | 'published' | 'withdrawn';

export interface Contest {
	id: string;
	year: number;
	title: string;
	description: string;
	opensOn: string;
	closesOn: string;
	status: 'draft' | 'open' | 'closed' | 'published';
}

export interface Entry {
	id: string;
	contestId: string;
	authorId: string;
	penName: string;
	storyId: string | null;
	title: string;
	body: string;
	status: EntryStatus;
	reviewNote: string | null;
	submittedAt: string;
}

type Db = { message: string; code?: string; details?: string | null };
function check<T>(r: { data: T | null; error: Db | null; status: number }, what: string, needRow = false): T {
	if (r.error) throw toCycleError(r.error, r.status);
	if (needRow && (!r.data || (Array.isArray(r.data) && r.data.length === 0))) throw noRow(what);
	return r.data as T;
}

export async function listContests(): Promise<Contest[]> {
	const rows = check(await getSupabase().from('contest').select('id, year, title, description, opens_on, closes_on, status').order('opens_on', { ascending: false }), 'contests');
	return (rows ?? []).map((c) => ({ id: c.id, year: c.year, title: c.title, description: c.description, opensOn: c.opens_on, closesOn: c.closes_on, status: c.status as Contest['status'] }));
}

/** The reader's own entries, or — for a city admin — every entry (RLS decides). */
export async function listEntries(): Promise<Entry[]> {
	const rows = check(
		await getSupabase().from('contest_entry').select('id, contest_id, author_id, pen_name, story_id, title, body, status, review_note, submitted_at').order('submitted_at'),
		'entries'
	);
	return (rows ?? []).map((e) => ({
		id: e.id, contestId: e.contest_id, authorId: e.author_id, penName: e.pen_name, storyId: e.story_id, title: e.title, body: e.body,
		status: e.status as EntryStatus, reviewNote: e.review_note, submittedAt: e.submitted_at
	}));
}

export async function listPublishedStoryTitles(): Promise<{ id: string; title: string }[]> {
	const rows = check(await getSupabase().from('public_story').select('id, title').order('published_at', { ascending: false }).limit(300), 'stories');
	return (rows ?? []).flatMap((s) => (s.id && s.title ? [{ id: s.id, title: s.title }] : []));
}

export interface EntryDraft {
	contestId: string;
	penName: string;
	storyId: string | null;
	title: string;
	body: string;
}

export async function submitEntry(d: EntryDraft): Promise<void> {
	check(
		await getSupabase()
			.from('contest_entry')
			.insert({ id: crypto.randomUUID(), contest_id: d.contestId, pen_name: d.penName.trim(), story_id: d.storyId, title: d.title.trim(), body: d.body.trim() })
			.select('id'),
		'entry insert',
		true
	);
}

async function update(id: string, patch: Database['public']['Tables']['contest_entry']['Update'], what: string): Promise<void> {
	check(await getSupabase().from('contest_entry').update(patch).eq('id', id).select('id'), what, true);
}

export const resubmitEntry = (id: string, d: Omit<EntryDraft, 'contestId'>) =>
	update(id, { pen_name: d.penName.trim(), story_id: d.storyId, title: d.title.trim(), body: d.body.trim(), status: 'submitted' }, 'entry resubmit');
export const withdrawEntry = (id: string) => update(id, { status: 'withdrawn' }, 'entry withdraw');
export const acceptEntry = (id: string) => update(id, { status: 'accepted' }, 'entry accept');
export const publishEntry = (id: string) => update(id, { status: 'published' }, 'entry publish');
export const unpublishEntry = (id: string) => update(id, { status: 'accepted' }, 'entry unpublish');
export const returnEntry = (id: string, reason: string) => update(id, { status: 'returned', review_note: reason.trim() }, 'entry return');
