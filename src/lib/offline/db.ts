// The device database ('thidua'): stories, photos (with their bytes), the outbox, sync bookkeeping and the last
// answers of read-only lists (snapshots).
// Owns the table layout only; reading and writing rules live in story-store.ts, outbox.ts and server-state.ts.
import { Dexie, type EntityTable } from 'dexie';
import {
	applySchema,
	type LocalPhoto,
	type LocalStory,
	type OutboxEntry,
	type SnapshotEntry,
	type SyncStateEntry
} from './schema';

export class ThiduaDb extends Dexie {
	stories!: EntityTable<LocalStory, 'id'>;
	photos!: EntityTable<LocalPhoto, 'id'>;
	outbox!: EntityTable<OutboxEntry, 'id'>;
	syncState!: EntityTable<SyncStateEntry, 'key'>;
	snapshots!: EntityTable<SnapshotEntry, 'key'>;

	constructor(name = 'thidua') {
		super(name);
		applySchema(this);
	}
}

/** Opening is lazy (on first query), so importing this module on the server does nothing. */
export const db = new ThiduaDb();

export * from './schema';
