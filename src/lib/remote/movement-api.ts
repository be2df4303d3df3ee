// Movements and campaigns against the server, and the stories tagged with one. Writes are the city admin's, taken
// online (no outbox). Every write asks for its row back: RLS filters writes silently, so a write that returns no row
// is a failure shown to the user, never a success. Speaks domain types on its surface; never touches IndexedDB.
import {
	movementKinds,
	type Movement,
	type MovementDraft,
	type MovementKind,
	type MovementStatus
} from '$lib/domain/movement';
import { storyKinds, storyStatuses, type StoryKind, type StoryStatus } from '$lib/domain/story';
import type { AppSupabaseClient } from './create-client';
import type { Database } from './story-rows';

type MovementRow = Database['public']['Tables']['movement']['Row'];
type MovementInsertRow = Database['public']['Tables']['movement']['Insert'];

/** What the person is told; `messageKey` is an i18n key, `params` fill it. */
export class MovementError extends Error {
	readonly messageKey: string;
	readonly params: Record<string, string>;
	constructor(messageKey: string, detail: string, params: Record<string, string> = {}) {
		super(detail);
		this.name = 'MovementError';
		this.messageKey = messageKey;
		this.params = params;
	}
}

type PgError = { message: string; code?: string; details?: string | null };

/** Classifies a PostgREST / fetch failure once, into a sentence the person can act on. */
export function toMovementError(error: PgError, status = 0): MovementError {
	const text = `${error.message} ${error.details ?? ''}`;
	if (status === 0 || /fetch|network|abort|timeout/i.test(error.message)) return new MovementError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new MovementError('error.unauthorized', text);
	// The launch trigger refuses "launched → draft" with a Vietnamese sentence: show it as it is.
	if (error.code === '42501' || status === 403) return new MovementError('movement.error.refused', text, { detail: error.message });
	if (error.code === '23505') return new MovementError('movement.error.duplicate', text);
	if (['22023', '23514', '23502', '22P02', '22007', '22008'].includes(error.code ?? '')) {
		return new MovementError('movement.error.invalid', text, { detail: error.message });
	}
	return new MovementError('error.unknown', text);
}

type Answer<T> = { data: T | null; error: PgError | null; status: number };

function dataOrThrow<T>(r: Answer<T>): T {
	if (r.error) throw toMovementError(r.error, r.status);
	if (r.data === null) throw new MovementError('error.unknown', 'no data');
	return r.data;
}

/** A write's answer: an error, or no row back (RLS said no, or the row changed meanwhile), both throw. */
function firstRowOrThrow<T>(r: Answer<T[]>, what: string): T {
	const row = dataOrThrow(r)[0];
	if (!row) throw new MovementError('movement.error.notApplied', `${what} returned no row`);
	return row;
}

export const movementColumns = 'id, year, kind, name, content, starts_on, ends_on, criteria_note, status, launched_at';
type MovementReadRow = Pick<
	MovementRow,
	'id' | 'year' | 'kind' | 'name' | 'content' | 'starts_on' | 'ends_on' | 'criteria_note' | 'status' | 'launched_at'
>;

function toKind(value: string): MovementKind {
	const kind = movementKinds.find((k) => k === value);
	if (!kind) throw new Error(`unknown movement kind from server: ${value}`);
	return kind;
}

export function fromMovementRow(row: MovementReadRow): Movement {
	return {
		id: row.id,
		year: row.year,
		kind: toKind(row.kind),
		name: row.name,
		content: row.content,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		criteriaNote: row.criteria_note,
		status: (row.status === 'launched' ? 'launched' : 'draft') satisfies MovementStatus,
		launchedAt: row.launched_at
	} satisfies Movement;
}

/** The columns the admin's form writes; status and launch stamps are never sent here (launchMovement, the trigger). */
export function toMovementWriteRow(d: MovementDraft) {
	return {
		year: d.year,
		kind: d.kind,
		name: d.name,
		content: d.content,
		starts_on: d.startsOn,
		ends_on: d.endsOn,
		criteria_note: d.criteriaNote
	} satisfies MovementInsertRow;
}

/** A story tagged with a movement, as far as the reader may see it (RLS decides which ones come back). */
export interface MovementStory {
	id: string;
	title: string;
	kind: StoryKind;
	status: StoryStatus;
	occurredOn: string;
	unitName: string | null;
	authorId: string;
	updatedAt: string;
}

