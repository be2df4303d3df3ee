// Walks an accepted image's structure (JPEG segments, PNG chunks, WebP's RIFF header) to tell whether it is whole
// and how many pixels it declares, before anything decodes it. Pure: bytes in, verdict out.
// - Whole: a half-copied file often still decodes (grey bottom half), so the format's end must be reached: JPEG's
//   EOI after the last scan, PNG's IEND chunk (every chunk's CRC checked on the way), WebP's RIFF size.
// - Bytes after that end are allowed: phones append data after a JPEG's EOI (motion photos, Samsung trailers), and a
//   polyglot (JPEG + ZIP/HTML) is harmless once decoded; the re-encode keeps only the pixels.
// - Declared size: a 30000 × 30000 header in a few hundred bytes would make the decoder allocate gigabytes.
import type { AcceptedType } from './sniff-image';

export type ImageStructure =
	| { whole: true; width: number | null; height: number | null }
	| { whole: false; problem: 'truncated' | 'corrupt' };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function inspectImage(type: AcceptedType, bytes: Uint8Array): ImageStructure {
	if (type === 'jpeg') return inspectJpeg(bytes);
	if (type === 'png') return inspectPng(bytes);
	return inspectWebp(bytes);
}

/** SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function inspectJpeg(b: Uint8Array): ImageStructure {
	let width: number | null = null;
	let height: number | null = null;
	let i = 2; // after SOI
	while (i + 1 < b.length) {
		if (b[i] !== 0xff) return { whole: false, problem: 'corrupt' };
		const marker = b[i + 1]!;
		if (marker === 0xff) {
			i += 1; // fill byte
			continue;
		}
		if (marker === 0xd9) return { whole: true, width, height };
		if (isStandalone(marker)) {
			i += 2;
			continue;
		}
		if (i + 3 >= b.length) break;
		const length = u16be(b, i + 2);
		if (length < 2) return { whole: false, problem: 'corrupt' };
		if (isStartOfFrame(marker) && i + 8 < b.length) {
			height = u16be(b, i + 5);
			width = u16be(b, i + 7);
		}
		i += 2 + length;
		if (marker === 0xda) {
			// Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker; anything else ends the scan.
			while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
		}
	}
	return { whole: false, problem: 'truncated' };
}

const PNG_END = 'IEND';
let crcTable: Uint32Array | undefined;

function crc32(b: Uint8Array, from: number, to: number): number {
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let crc = 0xffffffff;
	for (let i = from; i < to; i++) crc = crcTable[(crc ^ b[i]!) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function inspectPng(b: Uint8Array): ImageStructure {
	let width: number | null = null;
	let height: number | null = null;
	let i = 8; // after the signature
	while (i + 12 <= b.length) {
		const length = u32be(b, i);
		if (length > 0x7fffffff) return { whole: false, problem: 'corrupt' };
		const end = i + 12 + length;
		if (end > b.length) return { whole: false, problem: 'truncated' };
		if (crc32(b, i + 4, end - 4) !== u32be(b, end - 4)) return { whole: false, problem: 'corrupt' };
		const type = ascii(b, i + 4, i + 8);
		if (type === 'IHDR' && length >= 8) {
			width = u32be(b, i + 8);
			height = u32be(b, i + 12);
		}
		if (type === PNG_END) return { whole: true, width, height };
		i = end;
	}
	return { whole: false, problem: 'truncated' };
}

function inspectWebp(b: Uint8Array): ImageStructure {
	if (b.length < 16) return { whole: false, problem: 'truncated' };
	const riffSize = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
	if (riffSize + 8 > b.length) return { whole: false, problem: 'truncated' };
	const chunk = ascii(b, 12, 16);
	const needs = { VP8X: 30, 'VP8 ': 30, VP8L: 25 }[chunk];
	if (needs === undefined) return { whole: false, problem: 'corrupt' };
	if (b.length < needs) return { whole: false, problem: 'truncated' };
	if (chunk === 'VP8X') return { whole: true, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	if (chunk === 'VP8 ') return { whole: true, width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
	if (chunk === 'VP8L') {
		const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
		return { whole: true, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	return { whole: false, problem: 'corrupt' };
}
