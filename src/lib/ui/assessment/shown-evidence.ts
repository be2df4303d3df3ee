// Evidence as the page shows it: the row plus, for a file, a signed address to open it and its type (from the name).
import type { Evidence } from '$lib/remote/assessment-api';

export type ShownEvidence = Evidence & { fileUrl: string | null; contentType: string | null };

const TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

export function toShownEvidence(evidence: Evidence, urls: ReadonlyMap<string, string>): ShownEvidence {
	const path = evidence.storagePath;
	const ext = path?.split('.').pop()?.toLowerCase() ?? '';
	return { ...evidence, fileUrl: path ? (urls.get(path) ?? null) : null, contentType: path ? (TYPES[ext] ?? null) : null };
}
