import { describe, expect, it } from 'vitest';
import { evidenceExtension, evidencePath } from '$lib/remote/assessment-api';
import { EvidenceFileRejected, isPdf, pdfProblem } from './evidence-file';

const text = (s: string) => new TextEncoder().encode(s);

describe('evidence files', () => {
	it('knows a PDF by its first bytes, not by its name', () => {
		expect(isPdf(new TextEncoder().encode('%PDF-1.7'))).toBe(true);
		expect(isPdf(new TextEncoder().encode('%PD'))).toBe(false);
		expect(isPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe(false);
	});

	it('stores a file at {unit_id}/{round_id}/{evidence_id}.{ext}', () => {
		expect(evidencePath({ unitId: 'u1', roundId: 'r1' }, 'e1', 'image/webp')).toBe('u1/r1/e1.webp');
		expect(evidencePath({ unitId: 'u1', roundId: 'r1' }, 'e2', 'application/pdf')).toBe('u1/r1/e2.pdf');
		expect(evidenceExtension('image/jpeg')).toBe('jpg');
	});

	it('refuses a PDF without its end marker and one carrying scripts, launch actions or attachments', () => {
		expect(pdfProblem(text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'))).toBeNull();
		expect(pdfProblem(text('%PDF-1.4\n1 0 obj<<>>endobj\n'))).toBe('capture.file.pdfDamaged');
		for (const active of ['/OpenAction<</S/JavaScript/JS(app.alert(1))>>', '/J#61vaScript', '/S/Launch/F(cmd.exe)', '/EmbeddedFiles 3 0 R']) {
			expect(pdfProblem(text(`%PDF-1.4\n1 0 obj<<${active}>>endobj\n%%EOF\n`)), active).toBe('capture.file.pdfActive');
		}
		// A name that only starts like one of them is fine.
		expect(pdfProblem(text('%PDF-1.4\n1 0 obj<</JSONData 1>>endobj\n%%EOF\n'))).toBeNull();
	});

	it('names the refused file in one Vietnamese sentence', () => {
		const refused = new EvidenceFileRejected('capture.file.unsupported', 'ho-so\u202egpj.exe');
		expect(refused.messageKey).toBe('capture.file.refused');
		expect(refused.params.name).toBe('ho-sogpj.exe');
		expect(refused.params.reason).toMatch(/^Tệp này không phải PDF/);
	});
});
