import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectImage } from './image-structure';

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

function crc32(b: Uint8Array): number {
	let c = 0xffffffff;
	for (const x of b) {
		c ^= x;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return (c ^ 0xffffffff) >>> 0;
}
const chunk = (type: string, data: Uint8Array) => bytes(u32be(data.length), type, data, u32be(crc32(bytes(type, data))));
const png = (width: number, height: number) =>
	bytes(
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		chunk('IHDR', bytes(u32be(width), u32be(height), [8, 2, 0, 0, 0])),
		chunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(height * (1 + width * 3))))),
		chunk('IEND', new Uint8Array())
	);

const realJpeg = new Uint8Array(readFileSync(new URL('../../../tests/fixtures/large-gps.jpg', import.meta.url)));

describe('inspectImage: JPEG', () => {
	it('walks a camera JPEG (EXIF with its own thumbnail, then the scan) to its EOI and reads the frame size', () => {
		const r = inspectImage('jpeg', realJpeg);
		expect(r.whole).toBe(true);
		if (r.whole) expect((r.width ?? 0) * (r.height ?? 0)).toBeGreaterThan(1_000_000);
	});

	it('accepts bytes after the EOI (a motion-photo trailer, a ZIP or HTML polyglot)', () => {
		expect(inspectImage('jpeg', bytes(realJpeg, 'PK\x03\x04 zip payload')).whole).toBe(true);
		expect(inspectImage('jpeg', bytes(realJpeg, '<html><script>alert(1)</script>')).whole).toBe(true);
	});

	it('refuses a JPEG cut in the middle of its scan, even though the EXIF thumbnail inside has an EOI', () => {
		expect(inspectImage('jpeg', realJpeg.subarray(0, Math.floor(realJpeg.length / 2)))).toEqual({ whole: false, problem: 'truncated' });
	});

	it('refuses a segment with an impossible length, and bytes that are not a marker where one must be', () => {
		expect(inspectImage('jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ whole: false, problem: 'corrupt' });
		expect(inspectImage('jpeg', bytes([0xff, 0xd8, 0x12, 0x34, 0xff, 0xd9]))).toEqual({ whole: false, problem: 'corrupt' });
	});

	it('SOI then EOI is whole but declares no size (the decoder refuses it later)', () => {
		expect(inspectImage('jpeg', bytes([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ whole: true, width: null, height: null });
	});
});

describe('inspectImage: PNG', () => {
	it('reads IHDR and reaches IEND, allowing bytes after it', () => {
		expect(inspectImage('png', png(3, 2))).toEqual({ whole: true, width: 3, height: 2 });
		expect(inspectImage('png', bytes(png(3, 2), 'trailer')).whole).toBe(true);
	});

	it('reads a huge declared size from a tiny file (the pipeline then refuses it)', () => {
		const bomb = bytes(png(1, 1));
		bomb.set(bytes(chunk('IHDR', bytes(u32be(30000), u32be(30000), [8, 2, 0, 0, 0]))), 8);
		expect(inspectImage('png', bomb)).toEqual({ whole: true, width: 30000, height: 30000 });
	});

	it('refuses a chunk whose CRC does not match, and a file cut inside IDAT', () => {
		const bad = png(3, 2);
		bad[30] = bad[30]! ^ 0xff; // a byte of IHDR's CRC
		expect(inspectImage('png', bad)).toEqual({ whole: false, problem: 'corrupt' });
		const good = png(3, 2);
		expect(inspectImage('png', good.subarray(0, good.length - 20))).toEqual({ whole: false, problem: 'truncated' });
	});
});

describe('inspectImage: WebP', () => {
	const vp8x = (w: number, h: number, riffSize = 22) =>
		bytes('RIFF', u32le(riffSize), 'WEBPVP8X', u32le(10), [0, 0, 0, 0], [(w - 1) & 0xff, ((w - 1) >> 8) & 0xff, (w - 1) >> 16], [(h - 1) & 0xff, ((h - 1) >> 8) & 0xff, (h - 1) >> 16]);

	it('reads the canvas size of an extended WebP', () => {
		expect(inspectImage('webp', vp8x(1600, 1200))).toEqual({ whole: true, width: 1600, height: 1200 });
	});

	it('reads the size of a tiny lossless WebP (26 bytes)', () => {
		const bits = (640 - 1) | ((480 - 1) << 14);
		const b = bytes('RIFF', u32le(18), 'WEBPVP8L', u32le(6), [0x2f], u32le(bits), [0]);
		expect(inspectImage('webp', b)).toEqual({ whole: true, width: 640, height: 480 });
	});

	it('refuses a RIFF/WEBP file with no image chunk', () => {
		expect(inspectImage('webp', bytes('RIFF', u32le(22), 'WEBPJUNK', u32le(10), new Uint8Array(10)))).toEqual({ whole: false, problem: 'corrupt' });
	});

	it('refuses a file shorter than its RIFF size says', () => {
		expect(inspectImage('webp', vp8x(16, 16, 5000))).toEqual({ whole: false, problem: 'truncated' });
	});
});
