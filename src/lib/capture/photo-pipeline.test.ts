import { describe, expect, it } from 'vitest';
import { PhotoRejectedError } from './photo-errors';
import { runPhotoPipeline, type DecodedImage, type PhotoCodec } from './photo-pipeline';

/** SOI, a frame header declaring width × height, a scan with a few entropy bytes, EOI — then `trailer`. */
const jpegFile = (width = 4000, height = 3000, trailer: number[] = []) => {
	const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
	const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0xff, 0x00, 0x34];
	return new Blob([new Uint8Array([0xff, 0xd8, ...sof, ...sos, 0xff, 0xd9, ...trailer])], { type: 'image/jpeg' });
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
		['a truncated JPEG', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), 'truncated'],
		['a JPEG declaring 30000 × 30000 pixels (a decompression bomb)', jpegFile(30000, 30000), 'tooManyPixels']
	])('refuses %s', async (_name, file, reason) => {
		const error = await runPhotoPipeline(file, fakeCodec().codec).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhotoRejectedError);
		expect(error).toMatchObject({ reason, messageKey: `capture.photo.${reason}` });
	});

	it('accepts a whole JPEG with bytes after its end (a motion photo, a polyglot): only the re-encode is kept', async () => {
		const { codec } = fakeCodec({ webp: true });
		const photo = await runPhotoPipeline(jpegFile(4000, 3000, [...'PK\x03\x04<html>'].map((c) => c.charCodeAt(0))), codec);
		expect(photo.contentType).toBe('image/webp');
	});

	it('refuses a file the browser cannot decode', async () => {
		await expect(runPhotoPipeline(jpegFile(), fakeCodec({ decodeFails: true }).codec)).rejects.toMatchObject({
			reason: 'undecodable'
		});
	});
});
