// How to make a row of each relation in a scope (with the service role), what a new row looks like, and which
// no-op update to try. One entry per table or view of schema public; the grid test refuses relations missing here.
import { randomUUID } from 'node:crypto';
import { ownerOf, type Persona, type Scope, type World } from './permission-world';

export type Row = Record<string, unknown>;
export type Key = Record<string, string>;

export interface Fixture {
	/** The relation the persona acts on, and the key that finds the row there. */
	key: Key;
	/** The base table and key to read the row back with the service role (differs for views). */
	base: { table: string; key: Key };
}

export interface RelationSpec {
	existing(world: World, persona: Persona, scope: Scope): Promise<Fixture>;
	fresh(world: World, persona: Persona, scope: Scope): Promise<{ row: Row; base: { table: string; key: Key } }>;
	noopUpdate(current: Row): Row;
	/** Puts back what `fresh` moved aside, whatever the insert did (profiles belong to the world's people). */
	afterInsert?(world: World, row: Row): Promise<void>;
}

async function insert(world: World, table: string, row: Row): Promise<Row> {
	const { data, error } = await world.service.from(table).insert(row).select().single();
	if (error) throw new Error(`fixture ${table}: ${error.message}`);
	return data as Row;
}

const uniq = () => randomUUID().slice(0, 8);

async function throwawayUnit(world: World): Promise<string> {
	const row = await insert(world, 'unit', { code: `grid-${uniq()}`, name: `Đơn vị thử ${uniq()}`, kind: 'phuong' });
	return row.id as string;
}

function storyRow(unitId: string, authorId: string, status: 'submitted' | 'published'): Row {
	const published = status === 'published';
	return {
		id: randomUUID(),
		unit_id: unitId,
		author_id: authorId,
		kind: 'good_deed',
		title: `Câu chuyện kiểm tra quyền ${uniq()}`,
		body: 'Nội dung dùng để kiểm tra ma trận quyền.',
		subject_name: 'Người được ghi nhận',
		subject_kind: 'person',
		occurred_on: '2026-06-01',
		consent_given_by: 'Người được ghi nhận',
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status,
		published_at: published ? new Date().toISOString() : null
	};
}

function photoRow(unitId: string, storyId: string): Row {
	const id = randomUUID();
	return {
		id,
		story_id: storyId,
		position: 0,
		storage_path: `${unitId}/${storyId}/${id}.webp`,
		content_type: 'image/webp',
		width: 800,
		height: 600,
		byte_size: 1000,
		sha256: 'a'.repeat(64)
	};
}

async function storyIn(world: World, persona: Persona, scope: Scope, status: 'submitted' | 'published' = 'submitted') {
	return insert(world, 'story', storyRow(world.unitOf(scope), ownerOf(world, persona, scope), status));
}

function byId(table: string, row: Row): Fixture {
	const key = { id: row.id as string };
	return { key, base: { table, key } };
}

function membershipRow(world: World, persona: Persona, scope: Scope): Row {
	// Next year's membership: visible by its row, but it grants nothing this year, so it cannot disturb other cells.
	return { user_id: ownerOf(world, persona, scope), role: 'reporter', unit_id: world.unitOf(scope), year: world.year + 1 };
}

