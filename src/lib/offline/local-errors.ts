// Errors a local save can raise, each carrying the i18n key of the sentence the user sees (capture.*.ts messages).
export class LocalSaveError extends Error {
	readonly messageKey: string;
	constructor(messageKey: string, detail?: string) {
		super(detail ?? messageKey);
		this.name = 'LocalSaveError';
		this.messageKey = messageKey;
	}
}

/** IndexedDB refused the write because the device is out of space (or over the origin quota). */
export function isQuotaError(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const inner = (error as { inner?: unknown }).inner;
	return error.name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError');
}
