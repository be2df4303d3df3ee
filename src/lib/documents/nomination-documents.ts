// The list of nominees (danh sách đề nghị khen thưởng) and the submission memo (tờ trình) as DOCX, in the Vietnamese
// administrative format of Nghị định 30/2020/NĐ-CP: Times New Roman, A4, the two-column heading (issuing body with
// its number on the left, national name and motto with place and date on the right), the document type and its
// summary centred, "Nơi nhận" bottom left and the signature block bottom right. Built with `docx` (pure JS, runs in
// the browser and in Node); loaded only when someone asks for a document. Pure: bytes in, bytes out.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Packer,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type IParagraphOptions,
	type ISectionOptions
} from 'docx';

export interface NomineeLine {
	/** The nomination's reference, e.g. 'ĐN-2026-0007'. */
	code: string;
	nomineeKind: 'individual' | 'collective';
	nomineeName: string;
	/** Chức vụ, đơn vị công tác (individuals); null for collectives. */
	nomineePosition: string | null;
	/** The proposing unit. */
	unitName: string;
	awardFormName: string;
	achievements: string;
}

export interface DocumentMeta {
	/** Cơ quan chủ quản, e.g. 'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI'. */
	superior: string;
	/** Cơ quan ban hành, e.g. 'BAN THƯỜNG TRỰC'. */
	issuer: string;
	/** Số, ký hiệu, e.g. '15/TTr-MTTQ'. */
	number: string;
	place: string;
	date: Date;
	recipient: string;
	/** Trích yếu, e.g. 'Về việc đề nghị khen thưởng năm 2026'. */
	subject: string;
	/** Lines separated by \n, e.g. 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH'. */
	signerTitle: string;
	signerName: string;
	year: number;
}

const FONT = 'Times New Roman';
/** docx sizes are half-points: 13 pt body, 12 pt for the heading's upper lines and the recipients. */
const BODY = 26;
const SMALL = 24;
const MM = 56.7; // twips per millimetre
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** The date's parts in Hanoi, whatever the machine's zone. */
function hanoiParts(date: Date): { day: string; month: string; year: string } {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(date);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return { day: get('day'), month: get('month'), year: get('year') };
}

/**
 * "Hà Nội, ngày 07 tháng 12 năm 2026". Nghị định 30/2020 writes days below 10 and the months January and February
 * with a leading zero (so nothing can be written in front of them later); other months are written as they are.
 */
export function placeAndDate(place: string, date: Date): string {
	const p = hanoiParts(date);
	const month = Number(p.month) <= 2 ? p.month : String(Number(p.month));
	return `${place}, ngày ${p.day} tháng ${month} năm ${p.year}`;
}

function dmy(date: Date): string {
	const p = hanoiParts(date);
	return `${p.day}/${p.month}/${p.year}`;
}

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
	return new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });
}

function para(text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: IParagraphOptions['alignment']; indent?: boolean; after?: number } = {}): Paragraph {
	return new Paragraph({
		alignment: o.align ?? AlignmentType.CENTER,
		spacing: { after: o.after ?? 0, line: 276 },
		indent: o.indent ? { firstLine: Math.round(12.7 * MM) } : undefined,
		children: [run(text, o)]
	});
}

/** A short centred rule under a heading line (the underline of the issuer's name and of the motto). */
function rule(widthMm: number): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { after: 120 },
		children: [run('─'.repeat(Math.max(4, Math.round(widthMm / 2.2))), { size: 16 })]
	});
}

function cell(children: Paragraph[], widthPct: number, o: { borders?: boolean; span?: number } = {}): TableCell {
	return new TableCell({
		children,
		width: { size: widthPct, type: WidthType.PERCENTAGE },
		borders: o.borders ? undefined : NO_BORDERS,
		columnSpan: o.span,
		verticalAlign: VerticalAlign.TOP,
		margins: o.borders ? { top: 60, bottom: 60, left: 80, right: 80 } : undefined
	});
}