export const relationSpecs: Record<string, RelationSpec> = {
	unit: {
		existing: async (w) => byId('unit', { id: await throwawayUnit(w) }),
		fresh: async () => {
			const row = { id: randomUUID(), code: `grid-${uniq()}`, name: `Đơn vị mới ${uniq()}`, kind: 'xa' };
			return { row, base: { table: 'unit', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ name: r.name })
	},
	unit_lineage: {
		existing: async (w, _p, s) =>
			byId('unit_lineage', await insert(w, 'unit_lineage', { from_unit_id: await throwawayUnit(w), to_unit_id: w.unitOf(s), change: 'reorganise', effective_on: '2025-07-01' })),
		fresh: async (w, _p, s) => {
			const row = { id: randomUUID(), from_unit_id: await throwawayUnit(w), to_unit_id: w.unitOf(s), change: 'merge', effective_on: '2025-07-01' };
			return { row, base: { table: 'unit_lineage', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ note: r.note })
	},
	cluster: {
		existing: async (w, _p, s) => byId('cluster', await insert(w, 'cluster', { year: w.year, name: `Cụm thử ${uniq()}`, head_unit_id: w.unitOf(s) })),
		fresh: async (w, _p, s) => {
			const row = { id: randomUUID(), year: w.year, name: `Cụm mới ${uniq()}`, head_unit_id: w.unitOf(s) };
			return { row, base: { table: 'cluster', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ name: r.name })
	},
	cluster_member: {
		existing: async (w, _p, s) => {
			const row = await insert(w, 'cluster_member', { cluster_id: w.clusterOf(s), unit_id: await throwawayUnit(w) });
			const key = { cluster_id: row.cluster_id as string, unit_id: row.unit_id as string };
			return { key, base: { table: 'cluster_member', key } };
		},
		fresh: async (w, _p, s) => {
			const row = { cluster_id: w.clusterOf(s), unit_id: await throwawayUnit(w) };
			return { row, base: { table: 'cluster_member', key: row } };
		},
		noopUpdate: (r) => ({ unit_id: r.unit_id })
	},
	cluster_leader_assignment: {
		existing: async (w, _p, s) => {
			const key = { cluster_id: w.clusterOf(s), user_id: w.spare };
			await insert(w, 'cluster_leader_assignment', key);
			return { key, base: { table: 'cluster_leader_assignment', key } };
		},
		fresh: async (w, _p, s) => {
			const row = { cluster_id: w.clusterOf(s), user_id: w.spare };
			return { row, base: { table: 'cluster_leader_assignment', key: row } };
		},
		noopUpdate: (r) => ({ user_id: r.user_id })
	},
	membership: {
		existing: async (w, p, s) => byId('membership', await insert(w, 'membership', membershipRow(w, p, s))),
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), ...membershipRow(w, p, s) };
			return { row, base: { table: 'membership', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ role: r.role })
	},
	profile: {
		// Everyone in the world has a profile already; the owner's row is the fixture.
		existing: async (w, p, s) => {
			const key = { user_id: ownerOf(w, p, s) };
			return { key, base: { table: 'profile', key } };
		},
		fresh: async (w, p, s) => {
			const userId = ownerOf(w, p, s);
			await w.service.from('profile').delete().eq('user_id', userId);
			return { row: { user_id: userId, full_name: `Tên mới ${uniq()}` }, base: { table: 'profile', key: { user_id: userId } } };
		},
		noopUpdate: (r) => ({ full_name: r.full_name }),
		afterInsert: async (w, row) => {
			const { error } = await w.service.from('profile').upsert({ user_id: row.user_id, full_name: 'Người thử (khôi phục)' });
			if (error) throw new Error(`restore profile: ${error.message}`);
		}
	},
	story: {
		existing: async (w, p, s) => byId('story', await storyIn(w, p, s)),
		fresh: async (w, p, s) => {
			const { author_id: _author, status: _status, published_at: _published, ...row } = storyRow(w.unitOf(s), ownerOf(w, p, s), 'submitted');
			return { row, base: { table: 'story', key: { id: row.id as string } } };
		},
		noopUpdate: (r) => ({ kind: r.kind })
	},
	story_photo: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s);
			return byId('story_photo', await insert(w, 'story_photo', photoRow(w.unitOf(s), story.id as string)));
		},
		fresh: async (w, p, s) => {
			const story = await storyIn(w, p, s);
			const row = photoRow(w.unitOf(s), story.id as string);
			return { row, base: { table: 'story_photo', key: { id: row.id as string } } };
		},
		noopUpdate: (r) => ({ caption: r.caption })
	},
	public_story: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			return byId('story', story);
		},
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), title: `Không được tạo ${uniq()}`, unit_id: w.unitOf(s) };
			return { row, base: { table: 'story', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ title: r.title })
	},
	public_story_photo: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			return byId('story_photo', await insert(w, 'story_photo', photoRow(w.unitOf(s), story.id as string)));
		},
		fresh: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			const row = photoRow(w.unitOf(s), story.id as string);
			return { row, base: { table: 'story_photo', key: { id: row.id as string } } };
		},
		noopUpdate: (r) => ({ caption: r.caption })
	},
	my_membership: {
		// This year's membership of the scope's owner (the view shows only the signed-in person's own).
		existing: async (w, p, s) => {
			const owner = ownerOf(w, p, s);
			const { data, error } = await w.service.from('membership').select('id').eq('user_id', owner).eq('year', w.year).limit(1).single();
			if (error) throw new Error(`fixture my_membership: ${error.message}`);
			const key = { id: (data as { id: string }).id };
			return { key, base: { table: 'membership', key } };
		},
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), role: 'reporter', unit_id: w.unitOf(s), year: w.year };
			return { row, base: { table: 'membership', key: { id: row.id } } };
		},
		noopUpdate: (r) => ({ role: r.role })
	}
};