interface MovementStoryRow {
	id: string;
	title: string;
	kind: string;
	status: string;
	occurred_on: string;
	author_id: string;
	updated_at: string;
	unit: { name: string } | null;
}

/** Enough for a movement's page on a phone; the published count below is exact whatever this cut leaves out. */
export const MOVEMENT_STORY_LIMIT = 200;

function fromMovementStoryRow(r: MovementStoryRow): MovementStory {
	return {
		id: r.id,
		title: r.title,
		kind: storyKinds.find((k) => k === r.kind) ?? 'good_deed',
		status: storyStatuses.find((s) => s === r.status) ?? 'submitted',
		occurredOn: r.occurred_on,
		unitName: r.unit?.name ?? null,
		authorId: r.author_id,
		updatedAt: r.updated_at
	};
}

export type MovementApi = ReturnType<typeof createMovementApi>;

export function createMovementApi(client: AppSupabaseClient) {
	const table = () => client.from('movement');
	return {
		/** The year's movements the reader may see: launched ones, and drafts too for a city admin. */
		async listMovements(year: number): Promise<Movement[]> {
			const r = await table().select(movementColumns).eq('year', year).order('starts_on').order('name');
			return dataOrThrow(r).map(fromMovementRow);
		},

		/** null when it does not exist or the reader may not see it (a draft, for anyone but a city admin). */
		async getMovement(id: string): Promise<Movement | null> {
			const r = await table().select(movementColumns).eq('id', id).maybeSingle();
			if (r.error) throw toMovementError(r.error, r.status);
			return r.data ? fromMovementRow(r.data) : null;
		},

		async createMovement(draft: MovementDraft): Promise<Movement> {
			const r = await table().insert(toMovementWriteRow(draft)).select(movementColumns);
			return fromMovementRow(firstRowOrThrow(r, 'insert movement'));
		},

		async updateMovement(id: string, draft: MovementDraft): Promise<Movement> {
			const r = await table().update(toMovementWriteRow(draft)).eq('id', id).select(movementColumns);
			return fromMovementRow(firstRowOrThrow(r, `update movement ${id}`));
		},

		/** Draft → launched, only from draft (a second tap, or another admin's launch, returns no row). */
		async launchMovement(id: string): Promise<Movement> {
			const r = await table().update({ status: 'launched' }).eq('id', id).eq('status', 'draft').select(movementColumns);
			const row = fromMovementRow(firstRowOrThrow(r, `launch movement ${id}`));
			if (row.status !== 'launched') throw new MovementError('movement.error.notApplied', `movement ${id} not launched`);
			return row;
		},

		/** Drafts only: the policy refuses launched ones, which then come back as "no row". */
		async deleteMovement(id: string): Promise<void> {
			const r = await table().delete().eq('id', id).eq('status', 'draft').select('id');
			firstRowOrThrow(r, `delete movement ${id}`);
		},

		/** The tagged stories the reader may see, newest first, and how many of them are published (exact count). */
		async listMovementStories(movementId: string): Promise<{ stories: MovementStory[]; publishedCount: number }> {
			const [list, published] = await Promise.all([
				client
					.from('story')
					.select('id, title, kind, status, occurred_on, author_id, updated_at, unit:unit_id(name)')
					.eq('movement_id', movementId)
					.order('updated_at', { ascending: false })
					.limit(MOVEMENT_STORY_LIMIT),
				client
					.from('story')
					.select('id', { count: 'exact', head: true })
					.eq('movement_id', movementId)
					.eq('status', 'published')
			]);
			const rows = dataOrThrow(list) as unknown as MovementStoryRow[];
			if (published.error) throw toMovementError(published.error, published.status);
			return { stories: rows.map(fromMovementStoryRow), publishedCount: published.count ?? 0 };
		}
	};
}

/**
 * The browser's API. The client module (and supabase-js with it) is loaded on first use: the capture page stays
 * light, and Node tests can import this file without SvelteKit's env.
 */
export async function browserMovementApi(): Promise<MovementApi> {
	const { getSupabase } = await import('./client');
	return createMovementApi(getSupabase());
}
