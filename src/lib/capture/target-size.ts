// The size a photo is scaled to: the long edge at most `maxEdge`, aspect kept, never enlarged. Pure.
export const PHOTO_MAX_EDGE = 1600;
export const THUMB_MAX_EDGE = 400;

export function computeTargetSize(o: { width: number; height: number; maxEdge: number }): { width: number; height: number } {
	if (o.width <= 0 || o.height <= 0) throw new RangeError('image has no pixels');
	const scale = Math.min(1, o.maxEdge / Math.max(o.width, o.height));
	return {
		width: Math.max(1, Math.round(o.width * scale)),
		height: Math.max(1, Math.round(o.height * scale))
	};
}
