// The messages between prepare-photo.ts and photo.worker.ts.
import type { PhotoRejection } from './photo-errors';
import type { PreparedPhoto } from './photo-pipeline';

export type PhotoWorkerReply =
	| { ok: true; photo: PreparedPhoto }
	| { ok: false; reason: PhotoRejection; detail: string };
