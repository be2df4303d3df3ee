import { describe, expect, it } from 'vitest';
import { shownFileName } from './file-name';

describe('shownFileName', () => {
	it('keeps an ordinary Vietnamese name as it is', () => {
		expect(shownFileName('Ảnh ngày hội.jpg')).toBe('Ảnh ngày hội.jpg');
	});

	it('drops direction overrides and control characters, so the real extension shows', () => {
		expect(shownFileName('anh\u202egpj.exe')).toBe('anhgpj.exe');
		expect(shownFileName('a\u0000b\n.jpg')).toBe('ab.jpg');
	});

	it('shortens a long name in the middle and keeps its end', () => {
		const shown = shownFileName(`${'a'.repeat(300)}.jpg.exe`);
		expect([...shown]).toHaveLength(60);
		expect(shown.endsWith('aaaaaaaaaaaa.jpg.exe')).toBe(true);
		expect(shown).toContain('…');
	});

	it('never returns an empty name', () => {
		expect(shownFileName('\u202e')).toBe('—');
	});
});
