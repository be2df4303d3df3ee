// Main-thread entry for photos: hands the file to a fresh module worker and returns the prepared (resized,
// re-encoded, metadata-free) photo, or throws PhotoRejectedError with the sentence key for the user.
import { PhotoRejectedError } from './photo-errors';
import type { PreparedPhoto } from './photo-pipeline';
import type { PhotoWorkerReply } from './photo-protocol';

export type { PreparedPhoto };
export { PhotoRejectedError } from './photo-errors';
export type { PhotoRejection } from './photo-errors';

/** One worker per photo, terminated afterwards: a cheap phone gets its decoder memory back at once. */
export function preparePhoto(file: File): Promise<PreparedPhoto> {
	const worker = new Worker(new URL('./photo.worker.ts', import.meta.url), { type: 'module' });
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<PhotoWorkerReply>) => {
			worker.terminate();
			const reply = event.data;
			if (reply.ok) resolve(reply.photo);
			else reject(new PhotoRejectedError(reply.reason, reply.detail));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new PhotoRejectedError('encodeFailed', event.message));
		};
		worker.postMessage({ file });
	});
}