/** The heading of every administrative document: issuer and number | national name, motto, place and date. */
function heading(meta: DocumentMeta): Table {
	const left = [
		para(meta.superior.toLocaleUpperCase('vi'), { size: SMALL }),
		para(meta.issuer.toLocaleUpperCase('vi'), { bold: true, size: SMALL }),
		rule(25),
		para(`Số: ${meta.number}`, { size: BODY })
	];
	const right = [
		para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL }),
		para('Độc lập - Tự do - Hạnh phúc', { bold: true, size: BODY }),
		rule(45),
		para(placeAndDate(meta.place, meta.date), { italics: true, size: BODY })
	];
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		borders: NO_BORDERS,
		rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })]
	});
}

/**
 * The signer on the right; "Nơi nhận" on the left only for the memo. The list is an attachment (phụ lục) and goes to
 * whoever receives the memo, so it has no recipients of its own.
 */
function signature(meta: DocumentMeta, recipients: string[] = []): Table {
	const left =
		recipients.length === 0
			? [para('')]
			: [
					para('Nơi nhận:', { bold: true, italics: true, size: SMALL, align: AlignmentType.LEFT }),
					// Nghị định 30/2020 sets the recipients themselves in 11 pt, below the 12 pt "Nơi nhận:".
					...recipients.map((r) => para(r, { size: 22, align: AlignmentType.LEFT }))
				];
	const right = [
		...meta.signerTitle.split('\n').map((line) => para(line.toLocaleUpperCase('vi'), { bold: true, size: BODY })),
		// Room for the handwritten signature and the seal.
		para(' '),
		para(' '),
		para(' '),
		para(meta.signerName, { bold: true, size: BODY })
	];
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		borders: NO_BORDERS,
		rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })]
	});
}

/** Award forms in the order they first appear, with their lines. */
function byForm(lines: NomineeLine[]): { form: string; lines: NomineeLine[] }[] {
	const groups = new Map<string, NomineeLine[]>();
	for (const l of lines) {
		const group = groups.get(l.awardFormName);
		if (group) group.push(l);
		else groups.set(l.awardFormName, [l]);
	}
	return [...groups].map(([form, ls]) => ({ form, lines: ls }));
}

const A4 = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const MARGINS = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };

async function pack(section: ISectionOptions, title: string): Promise<Uint8Array> {
	const doc = new Document({
		creator: 'Thi đua – Khen thưởng',
		title,
		styles: { default: { document: { run: { font: FONT, size: BODY } } } },
		sections: [section]
	});
	return new Uint8Array(await Packer.toArrayBuffer(doc));
}

export async function buildSubmissionMemo(meta: DocumentMeta, lines: NomineeLine[]): Promise<Uint8Array> {
	const collectives = lines.filter((l) => l.nomineeKind === 'collective').length;
	const individuals = lines.length - collectives;
	const groups = byForm(lines).map(({ form, lines: ls }) => {
		const c = ls.filter((l) => l.nomineeKind === 'collective').length;
		return para(`- ${form}: ${c} tập thể, ${ls.length - c} cá nhân;`, { align: AlignmentType.JUSTIFIED, indent: true, after: 60 });
	});
	const body: Paragraph[] = [
		para('TỜ TRÌNH', { bold: true, size: 28 }),
		para(meta.subject, { bold: true }),
		rule(20),
		para(`Kính gửi: ${meta.recipient}`, { after: 200 }),
		para('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;', { align: AlignmentType.JUSTIFIED, indent: true, after: 60 }),
		para('Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;', {
			align: AlignmentType.JUSTIFIED,
			indent: true,
			after: 60
		}),
		para(`Căn cứ Kế hoạch công tác thi đua, khen thưởng năm ${meta.year};`, { align: AlignmentType.JUSTIFIED, indent: true, after: 60 }),
		// The issuer is not named here: it is given in capitals for the heading, and lowercasing it would mangle the
		// proper names and acronyms in it ("Ủy ban MTTQ Việt Nam phường …").
		para(`Trên cơ sở kết quả xét duyệt hồ sơ, đề nghị xét khen thưởng cho ${collectives} tập thể và ${individuals} cá nhân, cụ thể như sau:`, {
			align: AlignmentType.JUSTIFIED,
			indent: true,
			after: 60
		}),
		...groups,
		para('(có danh sách kèm theo).', { align: AlignmentType.JUSTIFIED, indent: true, after: 60, italics: true }),
		para('Kính trình Hội đồng xem xét, quyết định./.', { align: AlignmentType.JUSTIFIED, indent: true, after: 240 })
	];
	return pack(
		{
			properties: { page: { size: A4, margin: MARGINS } },
			children: [heading(meta), para(' '), ...body, signature(meta, ['- Như trên;', '- Lưu: VT.'])]
		},
		'Tờ trình đề nghị khen thưởng'
	);
}

