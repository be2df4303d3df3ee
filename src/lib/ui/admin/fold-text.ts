// Text folding for search and codes: Vietnamese without diacritics, đ → d, lower case. Pure, so it is unit-tested
// and shared by the units list, the people filter and the code suggested from a unit's name.

/** "Phường Đống Đa" → "phuong dong da": what a search on a phone keyboard without accents types. */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** True when every word of `query` occurs in one of `fields`, diacritics ignored (an empty query matches all). */
export function matchesQuery(query: string, ...fields: string[]): boolean {
	const words = foldText(query).split(' ').filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fields.map(foldText).join(' ');
	return words.every((w) => haystack.includes(w));
}

/** Rank for sorting search results: an exact (accented) match of the name first, then folded prefix, then the rest. */
export function matchRank(query: string, name: string): number {
	const q = query.trim().toLowerCase();
	if (!q) return 0;
	if (name.toLowerCase().includes(q)) return 0;
	return foldText(name).startsWith(foldText(q)) ? 1 : 2;
}

/** A unit code suggested from its name, in the database's shape `^[a-z0-9-]{2,40}$`. */
export function suggestCode(name: string): string {
	return foldText(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/g, '');
}

export const UNIT_CODE = /^[a-z0-9-]{2,40}$/;
