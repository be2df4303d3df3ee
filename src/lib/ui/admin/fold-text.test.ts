import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery, suggestCode, UNIT_CODE } from './fold-text';

describe('searching units without diacritics', () => {
	it('folds Vietnamese accents and maps đ to d', () => {
		expect(foldText('  Phường Đống   Đa ')).toBe('phuong dong da');
	});

	it('finds a unit typed without accents, by any word order of its name or its code', () => {
		expect(matchesQuery('dong da', 'Quận Đống Đa', 'dong-da')).toBe(true);
		expect(matchesQuery('da quan', 'Quận Đống Đa')).toBe(true);
		expect(matchesQuery('ba-vi', 'Huyện Ba Vì', 'ba-vi')).toBe(true);
		expect(matchesQuery('hoan kiem', 'Quận Đống Đa', 'dong-da')).toBe(false);
	});

	it('suggests a valid code from a name', () => {
		expect(suggestCode('Phường Đống Đa (mới)')).toBe('phuong-dong-da-moi');
		expect(UNIT_CODE.test(suggestCode('Xã Phúc Thịnh'))).toBe(true);
		expect(suggestCode('a'.repeat(60)).length).toBe(40);
	});
});
