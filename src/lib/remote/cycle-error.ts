// Failures of the yearly-cycle screens (covenants, deadlines), classified once into a sentence the person can act on.
// The database's own refusals (RLS, workflow triggers) come with a Vietnamese reason, which is shown as it is.
import { toStorageError } from './remote-error';

export class CycleError extends Error {
	readonly messageKey: string;
	readonly params: Record<string, string>;
	constructor(messageKey: string, detail: string, params: Record<string, string> = {}) {
		super(detail);
		this.name = 'CycleError';
		this.messageKey = messageKey;
		this.params = params;
	}
}

export function toCycleError(error: { message: string; code?: string; details?: string | null }, status = 0): CycleError {
	const text = `${error.message} ${error.details ?? ''}`;
	if (status === 0 || /fetch|network/i.test(error.message)) return new CycleError('error.offline', text);
	if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') return new CycleError('error.unauthorized', text);
	if (error.code === '42501' || status === 403) return new CycleError('cycle.error.refused', text, { detail: error.message });
	if (error.code === '23505') return new CycleError('cycle.error.duplicate', text);
	if (['22023', '23514', '23502', '22P02'].includes(error.code ?? '')) {
		return new CycleError('cycle.error.invalid', text, { detail: error.message });
	}
	return new CycleError('error.unknown', text);
}

/** RLS filters writes silently: a write that returns no row did not happen. */
export function noRow(what: string): CycleError {
	return new CycleError('cycle.error.notAllowed', `${what}: no row returned`);
}

/** The file extension of an already checked upload, from its content type (the extension is ours, never the file's). */
export function fileExtension(contentType: string): string {
	return { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[contentType] ?? 'bin';
}

/** A Storage upload or signing failure of the cycle's private files (evidence, dossiers), with the screen's own keys. */
export function toStorageCycleError(error: unknown, keys: { tooLarge: string; fileType: string }): CycleError {
	const remote = toStorageError(error);
	if (remote.status === 0) return new CycleError('error.offline', remote.message);
	if (remote.code === '413' || /size|too large/i.test(remote.message)) return new CycleError(keys.tooLarge, remote.message);
	if (remote.code === '415') return new CycleError(keys.fileType, remote.message);
	return new CycleError('cycle.error.refused', remote.message, { detail: remote.message });
}
