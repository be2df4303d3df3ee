// Autosave for a grid of scores: each cell is saved on its own, ~800 ms after typing stops or at once on blur, one
// save at a time per cell (a newer value waits for the running save, then goes out: the last value typed wins).
// A typed value is never dropped: a failed save stays marked with its reason until retried or changed; a score that
// differs from the stage below waits for its reason (the database would refuse it). Knows nothing of Supabase.
import { SvelteMap } from 'svelte/reactivity';
import { getLocale } from '$lib/i18n';
import { formatPoints, parseCellPoints, samePoints, type PointsProblem } from './points';

export type CellStatus = 'idle' | 'pending' | 'invalid' | 'needsReason' | 'saving' | 'saved' | 'error';

/** A failed save, as a message key for the notices/i18n funnel; `needsReason` when the server asked for a reason. */
export interface CellFailure {
	messageKey: string;
	params: Record<string, string>;
	needsReason: boolean;
}

/** What the server holds for a cell, and what it is compared with. */
export interface CellBase {
	max: number;
	/** The stage below (self for the cluster, cluster for the city): a different score needs a reason. */
	below: number | null;
	points: number | null;
	reason: string | null;
}

export interface SaveRequest {
	key: string;
	/** Null withdraws the score. */
	points: number | null;
	reason: string | null;
}

export interface SavedScore {
	points: number | null;
	reason: string | null;
}

export interface AutosaveOptions {
	save: (request: SaveRequest) => Promise<SavedScore>;
	classify: (error: unknown) => CellFailure;
	delayMs?: number;
	/** After the server took a cell's value (e.g. to read its history again). */
	onSaved?: (key: string) => void;
}

const UNSAVED: readonly CellStatus[] = ['pending', 'invalid', 'needsReason', 'saving', 'error'];

function textOf(points: number | null): string {
	return points === null ? '' : formatPoints(points, getLocale());
}

function normReason(reason: string | null | undefined): string | null {
	const r = reason?.trim() ?? '';
	return r === '' ? null : r;
}

export class ScoreCell {
	readonly key: string;
	#text = $state('');
	#reasonText = $state('');
	#status = $state<CellStatus>('idle');
	#failure = $state<CellFailure | null>(null);
	#problem = $state<PointsProblem | null>(null);
	#base = $state<CellBase>({ max: 0, below: null, points: null, reason: null });
	timer: ReturnType<typeof setTimeout> | null = null;
	inflight: Promise<void> | null = null;
	again = false;

	constructor(key: string, base: CellBase) {
		this.key = key;
		this.#base = { ...base };
		this.#text = textOf(base.points);
		this.#reasonText = base.reason ?? '';
	}

