// A list of stories waiting for a decision (review or publish): loads from the server, runs one decision at a time
// per story, drops the story from the list only when the server confirmed the change, and reports every failure
// through the notices funnel.
import type { ReviewStory } from '$lib/remote/review-api';
import { ReviewError } from '$lib/remote/review-api';
import type { MessageKey } from '$lib/i18n';
import { notices } from './notices.svelte';

export class ReviewQueue {
	#stories = $state<ReviewStory[] | null>(null);
	#busyId = $state<string | null>(null);
	#loadErrorKey = $state<string | null>(null);
	#load: () => Promise<ReviewStory[]>;

	constructor(load: () => Promise<ReviewStory[]>) {
		this.#load = load;
	}

	get stories(): readonly ReviewStory[] | null {
		return this.#stories;
	}
	get busyId(): string | null {
		return this.#busyId;
	}
	get loadErrorKey(): string | null {
		return this.#loadErrorKey;
	}

	async reload(): Promise<void> {
		this.#loadErrorKey = null;
		try {
			this.#stories = await this.#load();
		} catch (error) {
			this.#loadErrorKey = error instanceof ReviewError ? error.messageKey : 'error.unknown';
			this.#stories ??= [];
		}
	}

	/** Runs `decide`; on success removes the story and confirms with `successKey`; on failure keeps it and says why. */
	async decide(story: ReviewStory, decide: () => Promise<void>, successKey: MessageKey): Promise<boolean> {
		if (this.#busyId) return false;
		this.#busyId = story.id;
		try {
			await decide();
			this.#stories = (this.#stories ?? []).filter((s) => s.id !== story.id);
			notices.success(successKey, { title: story.title });
			return true;
		} catch (error) {
			notices.error(error instanceof ReviewError ? error.messageKey : 'error.unknown');
			return false;
		} finally {
			this.#busyId = null;
		}
	}
}
