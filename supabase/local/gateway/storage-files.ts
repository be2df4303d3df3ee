// Where object bytes live on disk: <storageDir>/<bucket>/<name>/<version>, the layout of Supabase Storage's file
// backend. A name is a folder of versions, so `a` and `a/b` never collide and a replaced version is removed apart.
import { extname, join } from 'node:path';

export function objectFilePath(storageDir: string, bucketId: string, name: string, version: string): string {
	return join(storageDir, bucketId, name, version);
}

const CONTENT_TYPES: Record<string, string> = {
	'.webp': 'image/webp',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.png': 'image/png',
	'.gif': 'image/gif',
	'.svg': 'image/svg+xml',
	'.pdf': 'application/pdf',
	'.txt': 'text/plain',
	'.json': 'application/json'
};

/** For seed files only: uploads carry their declared content type. */
export function guessContentType(name: string): string {
	return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}