	get text(): string {
		return this.#text;
	}
	get reasonText(): string {
		return this.#reasonText;
	}
	get status(): CellStatus {
		return this.#status;
	}
	get failure(): CellFailure | null {
		return this.#failure;
	}
	get problem(): PointsProblem | null {
		return this.#problem;
	}
	get base(): Readonly<CellBase> {
		return this.#base;
	}
	/** The points typed, when they read as points (null: empty); undefined when they do not. */
	get typedPoints(): number | null | undefined {
		const parsed = parseCellPoints(this.#text, this.#base.max);
		return parsed.ok ? parsed.points : undefined;
	}
	/** The typed score differs from the stage below: a reason is needed. */
	get differs(): boolean {
		const p = this.typedPoints;
		return p !== undefined && p !== null && this.#base.below !== null && !samePoints(p, this.#base.below);
	}
	get showReason(): boolean {
		return this.differs || this.#reasonText.trim() !== '' || (this.#failure?.needsReason ?? false);
	}
	get unsaved(): boolean {
		return UNSAVED.includes(this.#status);
	}

	setText(text: string): void {
		this.#text = text;
	}
	setReasonText(text: string): void {
		this.#reasonText = text;
	}
	setStatus(status: CellStatus, failure: CellFailure | null = null, problem: PointsProblem | null = null): void {
		this.#status = status;
		this.#failure = failure;
		this.#problem = problem;
	}
	setBase(patch: Partial<CellBase>): void {
		this.#base = { ...this.#base, ...patch };
	}
	/** Same as the server: nothing to save. */
	inSync(points: number | null, reason: string | null): boolean {
		if (points === null && this.#base.points === null) return true;
		return samePoints(points, this.#base.points) && reason === normReason(this.#base.reason);
	}
}

export class AutosaveQueue {
	readonly #cells = new SvelteMap<string, ScoreCell>();
	readonly #save: AutosaveOptions['save'];
	readonly #classify: AutosaveOptions['classify'];
	readonly #delayMs: number;
	readonly #onSaved: AutosaveOptions['onSaved'];

	constructor(options: AutosaveOptions) {
		this.#save = options.save;
		this.#classify = options.classify;
		this.#delayMs = options.delayMs ?? 800;
		this.#onSaved = options.onSaved;
	}

	cell(key: string): ScoreCell | undefined {
		return this.#cells.get(key);
	}

	/** Cells with something not (yet) on the server: typed, waiting for a reason, invalid, saving or failed. */
	get unsavedCount(): number {
		let n = 0;
		for (const c of this.#cells.values()) if (c.unsaved) n++;
		return n;
	}

	get failedCount(): number {
		let n = 0;
		for (const c of this.#cells.values()) if (c.status === 'error') n++;
		return n;
	}

	/**
	 * What the server answered. A cell with a local edit not yet saved keeps the edit (a reload never overwrites what
	 * the person typed); its comparison values follow the server.
	 */
	seed(key: string, base: CellBase): ScoreCell {
		const existing = this.#cells.get(key);
		if (!existing) {
			const cell = new ScoreCell(key, base);
			this.#cells.set(key, cell);
			return cell;
		}
		if (existing.inflight) {
			existing.setBase({ max: base.max, below: base.below });
		} else if (existing.unsaved) {
			existing.setBase(base);
		} else {
			existing.setBase(base);
			existing.setText(textOf(base.points));
			existing.setReasonText(base.reason ?? '');
		}
		return existing;
	}

	editPoints(key: string, text: string): void {
		const cell = this.#cells.get(key);
		if (!cell) return;
		cell.setText(text);
		this.#schedule(cell);
	}

	editReason(key: string, text: string): void {
		const cell = this.#cells.get(key);
		if (!cell) return;
		cell.setReasonText(text);
		this.#schedule(cell);
	}

	/** Leaving the field: save now instead of waiting for the pause. */
	flush(key: string): void {
		const cell = this.#cells.get(key);
		if (cell && (cell.timer || cell.status === 'pending')) this.#attempt(cell);
	}

	retry(key: string): void {
		const cell = this.#cells.get(key);
		if (cell) this.#attempt(cell);
	}

	/** Back online, say: every failed cell again. */
	retryFailed(): void {
		for (const cell of this.#cells.values()) if (cell.status === 'error') this.#attempt(cell);
	}

	/** Saves everything waiting for its pause now, and resolves when no save is running. */
	async flushAll(): Promise<void> {
		for (const cell of this.#cells.values()) if (cell.timer) this.#attempt(cell);
		await this.settled();
	}

	async settled(): Promise<void> {
		for (;;) {
			const running = [...this.#cells.values()].flatMap((c) => (c.inflight ? [c.inflight] : []));
			if (running.length === 0) return;
			await Promise.all(running);
		}
	}

	dispose(): void {
		for (const cell of this.#cells.values()) {
			if (cell.timer) clearTimeout(cell.timer);
			cell.timer = null;
		}
	}

	#schedule(cell: ScoreCell): void {
		if (cell.timer) clearTimeout(cell.timer);
		cell.setStatus('pending');
		cell.timer = setTimeout(() => this.#attempt(cell), this.#delayMs);
	}

	#attempt(cell: ScoreCell): void {
		if (cell.timer) clearTimeout(cell.timer);
		cell.timer = null;
		if (cell.inflight) {
			cell.again = true;
			return;
		}
		const parsed = parseCellPoints(cell.text, cell.base.max);
		if (!parsed.ok) {
			cell.setStatus('invalid', null, parsed.problem);
			return;
		}
		const points = parsed.points;
		const reason = normReason(cell.reasonText);
		if (cell.inSync(points, reason)) {
			cell.setStatus(cell.status === 'idle' ? 'idle' : 'saved');
			return;
		}
		if (points !== null && cell.differs && reason === null) {
			cell.setStatus('needsReason');
			return;
		}
		cell.setStatus('saving');
		cell.inflight = this.#run(cell, { key: cell.key, points, reason });
	}

	async #run(cell: ScoreCell, request: SaveRequest): Promise<void> {
		try {
			const saved = await this.#save(request);
			cell.setBase({ points: saved.points, reason: saved.reason });
			cell.setStatus(cell.timer ? 'pending' : 'saved');
			this.#onSaved?.(cell.key);
		} catch (error) {
			cell.setStatus('error', this.#classify(error));
		} finally {
			cell.inflight = null;
			if (cell.again) {
				cell.again = false;
				this.#attempt(cell);
			}
		}
	}
}
