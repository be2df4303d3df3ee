import { describe, expect, it } from 'vitest';
import { changedSpan } from './changed-span';

describe('changedSpan', () => {
	it('finds the common head and tail around an edit', () => {
		expect(changedSpan('Cứu hai cháu nhỏ.', 'Cứu hai cháu nhỏ. Có xác nhận.')).toEqual({ head: 17, tail: 0 });
		expect(changedSpan('abcXdef', 'abcYYdef')).toEqual({ head: 3, tail: 3 });
	});

	it('never lets head and tail overlap', () => {
		expect(changedSpan('aaaa', 'aaaaaa')).toEqual({ head: 4, tail: 0 });
		expect(changedSpan('same', 'same')).toEqual({ head: 4, tail: 0 });
	});
});
