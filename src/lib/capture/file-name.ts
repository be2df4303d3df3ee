// A chosen file's name as the interface repeats it in a message: the name is the person's (or an attacker's) text,
// so invisible and direction-changing characters are dropped (U+202E can make "xgpj.exe" read "xexe.jpg") and a very
// long name is shortened in the middle, keeping its end (the extension) visible. Svelte escapes the rest.
// Control characters (Cc) and format characters (Cf: zero-width, bidi overrides and isolates, BOM).
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export function shownFileName(name: string, max = 60): string {
	const clean = name.replace(INVISIBLE, '').trim() || '—';
	const chars = [...clean];
	if (chars.length <= max) return clean;
	const keepEnd = Math.min(20, Math.floor(max / 3));
	return `${chars.slice(0, max - keepEnd - 1).join('')}…${chars.slice(-keepEnd).join('')}`;
}
