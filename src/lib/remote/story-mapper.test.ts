import { describe, expect, it } from 'vitest';
import { storyContentSchema, type Story } from '$lib/domain/story';
import { makeContent } from '$lib/offline/test-fixtures';
import { fromRemoteStoryRow, toStoryUpsertRow } from './story-mapper';

const MOVEMENT = '0f0f0f0f-0000-4000-8000-000000000001';

function story(content = makeContent()): Story {
	return {
		id: '5a000000-0000-4000-8000-000000000001',
		unitId: '11111111-1111-4111-8111-000000000001',
		content,
		status: 'draft',
		reviewNote: null,
		revision: 0,
		createdAt: '2026-11-20T08:00:00.000Z',
		updatedAt: '2026-11-20T08:00:00.000Z'
	};
}

const remoteRow = {
	id: '5a000000-0000-4000-8000-000000000001',
	unit_id: '11111111-1111-4111-8111-000000000001',
	author_id: 'aaaaaaaa-0000-4000-8000-000000000001',
	kind: 'good_deed',
	title: 'Anh xe ôm trả lại ví',
	body: 'Anh Nguyễn Văn Bình nhặt được ví và trả lại cho người đánh rơi.',
	subject_name: 'Nguyễn Văn Bình',
	subject_kind: 'person',
	subject_is_minor: false,
	occurred_on: '2026-11-20',
	address: null,
	consent_given_by: 'Nguyễn Văn Bình',
	consent_method: 'written',
	consent_recorded_at: '2026-11-20T08:00:00+00:00',
	movement_id: MOVEMENT,
	status: 'submitted',
	review_note: null,
	revision: 1,
	created_at: '2026-11-20T08:00:00+00:00',
	updated_at: '2026-11-20T08:00:01+00:00',
	version: 1
};

describe('story mapper: movement tag', () => {
	it('pushes the movement as movement_id', () => {
		expect(toStoryUpsertRow(story(makeContent({ movementId: MOVEMENT })), 'a'.repeat(64), 0).movement_id).toBe(MOVEMENT);
	});

	it('pushes null for a story saved before tagging existed (no key) and for an untagged one', () => {
		expect(toStoryUpsertRow(story(makeContent()), 'a'.repeat(64), null)).toHaveProperty('movement_id', null);
		expect(toStoryUpsertRow(story(makeContent({ movementId: null })), 'a'.repeat(64), 0).movement_id).toBeNull();
	});

	it('pulls movement_id into content that the domain schema accepts', () => {
		const pulled = fromRemoteStoryRow(remoteRow);
		expect(pulled.content.movementId).toBe(MOVEMENT);
		expect(storyContentSchema.parse(pulled.content).movementId).toBe(MOVEMENT);
		expect(fromRemoteStoryRow({ ...remoteRow, movement_id: null }).content.movementId).toBeNull();
	});
});
