// The movements a story can be tagged with on the story form: the launched ones of the current Hanoi year. Read
// through the snapshot the movements page and the sync run share (offline/movement-snapshot.ts), so capture works
// offline with the list last seen; fetched again whenever the server can be reached.
import { hanoiYear, movementChoices, type Movement, type MovementChoice, type MovementKind } from '$lib/domain/movement';
import { movementsSnapshotName } from '$lib/offline/movement-snapshot';
import { CachedQuery } from '$lib/ui/cached-query.svelte';

export interface MovementChoiceGroup {
	/** null: a story's own movement not among this year's launched ones (shown last, without a group). */
	kind: MovementKind | null;
	choices: MovementChoice[];
}

export class MovementOptions {
	readonly year: number;
	readonly #query: CachedQuery<Movement[]>;
	#settled = $state(false);

	constructor(o: { listMovements: (year: number) => Promise<Movement[]>; year?: number }) {
		const year = o.year ?? hanoiYear();
		this.year = year;
		this.#query = new CachedQuery(
			() => movementsSnapshotName(year),
			() => o.listMovements(year)
		);
	}

	get query(): CachedQuery<Movement[]> {
		return this.#query;
	}
	/** Nothing to choose from: never loaded online on this device, or the year has no launched movement. */
	get isEmpty(): boolean {
		return this.choices(null).length === 0;
	}

	/** True once the first load finished (from the server or the snapshot, or neither). */
	get settled(): boolean {
		return this.#settled;
	}

	async load(): Promise<void> {
		await this.#query.load();
		this.#settled = true;
	}

	/** The choices in kind order; a story's current movement stays choosable even if it is not in the list. */
	choices(currentId: string | null): MovementChoice[] {
		return movementChoices({ movements: this.#query.data ?? [], year: this.year, currentId });
	}

	groups(currentId: string | null): MovementChoiceGroup[] {
		const groups: MovementChoiceGroup[] = [];
		for (const choice of this.choices(currentId)) {
			const last = groups.at(-1);
			if (last && last.kind === choice.kind) last.choices.push(choice);
			else groups.push({ kind: choice.kind, choices: [choice] });
		}
		return groups;
	}

	/** The name of a movement in the list, or null when this device does not know it. */
	nameOf(id: string | null | undefined): string | null {
		if (!id) return null;
		return this.#query.data?.find((m) => m.id === id)?.name ?? null;
	}
}