const COLUMNS: [string, number][] = [
	['TT', 5],
	['Họ và tên / Tên tập thể', 17],
	['Chức vụ, đơn vị công tác', 15],
	['Đơn vị đề nghị', 13],
	['Hình thức khen thưởng', 15],
	['Tóm tắt thành tích', 23],
	// Wide enough for 'ĐN-2026-0007' on one line at 12 pt in landscape.
	['Mã hồ sơ', 12]
];

/** Multi-line text as one paragraph per line, so nothing is lost and Word shows the breaks. */
function lines2paras(text: string, o: { bold?: boolean; align?: IParagraphOptions['alignment'] } = {}): Paragraph[] {
	const parts = text.split(/\r?\n/);
	return parts.map((p) => para(p, { size: SMALL, align: o.align ?? AlignmentType.LEFT, bold: o.bold }));
}

export async function buildNomineeList(meta: DocumentMeta, lines: NomineeLine[]): Promise<Uint8Array> {
	const header = new TableRow({
		tableHeader: true,
		children: COLUMNS.map(([label, w]) => cell([para(label, { bold: true, size: SMALL })], w, { borders: true }))
	});
	const rows: TableRow[] = [header];
	// Numbering runs on across groups (1..N): the council refers to nominees by one number in the session.
	let n = 0;
	for (const group of byForm(lines)) {
		rows.push(new TableRow({ children: [cell([para(group.form, { bold: true, size: SMALL, align: AlignmentType.LEFT })], 100, { borders: true, span: COLUMNS.length })] }));
		for (const l of group.lines) {
			n += 1;
			const values = [String(n), l.nomineeName, l.nomineePosition ?? '', l.unitName, l.awardFormName, l.achievements, l.code];
			rows.push(
				new TableRow({
					children: values.map((v, i) => cell(lines2paras(v, { align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT }), COLUMNS[i]![1], { borders: true }))
				})
			);
		}
	}
	if (lines.length === 0) {
		rows.push(new TableRow({ children: [cell([para('Không có hồ sơ', { italics: true, size: SMALL })], 100, { borders: true, span: COLUMNS.length })] }));
	}
	const table = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: GRID, rows });
	return pack(
		{
			properties: {
				page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { ...MARGINS, left: Math.round(20 * MM) } }
			},
			children: [
				heading(meta),
				para(' '),
				para('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', { bold: true, size: 28 }),
				para(meta.subject, { bold: true }),
				para(`(Kèm theo Tờ trình số ${meta.number} ngày ${dmy(meta.date)})`, { italics: true, after: 200 }),
				table,
				para(' '),
				signature(meta)
			]
		},
		'Danh sách đề nghị khen thưởng'
	);
}

/** ASCII file names: phones and mail gateways mangle diacritics in attachment names. */
export function documentFileName(kind: 'list' | 'memo', year: number, date: Date): string {
	const p = hanoiParts(date);
	const stem = kind === 'list' ? 'danh-sach-de-nghi-khen-thuong' : 'to-trinh-de-nghi-khen-thuong';
	return `${stem}-${year}-${p.year}${p.month}${p.day}.docx`;
}
