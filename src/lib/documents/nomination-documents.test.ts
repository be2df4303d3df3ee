// The generated documents read back (unzipped, as a person would read them): heading, numbers, dates in Hanoi, the
// per-form counts of the memo, every nominee's row in the list, text that survives exactly, and the empty list.
import { describe, expect, it } from 'vitest';
import { docxTableRows, docxText } from '../../../tests/e2e/helpers/docx-text';
import { buildNomineeList, buildSubmissionMemo, documentFileName, placeAndDate, type DocumentMeta, type NomineeLine } from './nomination-documents';

const meta: DocumentMeta = {
	superior: 'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI',
	issuer: 'BAN THƯỜNG TRỰC',
	number: '15/TTr-MTTQ',
	place: 'Hà Nội',
	// 18:30 UTC on 06/12 is already 01:30 on 07/12 in Hanoi.
	date: new Date('2026-12-06T18:30:00Z'),
	recipient: 'Hội đồng Thi đua – Khen thưởng và Kỷ luật Ủy ban MTTQ Việt Nam thành phố Hà Nội',
	subject: 'Về việc đề nghị khen thưởng năm 2026',
	signerTitle: 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH',
	signerName: 'Nguyễn Văn Ký',
	year: 2026
};
const BK = 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội';
const GK = 'Giấy khen của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội';
const lines: NomineeLine[] = [
	{ code: 'ĐN-2026-0001', nomineeKind: 'individual', nomineeName: 'Bà Nguyễn Thị Hoa', nomineePosition: 'Tổ dân phố 12', unitName: 'Phường Ba Đình', awardFormName: BK, achievements: '15 năm bếp cơm miễn phí.' },
	{ code: 'ĐN-2026-0002', nomineeKind: 'collective', nomineeName: 'Ban công tác Mặt trận thôn Đản Mỗ', nomineePosition: null, unitName: 'Xã Đông Anh', awardFormName: GK, achievements: 'Tủ sách khu dân cư.' },
	// Text that looks like markup or like an entity must come back exactly as typed.
	{ code: 'ĐN-2026-0003', nomineeKind: 'individual', nomineeName: 'Nguyễn Thị Hoà & "Bình" <Test>', nomineePosition: 'Thôn 3', unitName: 'Xã Đông Anh', awardFormName: BK, achievements: 'Dòng một: &amp; là \'&\'.\nDòng hai &#39;.' }
];

describe('the submission memo (tờ trình)', () => {
	it('has the administrative heading, number, place and date in Hanoi, recipient and per-form counts', async () => {
		const text = docxText(await buildSubmissionMemo(meta, lines));
		for (const expected of [
			'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI', 'BAN THƯỜNG TRỰC', 'Số: 15/TTr-MTTQ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 07 tháng 12 năm 2026', 'TỜ TRÌNH', 'Về việc đề nghị khen thưởng năm 2026',
			`Kính gửi: ${meta.recipient}`, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'cho 1 tập thể và 2 cá nhân',
			`- ${BK}: 0 tập thể, 2 cá nhân;`, `- ${GK}: 1 tập thể, 0 cá nhân;`, 'Nơi nhận:', 'CHỦ TỊCH', 'Nguyễn Văn Ký'
		]) expect(text).toContain(expected);
	});

	it('keeps a ward issuer\'s proper names and acronyms as given, never lowercased into the body', async () => {
		const text = docxText(await buildSubmissionMemo({ ...meta, issuer: 'ỦY BAN MTTQ VIỆT NAM PHƯỜNG HOÀN KIẾM' }, lines));
		expect(text).toContain('ỦY BAN MTTQ VIỆT NAM PHƯỜNG HOÀN KIẾM');
		expect(text).not.toMatch(/mttq/);
	});

	it('leaves the signer\'s name blank to be written by hand', async () => {
		const text = docxText(await buildSubmissionMemo({ ...meta, signerName: '' }, lines));
		expect(text).toContain('TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH');
		expect(text).not.toContain('Nguyễn Văn Ký');
	});

	it('writes days below 10 and months 1–2 with a leading zero, other months as they are', () => {
		expect(placeAndDate('Hà Nội', new Date('2026-03-04T03:00:00Z'))).toBe('Hà Nội, ngày 04 tháng 3 năm 2026');
		expect(placeAndDate('Hà Nội', new Date('2026-02-14T03:00:00Z'))).toBe('Hà Nội, ngày 14 tháng 02 năm 2026');
	});
});

describe('the list of nominees (danh sách đề nghị)', () => {
	it('has a row per nominee with name, position, unit, form, summary and code, grouped by form, numbered on', async () => {
		const bytes = await buildNomineeList(meta, lines);
		expect(docxText(bytes)).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
		expect(docxText(bytes)).toContain('(Kèm theo Tờ trình số 15/TTr-MTTQ ngày 07/12/2026)');
		const rows = docxTableRows(bytes).filter((r) => r.length === 7 || r.length === 1);
		expect(rows[0]).toEqual(['TT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Đơn vị đề nghị', 'Hình thức khen thưởng', 'Tóm tắt thành tích', 'Mã hồ sơ']);
		expect(rows.slice(1).map((r) => (r.length === 1 ? `# ${r[0]}` : `${r[0]} ${r[1]} ${r[6]}`))).toEqual([
			`# ${BK}`, '1 Bà Nguyễn Thị Hoa ĐN-2026-0001', '2 Nguyễn Thị Hoà & "Bình" <Test> ĐN-2026-0003', `# ${GK}`, '3 Ban công tác Mặt trận thôn Đản Mỗ ĐN-2026-0002'
		]);
		const hostile = rows.find((r) => r[6] === 'ĐN-2026-0003')!;
		expect(hostile.slice(2, 6)).toEqual(['Thôn 3', 'Xã Đông Anh', BK, "Dòng một: &amp; là '&'.\nDòng hai &#39;."]);
		expect(rows.find((r) => r[6] === 'ĐN-2026-0002')![2], 'a collective has no position').toBe('');
	});

	it('is an attachment: signed bottom right, with no recipients of its own', async () => {
		const text = docxText(await buildNomineeList(meta, lines));
		expect(text).toContain('TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH');
		expect(text).not.toContain('Nơi nhận');
	});

	it('keeps a long multi-line summary whole', async () => {
		const long = Array.from({ length: 50 }, (_, i) => `Đoạn ${i + 1}: ${'việc tốt '.repeat(11)}`).join('\n');
		expect(long.length).toBeGreaterThan(5000);
		const rows = docxTableRows(await buildNomineeList(meta, [{ ...lines[0]!, achievements: long }]));
		expect(rows.find((r) => r[6] === 'ĐN-2026-0001')![5]).toBe(long);
	});

	it('says so when there is nobody, under its header row', async () => {
		// The heading and the signature are two-column layout tables; the list is the other one.
		const rows = docxTableRows(await buildNomineeList(meta, [])).filter((r) => r.length !== 2);
		expect(rows.at(-2)?.[0]).toBe('TT');
		expect(rows.at(-1)).toEqual(['Không có hồ sơ']);
	});

	it('names the files in ASCII with the year and the Hanoi date', () => {
		expect(documentFileName('list', 2026, meta.date)).toBe('danh-sach-de-nghi-khen-thuong-2026-20261207.docx');
		expect(documentFileName('memo', 2026, meta.date)).toMatch(/^[\x20-\x7e]+$/);
	});
});
