import { describe, expect, it } from 'vitest';
import { toNominationError } from './nomination-api';

describe("the database's refusals of nominations, as the screen explains them", () => {
	it('names the rule from the hint: double award, deadline, documents (with the codes to name), summary', () => {
		const double = toNominationError({ code: '23505', message: 'Thành tích này đã được đề nghị khen thưởng trong hồ sơ ĐN-2026-0003', hint: 'double_award', details: 'ĐN-2026-0003' }, 409);
		expect(double.messageKey).toBe('nomination.error.doubleAward');
		expect(toNominationError({ code: '22023', message: 'Đã quá hạn nộp hồ sơ (trước ngày 10/11/2026)', hint: 'deadline' }, 400).params).toEqual({ detail: 'Đã quá hạn nộp hồ sơ (trước ngày 10/11/2026)' });
		const docs = toNominationError({ code: '22023', message: 'Hồ sơ còn thiếu tài liệu bắt buộc: to_trinh, bien_ban_xet', hint: 'documents' }, 400);
		expect(docs).toMatchObject({ messageKey: 'nomination.error.documents', params: { codes: 'to_trinh, bien_ban_xet' } });
		expect(toNominationError({ code: '22023', message: 'x', hint: 'achievements' }, 400).messageKey).toBe('nomination.error.achievements');
	});

	it('keeps the server sentence for refused steps, and tells offline and signed-out apart', () => {
		expect(toNominationError({ code: '42501', message: 'Không được chuyển đề nghị từ "draft" sang "approved"' }, 403)).toMatchObject({
			messageKey: 'cycle.error.refused', params: { detail: 'Không được chuyển đề nghị từ "draft" sang "approved"' }
		});
		expect(toNominationError({ message: 'TypeError: Failed to fetch' }, 0).messageKey).toBe('error.offline');
		expect(toNominationError({ code: 'PGRST301', message: 'JWT expired' }, 401).messageKey).toBe('error.unauthorized');
	});
});
