import { describe, expect, it } from 'vitest';
import { PhotoRejectedError } from './photo-errors';
import { runPhotoPipeline, type DecodedImage, type PhotoCodec } from './photo-pipeline';

const jpegFile = (size = 100) => {
	const b = new Uint8Array(size);
	b.set([0xff, 0xd8, 0xff, 0xe0]);
	b.set([0xff, 0xd9], size - 2);
	return new Blob([b], { type: 'image/jpeg' });
};

function fakeCodec(o: { webp?: boolean; decodeFails?: boolean } = {}) {
	const encoded: { width: number; height: number; type: string }[] = [];
	let closed = 0;
	const codec: PhotoCodec<DecodedImage> = {
		async decode() {
			if (o.decodeFails) throw new Error('InvalidStateError');
			return { width: 4000, height: 3000, close: () => closed++ };
		},
		async encode({ width, height, type }) {
			encoded.push({ width, height, type });
			// A browser without a WebP encoder returns PNG.
			const out = type === 'image/webp' && !o.webp ? 'image/png' : type;
			return new Blob([new Uint8Array(width % 97)], { type: out });
		},
		randomUUID: () => '00000000-0000-4000-8000-000000000001'
	};
	return { codec, encoded, closed: () => closed };
}

describe('runPhotoPipeline', () => {
	it('resizes to 1600 px and a 400 px thumb as WebP, and hashes the result', async () => {
		const { codec, encoded, closed } = fakeCodec({ webp: true });
		const photo = await runPhotoPipeline(jpegFile(), codec);
		expect(photo).toMatchObject({ contentType: 'image/webp', width: 1600, height: 1200 });
		expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(encoded.map((e) => e.width)).toEqual([1600, 400]);
		expect(closed()).toBe(1);
	});

	it('falls back to JPEG when the browser cannot encode WebP', async () => {
		const { codec } = fakeCodec({ webp: false });
		const photo = await runPhotoPipeline(jpegFile(), codec);
		expect(photo.contentType).toBe('image/jpeg');
		expect(photo.blob.type).toBe('image/jpeg');
		expect(photo.thumbBlob.type).toBe('image/jpeg');
	});

	it.each([
		['an empty file', new Blob([]), 'empty'],
		['a HEIC photo', new Blob([new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63])]), 'heic'],
		['a truncated JPEG', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), 'truncated']
	])('refuses %s', async (_name, file, reason) => {
		const error = await runPhotoPipeline(file, fakeCodec().codec).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhotoRejectedError);
		expect(error).toMatchObject({ reason, messageKey: `capture.photo.${reason}` });
	});

	it('refuses a file the browser cannot decode', async () => {
		await expect(runPhotoPipeline(jpegFile(), fakeCodec({ decodeFails: true }).codec)).rejects.toMatchObject({
			reason: 'undecodable'
		});
	});
});
