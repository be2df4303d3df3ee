// Saving the story form to the device: validate, write story + photos + outbox entry in one transaction (offline/),
// confirm through the notices funnel. Never waits for the network: sending is the sync engine's job.
import { LocalSaveError } from '$lib/offline/local-errors';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { notices } from '$lib/ui/notices.svelte';
import type { PhotoPicker } from './photo-picker.svelte';
import type { StoryDraft } from './story-draft.svelte';

export type SaveOutcome = 'saved' | 'invalid' | 'failed';

/** The form-level "please correct" notice: withdrawn as soon as the next attempt starts. */
let formNoticeId: number | null = null;

function readyToSave(draft: StoryDraft, picker: PhotoPicker) {
	if (formNoticeId !== null) notices.dismiss(formNoticeId);
	formNoticeId = null;
	if (picker.isBusy) {
		formNoticeId = notices.push('error', 'form.photoBusy', undefined, { sticky: false });
		return null;
	}
	const content = draft.validate(new Date().toISOString());
	if (!content) {
		formNoticeId = notices.push('error', 'form.hasErrors', undefined, { sticky: false });
		focusFirstError();
	}
	return content;
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
function focusFirstError(): void {
	queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

function reportFailure(error: unknown): SaveOutcome {
	if (error instanceof LocalSaveError) notices.error(error.messageKey);
	else notices.error('form.saveFailed', { reason: error instanceof Error ? error.message : String(error) });
	return 'failed';
}

export async function saveNewStory(opts: { draft: StoryDraft; picker: PhotoPicker; authorId: string | null }): Promise<SaveOutcome> {
	const content = readyToSave(opts.draft, opts.picker);
	if (!content) return 'invalid';
	try {
		await saveStoryWithPhotos({
			story: { id: crypto.randomUUID(), unitId: opts.draft.unitId, content },
			photos: opts.picker.readyPhotos,
			authorId: opts.authorId
		});
	} catch (error) {
		return reportFailure(error);
	}
	notices.success('form.saved');
	return 'saved';
}

export async function resubmitStory(opts: { id: string; draft: StoryDraft; picker: PhotoPicker }): Promise<SaveOutcome> {
	const content = readyToSave(opts.draft, opts.picker);
	if (!content) return 'invalid';
	try {
		await updateStoryContent({ id: opts.id, content, addPhotos: opts.picker.readyPhotos });
	} catch (error) {
		return reportFailure(error);
	}
	notices.success('form.resubmitted');
	return 'saved';
}
