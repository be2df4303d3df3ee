// The unit's points fields on the self-assessment page: the text typed per criterion, the score the server holds,
// and which fields changed. A reload of the page's data keeps fields the person is still editing. Writes go
// through the injected `write` (assessment-api in the page, a fake in tests); nothing is sent for an invalid field.
import type { Criterion } from '$lib/remote/criteria-api';
import { formatPoints } from './points';
import { livePoints, scoreChange, type ScoreChange } from './score-change';

export type ScoreWrite = (criterionId: string, change: { kind: 'set'; points: number } | { kind: 'clear' }) => Promise<number | null>;

export class SelfScores {
	#criteria = $state.raw<Criterion[]>([]);
	#saved = $state<Record<string, number | null>>({});
	#drafts = $state<Record<string, string>>({});
	#saving = $state<Record<string, boolean>>({});
	readonly #format: (n: number) => string;

	constructor(format: (n: number) => string = (n) => formatPoints(n)) {
		this.#format = format;
	}

	/** Takes the server's scores; a field whose text differs from the old saved score keeps that text. */
	load(criteria: Criterion[], saved: ReadonlyMap<string, number>): void {
		const drafts: Record<string, string> = {};
		const next: Record<string, number | null> = {};
		for (const c of criteria) {
			const value = saved.get(c.id) ?? null;
			next[c.id] = value;
			const old = this.#drafts[c.id];
			const editing = old !== undefined && this.#criteria.some((k) => k.id === c.id) && this.change(c.id).kind !== 'none';
			drafts[c.id] = editing ? old : value === null ? '' : this.#format(value);
		}
		this.#criteria = criteria;
		this.#saved = next;
		this.#drafts = drafts;
	}

	draft(id: string): string {
		return this.#drafts[id] ?? '';
	}
	setDraft(id: string, text: string): void {
		this.#drafts[id] = text;
	}
	saved(id: string): number | null {
		return this.#saved[id] ?? null;
	}
	isSaving(id: string): boolean {
		return this.#saving[id] ?? false;
	}

	change(id: string): ScoreChange {
		const c = this.#criteria.find((k) => k.id === id);
		if (!c) return { kind: 'none' };
		return scoreChange(this.draft(id), this.saved(id), c.maxPoints);
	}

	/** Criteria whose field asks for a write (valid or not). */
	get changedIds(): string[] {
		return this.#criteria.filter((c) => this.change(c.id).kind !== 'none').map((c) => c.id);
	}

	/** The points each field stands for now, for the live total. */
	get livePoints(): ReadonlyMap<string, number> {
		// A fresh value per read, derived from reactive fields; never mutated afterwards.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const points = new Map<string, number>();
		for (const c of this.#criteria) {
			const p = livePoints(this.draft(c.id), this.saved(c.id), c.maxPoints);
			if (p !== null) points.set(c.id, p);
		}
		return points;
	}

	/** Sends one field's change; returns false (and sends nothing) when the field is invalid or unchanged. */
	async save(id: string, write: ScoreWrite): Promise<boolean> {
		const change = this.change(id);
		if (change.kind !== 'set' && change.kind !== 'clear') return false;
		this.#saving[id] = true;
		try {
			const stored = await write(id, change);
			this.#saved[id] = stored;
			this.#drafts[id] = stored === null ? '' : this.#format(stored);
			return true;
		} finally {
			this.#saving[id] = false;
		}
	}
}
