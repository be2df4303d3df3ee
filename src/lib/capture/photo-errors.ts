// Why a photo was refused, as an i18n key (capture.*.ts). Shared by the worker and the main thread.
import type { SniffedType } from './sniff-image';

export type PhotoRejection =
	| 'heic'
	| 'gif'
	| 'svg'
	| 'pdf'
	| 'unsupported'
	| 'empty'
	| 'tooLarge'
	| 'tooManyPixels'
	| 'truncated'
	| 'undecodable'
	| 'encodeFailed';

export class PhotoRejectedError extends Error {
	readonly reason: PhotoRejection;
	readonly messageKey: `capture.photo.${PhotoRejection}`;
	constructor(reason: PhotoRejection, detail?: string) {
		super(detail ?? reason);
		this.name = 'PhotoRejectedError';
		this.reason = reason;
		this.messageKey = `capture.photo.${reason}`;
	}
}

export function rejectionForType(type: SniffedType): PhotoRejection {
	if (type === 'heic' || type === 'gif' || type === 'svg' || type === 'pdf') return type;
	return 'unsupported';
}
