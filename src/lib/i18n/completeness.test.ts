// English is complete, not just present: every key has an English text (index.test.ts), none of them is Vietnamese
// left untranslated, and no screen writes interface text outside the catalogues (a Vietnamese word in a template
// would stay Vietnamese for English readers).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './messages-en';
import { vi } from './messages-vi';

const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠÉÈÍÌÓÒÚÙÝ]/;

/** English messages that rightly carry Vietnamese, and why. */
const vietnameseInEnglish: Record<string, string> = {
	'app.language.switch': 'the switch names the other language in that language',
	'gallery.searchHint': 'it shows a Vietnamese search as the example',
	'nomination.decide.titleDefault': 'the default title of an official decision, which is issued in Vietnamese'
};

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
	);
}

describe('English catalogue', () => {
	it('translates every message (no Vietnamese left in English, except where it belongs)', () => {
		const untranslated = Object.entries(en)
			.filter(([key, text]) => VIETNAMESE.test(text) && !Object.hasOwn(vietnameseInEnglish, key))
			.map(([key]) => key);
		expect(untranslated).toEqual([]);
	});

	it('keeps its exceptions real', () => {
		for (const key of Object.keys(vietnameseInEnglish)) {
			expect(Object.hasOwn(vi, key), key).toBe(true);
			expect(VIETNAMESE.test(en[key as keyof typeof en]), key).toBe(true);
		}
	});
});

describe('interface text', () => {
	it('comes from the catalogues: no Vietnamese words in any template', () => {
		const root = join(import.meta.dirname, '..', '..');
		const found: string[] = [];
		for (const file of svelteFiles(root)) {
			const markup = readFileSync(file, 'utf8')
				.replace(/<script[\s\S]*?<\/script>/g, '')
				.replace(/<style[\s\S]*?<\/style>/g, '')
				.replace(/<!--[\s\S]*?-->/g, '');
			markup.split('\n').forEach((line, i) => {
				if (VIETNAMESE.test(line)) found.push(`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
			});
		}
		expect(found).toEqual([]);
	});
});
