// The photo worker: runs the pipeline with the browser's codecs (createImageBitmap, OffscreenCanvas) off the main
// thread, so a 12 MP photo never freezes the form. One request per worker; the main thread terminates it after.
import { PhotoRejectedError } from './photo-errors';
import { runPhotoPipeline, type PhotoCodec } from './photo-pipeline';
import type { PhotoWorkerReply } from './photo-protocol';

const codec: PhotoCodec<ImageBitmap> = {
	decode: (blob) => createImageBitmap(blob, { imageOrientation: 'from-image' }),
	async encode({ image, width, height, type, quality }) {
		const canvas = new OffscreenCanvas(width, height);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2d context');
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(image, 0, 0, width, height);
		return canvas.convertToBlob({ type, quality });
	},
	randomUUID: () => crypto.randomUUID()
};

self.onmessage = (event: MessageEvent<{ file: Blob }>) => {
	void runPhotoPipeline(event.data.file, codec).then(
		(photo) => reply({ ok: true, photo }),
		(error: unknown) =>
			reply(
				error instanceof PhotoRejectedError
					? { ok: false, reason: error.reason, detail: error.message }
					: { ok: false, reason: 'encodeFailed', detail: String(error) }
			)
	);
};

function reply(message: PhotoWorkerReply): void {
	self.postMessage(message);
}
