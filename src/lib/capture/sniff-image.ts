// Tells what a file really is from its first bytes (the name and the browser's MIME guess lie); image-structure.ts
// then checks that an accepted image is whole. Pure: bytes in, verdict out.
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
