// The photo preparation steps (check → decode → resize → re-encode → hash), with the browser codecs injected so the
// order and the refusals can be tested in Node. Re-encoding is what drops EXIF/GPS; never upload the original bytes.
import { PhotoRejectedError, rejectionForType } from './photo-errors';
import { inspectImage } from './image-structure';
import { isAcceptedType, sniffImageType, SNIFF_BYTES } from './sniff-image';
import type { PreparedPhoto } from '$lib/domain/story';
import { computeTargetSize, PHOTO_MAX_EDGE, THUMB_MAX_EDGE } from './target-size';

export const MAX_INPUT_BYTES = 30 * 1024 * 1024;
/** Declared pixels above this are refused before decoding (108 MP phone photos pass; a 30000² header does not). */
export const MAX_INPUT_PIXELS = 120_000_000;
const MAX_OUTPUT_BYTES = 5 * 1024 * 1024;

export type { PreparedPhoto };

export interface DecodedImage {
	width: number;
	height: number;
	close(): void;
}

export interface PhotoCodec<Image extends DecodedImage> {
	/** Must apply EXIF orientation (createImageBitmap does). Throws if the bytes are not a decodable image. */
	decode(blob: Blob): Promise<Image>;
	/** Scale to the size and encode as `type`; may return another type if the browser cannot encode `type`. */
	encode(o: { image: Image; width: number; height: number; type: string; quality: number }): Promise<Blob>;
	randomUUID(): string;
}

export async function runPhotoPipeline<Image extends DecodedImage>(
	file: Blob,
	codec: PhotoCodec<Image>
): Promise<PreparedPhoto> {
	await checkInput(file);
	const image = await codec.decode(file).catch((e: unknown) => {
		throw new PhotoRejectedError('undecodable', String(e));
	});
	try {
		const main = await encodeAt(codec, image, PHOTO_MAX_EDGE);
		if (main.blob.size > MAX_OUTPUT_BYTES) throw new PhotoRejectedError('tooLarge', `encoded ${main.blob.size} bytes`);
		const thumb = await encodeAt(codec, image, THUMB_MAX_EDGE, main.contentType);
		return {
			id: codec.randomUUID(),
			contentType: main.contentType,
			width: main.width,
			height: main.height,
			byteSize: main.blob.size,
			sha256: await hashBlob(main.blob),
			blob: main.blob,
			thumbBlob: thumb.blob
		};
	} finally {
		image.close();
	}
}

async function checkInput(file: Blob): Promise<void> {
	if (file.size === 0) throw new PhotoRejectedError('empty');
	if (file.size > MAX_INPUT_BYTES) throw new PhotoRejectedError('tooLarge');
	const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
	const type = sniffImageType(head);
	if (!isAcceptedType(type)) throw new PhotoRejectedError(rejectionForType(type), `sniffed ${type}`);
	const structure = inspectImage(type, new Uint8Array(await file.arrayBuffer()));
	if (!structure.whole) throw new PhotoRejectedError('truncated', structure.problem);
	const { width, height } = structure;
	if (width !== null && height !== null && width * height > MAX_INPUT_PIXELS) {
		throw new PhotoRejectedError('tooManyPixels', `${width}×${height}`);
	}
}

/** WebP first; if the browser silently falls back to PNG (no WebP encoder), use JPEG instead. */
async function encodeAt<Image extends DecodedImage>(
	codec: PhotoCodec<Image>,
	image: Image,
	maxEdge: number,
	forceType?: 'image/webp' | 'image/jpeg'
): Promise<{ blob: Blob; contentType: 'image/webp' | 'image/jpeg'; width: number; height: number }> {
	const size = computeTargetSize({ width: image.width, height: image.height, maxEdge });
	const encode = (type: string, quality: number) => codec.encode({ image, ...size, type, quality });
	try {
		if (forceType !== 'image/jpeg') {
			const webp = await encode('image/webp', 0.8);
			if (webp.type === 'image/webp') return { blob: webp, contentType: 'image/webp', ...size };
		}
		const jpeg = await encode('image/jpeg', 0.85);
		if (jpeg.type !== 'image/jpeg') throw new Error(`encoder produced ${jpeg.type}`);
		return { blob: jpeg, contentType: 'image/jpeg', ...size };
	} catch (e) {
		if (e instanceof PhotoRejectedError) throw e;
		throw new PhotoRejectedError('encodeFailed', String(e));
	}
}

export async function hashBlob(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
