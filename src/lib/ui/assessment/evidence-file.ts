// Turns a chosen file into evidence or dossier bytes: a PDF goes as it is (checked by its first bytes, its end, its
// size and for active content); anything else must be a photo and goes through the capture worker, which re-encodes it
// and so drops EXIF, GPS and anything appended to the image. The original bytes of a photo are never uploaded.
// A refusal names the file and says why, as one sentence (capture.file.refused).
import { shownFileName } from '$lib/capture/file-name';
import { MAX_INPUT_BYTES } from '$lib/capture/photo-pipeline';
import { PhotoRejectedError, preparePhoto } from '$lib/capture/prepare-photo';
import { tKey } from '$lib/i18n';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export class EvidenceFileRejected extends Error {
	readonly messageKey = 'capture.file.refused';
	readonly reasonKey: string;
	readonly params: { name: string; reason: string };
	constructor(reasonKey: string, fileName: string) {
		super(reasonKey);
		this.name = 'EvidenceFileRejected';
		this.reasonKey = reasonKey;
		this.params = { name: shownFileName(fileName), reason: tKey(reasonKey) };
	}
}

/** "%PDF-" at the start. */
export function isPdf(head: Uint8Array): boolean {
	return [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, i) => head[i] === byte);
}

export function isImageType(contentType: string): boolean {
	return contentType.startsWith('image/');
}

/**
 * Why a PDF is refused, or null. Best effort on the bytes as they are: a name may be written with #xx escapes
 * (`/J#61vaScript`), which are undone first; names inside compressed object streams are not seen. The files stay
 * private and open through short-lived signed addresses in the browser's PDF viewer.
 */
export function pdfProblem(bytes: Uint8Array): 'capture.file.pdfDamaged' | 'capture.file.pdfActive' | null {
	const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
	if (!tail.includes('%%EOF')) return 'capture.file.pdfDamaged';
	const text = new TextDecoder('latin1')
		.decode(bytes)
		.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	if (/\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9])/.test(text)) return 'capture.file.pdfActive';
	return null;
}

export async function prepareEvidenceFile(file: File): Promise<{ blob: Blob; contentType: string }> {
	if (file.size > MAX_INPUT_BYTES) throw new EvidenceFileRejected('capture.file.tooLarge', file.name);
	const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
	if (isPdf(head)) {
		if (file.size > EVIDENCE_MAX_BYTES) throw new EvidenceFileRejected('capture.file.pdfTooLarge', file.name);
		const problem = pdfProblem(new Uint8Array(await file.arrayBuffer()));
		if (problem) throw new EvidenceFileRejected(problem, file.name);
		return { blob: file, contentType: 'application/pdf' };
	}
	try {
		const photo = await preparePhoto(file);
		return { blob: photo.blob, contentType: photo.contentType };
	} catch (error) {
		if (!(error instanceof PhotoRejectedError)) throw error;
		// Here a PDF would have been welcome too, so "not a photo" says so.
		throw new EvidenceFileRejected(error.reason === 'unsupported' ? 'capture.file.unsupported' : error.messageKey, file.name);
	}
}
