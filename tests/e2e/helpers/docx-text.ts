// Reads a generated DOCX back as text, for tests: unzip (fflate), take word/document.xml, one line per paragraph,
// tables as rows of cell texts. Enough to check what a person would read; not a general DOCX parser.
import { strFromU8, unzipSync } from 'fflate';

function documentXml(bytes: Uint8Array): string {
	const file = unzipSync(bytes)['word/document.xml'];
	if (!file) throw new Error('not a DOCX: word/document.xml is missing');
	return strFromU8(file);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass, so an escaped entity ("&amp;lt;") comes back as written ("&lt;"), not decoded twice. */
function decode(text: string): string {
	return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex?: string, dec?: string, name?: string) => {
		if (hex) return String.fromCodePoint(parseInt(hex, 16));
		if (dec) return String.fromCodePoint(Number(dec));
		return (name && NAMED[name]) ?? whole;
	});
}

function paragraphText(xml: string): string {
	let out = '';
	for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
		out += m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:br/>' ? '\n' : decode(m[1] ?? '');
	}
	return out;
}

function paragraphs(xml: string): string[] {
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));
}

/** Every paragraph's text, one per line (table cells included, in document order). */
export function docxText(bytes: Uint8Array): string {
	return paragraphs(documentXml(bytes)).join('\n');
}

/** Each table row as its cells' texts (a cell's paragraphs joined with \n). Nested tables are not expected. */
export function docxTableRows(bytes: Uint8Array): string[][] {
	const xml = documentXml(bytes);
	return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
		[...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n'))
	);
}
