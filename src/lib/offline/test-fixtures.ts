// Test data shared by the offline/ and sync/ unit tests: valid content, prepared photos and a clean database.
import type { StoryContent } from '$lib/domain/story';
import { db } from './db';
import type { NewPhoto } from './story-store';

export function makeContent(overrides: Partial<StoryContent> = {}): StoryContent {
	return {
		kind: 'good_deed',
		title: 'Anh xe ôm trả lại ví',
		body: 'Anh Nguyễn Văn Bình nhặt được ví và trả lại cho người đánh rơi.',
		subjectName: 'Nguyễn Văn Bình',
		subjectKind: 'person',
		subjectIsMinor: false,
		occurredOn: '2026-11-20',
		address: null,
		consentGivenBy: 'Nguyễn Văn Bình',
		consentMethod: 'written',
		consentRecordedAt: '2026-11-20T08:00:00.000Z',
		...overrides
	};
}

export function makePhoto(n = 1): NewPhoto {
	const hex = n.toString(16).padStart(12, '0');
	return {
		id: `00000000-0000-4000-8000-${hex}`,
		contentType: 'image/webp',
		width: 1600,
		height: 1200,
		byteSize: 3,
		sha256: 'a'.repeat(64),
		blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' }),
		thumbBlob: new Blob([new Uint8Array([4])], { type: 'image/webp' })
	};
}

export const UNIT_ID = '11111111-1111-4111-8111-000000000001';
export const AUTHOR_ID = 'aaaaaaaa-0000-4000-8000-000000000001';

export function storyId(n: number): string {
	return `5a000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export async function resetDb(): Promise<void> {
	await db.open();
	await Promise.all(db.tables.map((t) => t.clear()));
}
