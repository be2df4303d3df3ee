import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniff-image';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >> 24) & 0xff];

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10], 'Exif', [0, 0]);
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR');
const webp = bytes('RIFF', u32le(1000), 'WEBPVP8 ');
const heic = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
const heif = bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic');
const avif = bytes([0, 0, 0, 0x1c], 'ftypavif');

describe('sniffImageType', () => {
	it.each([
		['JPEG (Exif)', jpeg, 'jpeg'],
		['PNG', png, 'png'],
		['WebP', webp, 'webp'],
		['HEIC from an iPhone', heic, 'heic'],
		['HEIF (mif1 brand)', heif, 'heic'],
		['AVIF', avif, 'avif'],
		['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
		['SVG text', bytes('  <svg xmlns="http://www.w3.org/2000/svg">'), 'svg'],
		['SVG with XML prolog', bytes('<?xml version="1.0"?>\n<svg>'), 'svg'],
		['PDF', bytes('%PDF-1.7\n'), 'pdf'],
		['empty file', new Uint8Array(), 'unknown'],
		['header cut after two bytes', bytes([0xff, 0xd8]), 'unknown'],
		['RIFF that is not WebP (WAV)', bytes('RIFF', u32le(100), 'WAVEfmt '), 'unknown'],
		['plain text', bytes('hello world'), 'unknown']
	])('%s → %s', (_name, head, expected) => {
		expect(sniffImageType(head)).toBe(expected);
	});
});
