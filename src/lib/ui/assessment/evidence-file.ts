// Turns a chosen file into evidence bytes: a PDF goes as it is (checked by its first bytes and the bucket's size
// limit); anything else must be a photo and goes through the capture worker, which re-encodes it and so drops EXIF
// and GPS. The original bytes of a photo are never uploaded.
import { preparePhoto } from '$lib/capture/prepare-photo';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export class EvidenceFileRejected extends Error {
	readonly messageKey: string;
	constructor(messageKey: string) {
		super(messageKey);
		this.name = 'EvidenceFileRejected';
		this.messageKey = messageKey;
	}
}

/** "%PDF-" at the start. */
export function isPdf(head: Uint8Array): boolean {
	return [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, i) => head[i] === byte);
}

export function isImageType(contentType: string): boolean {
	return contentType.startsWith('image/');
}

export async function prepareEvidenceFile(file: File): Promise<{ blob: Blob; contentType: string }> {
	const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
	if (isPdf(head)) {
		if (file.size > EVIDENCE_MAX_BYTES) throw new EvidenceFileRejected('assessment.evidence.tooLarge');
		return { blob: file, contentType: 'application/pdf' };
	}
	const photo = await preparePhoto(file);
	return { blob: photo.blob, contentType: photo.contentType };
}
