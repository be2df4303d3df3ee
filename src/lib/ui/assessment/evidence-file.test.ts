import { describe, expect, it } from 'vitest';
import { evidenceExtension, evidencePath } from '$lib/remote/assessment-api';
import { isPdf } from './evidence-file';

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
});
