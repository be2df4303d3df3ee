// The one error funnel: every failure and confirmation the user must see goes through `notices`, rendered by
// Notices.svelte in a live region. Callers pass message keys, never literal strings.
import { tKey, type MessageParams } from '$lib/i18n';

export type NoticeKind = 'error' | 'success' | 'info';

export interface Notice {
	id: number;
	kind: NoticeKind;
	text: string;
}

const AUTO_DISMISS_MS = 6000;

class Notices {
	#items = $state<Notice[]>([]);
	#nextId = 1;

	get items(): readonly Notice[] {
		return this.#items;
	}

	/**
	 * Errors stay until dismissed (the person must be able to read and act on them); other notices fade, and so do
	 * errors pushed with `sticky: false` whose cause is already marked on the page (e.g. invalid form fields).
	 */
	push(kind: NoticeKind, messageKey: string, params?: MessageParams, opts: { sticky?: boolean } = {}): number {
		const id = this.#nextId++;
		const text = tKey(messageKey, params);
		// The same sentence twice (a second tap on "Lưu") replaces the first instead of stacking.
		this.#items = [...this.#items.filter((n) => n.text !== text), { id, kind, text }];
		if (!(opts.sticky ?? kind === 'error')) setTimeout(() => this.dismiss(id), AUTO_DISMISS_MS);
		return id;
	}

	error(messageKey: string, params?: MessageParams): number {
		return this.push('error', messageKey, params);
	}

	success(messageKey: string, params?: MessageParams): number {
		return this.push('success', messageKey, params);
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();
