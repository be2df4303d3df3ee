// Photos being added to a story: each file goes through preparePhoto (a worker) and is shown with its own state —
// preparing, ready (with a preview) or refused (with the Vietnamese reason from PhotoRejectedError).
import { MAX_PHOTOS_PER_STORY } from '$lib/domain/story';
import { PhotoRejectedError, preparePhoto, type PreparedPhoto } from '$lib/capture/prepare-photo';

export type PickedPhoto =
	| { key: number; name: string; state: 'preparing' }
	| { key: number; name: string; state: 'ready'; photo: PreparedPhoto; previewUrl: string }
	| { key: number; name: string; state: 'failed'; messageKey: string };

export class PhotoPicker {
	#items = $state<PickedPhoto[]>([]);
	#nextKey = 1;
	#limit: number;

	/** `existingCount`: photos the story already has (when editing), which count towards the limit. */
	constructor(existingCount = 0) {
		this.#limit = MAX_PHOTOS_PER_STORY - existingCount;
	}

	get items(): readonly PickedPhoto[] {
		return this.#items;
	}
	get readyPhotos(): PreparedPhoto[] {
		return this.#items.flatMap((i) => (i.state === 'ready' ? [i.photo] : []));
	}
	get isBusy(): boolean {
		return this.#items.some((i) => i.state === 'preparing');
	}
	get remaining(): number {
		return this.#limit - this.#items.filter((i) => i.state !== 'failed').length;
	}

	/** Returns how many files were left out because of the limit (the caller tells the user). */
	add(files: Iterable<File>): number {
		let skipped = 0;
		for (const file of files) {
			if (this.remaining <= 0) {
				skipped++;
				continue;
			}
			const key = this.#nextKey++;
			this.#items = [...this.#items, { key, name: file.name, state: 'preparing' }];
			void this.#prepare(key, file);
		}
		return skipped;
	}

	async #prepare(key: number, file: File): Promise<void> {
		try {
			const photo = await preparePhoto(file);
			this.#replace(key, { key, name: file.name, state: 'ready', photo, previewUrl: URL.createObjectURL(photo.thumbBlob) });
		} catch (error) {
			const messageKey = error instanceof PhotoRejectedError ? error.messageKey : 'capture.photo.undecodable';
			this.#replace(key, { key, name: file.name, state: 'failed', messageKey });
		}
	}

	#replace(key: number, next: PickedPhoto): void {
		// The item may have been removed while its worker ran: then drop the result.
		if (!this.#items.some((i) => i.key === key)) {
			if (next.state === 'ready') URL.revokeObjectURL(next.previewUrl);
			return;
		}
		this.#items = this.#items.map((i) => (i.key === key ? next : i));
	}

	remove(key: number): void {
		const item = this.#items.find((i) => i.key === key);
		if (item?.state === 'ready') URL.revokeObjectURL(item.previewUrl);
		this.#items = this.#items.filter((i) => i.key !== key);
	}

	dispose(): void {
		for (const item of this.#items) if (item.state === 'ready') URL.revokeObjectURL(item.previewUrl);
	}
}
