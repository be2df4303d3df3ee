// Tells what a file really is from its first bytes (the name and the browser's MIME guess lie), and whether an
// accepted image ends the way its format requires. Pure: bytes in, verdict out.
export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif' | 'gif' | 'svg' | 'pdf' | 'bmp' | 'tiff' | 'unknown';
export type AcceptedType = 'jpeg' | 'png' | 'webp';

/** How many leading bytes `sniffImageType` needs (SVG text may start after an XML prolog and whitespace). */
export const SNIFF_BYTES = 512;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffImageType(head: Uint8Array): SniffedType {
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
	if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return sniffIsoBrand(ascii(head, 8, 12));
	if (ascii(head, 0, 4) === 'GIF8') return 'gif';
	if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
	if (ascii(head, 0, 2) === 'BM') return 'bmp';
	if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*') return 'tiff';
	if (looksLikeSvg(head)) return 'svg';
	return 'unknown';
}

function sniffIsoBrand(brand: string): SniffedType {
	if (heicBrands.has(brand)) return 'heic';
	if (brand === 'avif' || brand === 'avis') return 'avif';
	return 'unknown';
}

function looksLikeSvg(head: Uint8Array): boolean {
	const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
	return text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!doctype svg')) && text.includes('<svg'));
}

export function isAcceptedType(type: SniffedType): type is AcceptedType {
	return type === 'jpeg' || type === 'png' || type === 'webp';
}

/** How many trailing bytes `isTruncated` needs. */
export const TAIL_BYTES = 64;

/**
 * A half-copied or half-downloaded file often still decodes (grey bottom half), so check the end marker:
 * JPEG ends with EOI (FF D9, cameras may pad after it), PNG with its IEND chunk, WebP's RIFF size covers the file.
 */
export function isTruncated(type: AcceptedType, o: { head: Uint8Array; tail: Uint8Array; size: number }): boolean {
	if (type === 'jpeg') return !hasJpegEnd(o.tail);
	if (type === 'png') return !endsWith(o.tail, [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
	if (o.head.length < 8) return true;
	const riffSize = new DataView(o.head.buffer, o.head.byteOffset, 8).getUint32(4, true);
	return riffSize + 8 > o.size;
}

function hasJpegEnd(tail: Uint8Array): boolean {
	for (let i = tail.length - 2; i >= 0; i--) {
		if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
		if (tail[i + 1] !== 0x00) return false; // only zero padding may follow EOI
	}
	return false;
}

function endsWith(bytes: Uint8Array, sig: number[]): boolean {
	const offset = bytes.length - sig.length;
	return offset >= 0 && sig.every((b, i) => bytes[offset + i] === b);
}
