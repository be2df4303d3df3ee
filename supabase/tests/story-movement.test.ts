// Movements against the real stack: a reporter's push carries movement_id to the row; changing the movement of a
// submitted story is a content change (new version and revision) and a stale base still meets a 409 as before;
// the movement API's writes come back with their row or fail (RLS filters silently); tagged stories per reader.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hanoiYear, type Movement } from '$lib/domain/movement';
import { db } from '$lib/offline/db';
import { saveStoryWithPhotos, updateStoryContent } from '$lib/offline/story-store';
import { makeContent, resetDb } from '$lib/offline/test-fixtures';
import type { AppSupabaseClient } from '$lib/remote/create-client';
import { createMovementApi, MovementError } from '$lib/remote/movement-api';
import { createStoryApi } from '$lib/remote/story-api';
import { pushOutbox } from '$lib/sync/push-outbox';
import { hashContent } from '$lib/sync/push-steps';
import {
	demo,
	newStoryRow,
	SEED_PUBLISHED_BA_DINH,
	SEED_SUBMITTED_BA_DINH,
	serviceClient,
	signedIn,
	UNIT_BA_DINH
} from './helpers';

let reporter: SupabaseClient;
let officer: SupabaseClient;
let admin: SupabaseClient;
let reporterId: string;
/** Two launched movements of this year from the seed. */
let good: Movement;
let poor: Movement;

const api = (client: SupabaseClient) => createMovementApi(client as unknown as AppSupabaseClient);
const push = () =>
	pushOutbox({ remote: createStoryApi(reporter as unknown as AppSupabaseClient), authorId: reporterId, mode: 'all' });

beforeAll(async () => {
	[reporter, officer, admin] = await Promise.all([
		signedIn(demo.reporterBaDinh),
		signedIn(demo.officerBaDinh),
		signedIn(demo.cityAdmin)
	]);
	reporterId = (await reporter.auth.getUser()).data.user?.id ?? '';
	const seen = await api(reporter).listMovements(hanoiYear());
	good = seen.find((m) => m.name.includes('Người tốt, việc tốt'))!;
	poor = seen.find((m) => m.name.includes('Vì người nghèo'))!;
	expect([good?.status, poor?.status]).toEqual(['launched', 'launched']);
});
beforeEach(resetDb);
// The movements these tests create (one is launched, which only the service role may remove) must not show up in
// the end-to-end journeys that run on the same stack afterwards.
afterAll(async () => {
	await serviceClient().from('story').update({ movement_id: null }).in('movement_id', createdMovementIds);
	await serviceClient().from('movement').delete().in('id', createdMovementIds);
});
const createdMovementIds: string[] = [];

async function readRow(id: string) {
	const { data, error } = await reporter
		.from('story')
		.select('movement_id, status, version, revision, content_hash')
		.eq('id', id)
		.single();
	expect(error).toBeNull();
	return data;
}

async function saveTagged(movementId: string | null): Promise<string> {
	const id = randomUUID();
	const content = makeContent({ movementId });
	await saveStoryWithPhotos({ story: { id, unitId: UNIT_BA_DINH, content }, photos: [], authorId: reporterId });
	return id;
}

describe('a story tagged on the phone', () => {
	it('reaches the server with its movement_id and the hash of the tagged content', async () => {
		const id = await saveTagged(good.id);
		expect(await push()).toMatchObject({ sent: 1, failed: 0 });
		expect(await readRow(id)).toMatchObject({
			movement_id: good.id,
			status: 'submitted',
			version: 1,
			content_hash: await hashContent(makeContent({ movementId: good.id }))
		});
	});

	it('lands untagged as null, with the hash an untagged story always had', async () => {
		const id = await saveTagged(null);
		await push();
		expect(await readRow(id)).toMatchObject({ movement_id: null, content_hash: await hashContent(makeContent()) });
	});

	it('counts a changed movement on a submitted story as a content change: new version and revision', async () => {
		const id = await saveTagged(good.id);
		await push();
		await updateStoryContent({ id, content: makeContent({ movementId: poor.id }) });
		expect(await push()).toMatchObject({ sent: 1, conflicts: 0 });
		expect(await readRow(id)).toMatchObject({ movement_id: poor.id, status: 'submitted', version: 2, revision: 2 });
		expect(await db.stories.get(id)).toMatchObject({ baseVersion: 2, syncState: 'sent' });
	});

	it('refuses a movement change based on a version the officer has since returned (409), leaving the row as it was', async () => {
		const id = await saveTagged(good.id);
		await push();
		const returned = await officer
			.from('story')
			.update({ status: 'returned', review_note: 'Chọn lại phong trào cho đúng' })
			.eq('id', id)
			.select('version')
			.single();
		expect(returned.data).toEqual({ version: 2 });
		await updateStoryContent({ id, content: makeContent({ movementId: poor.id }) });

		expect(await push()).toMatchObject({ sent: 0, conflicts: 1 });
		expect(await db.stories.get(id)).toMatchObject({ conflict: { status: 'returned', version: 2 } });
		expect(await readRow(id)).toMatchObject({ movement_id: good.id, status: 'returned', version: 2, revision: 1 });
	});

	it('takes a movement-only update through supabase-js as content: revision bumps, a stale base is a 409', async () => {
		const row = newStoryRow(UNIT_BA_DINH, { base_version: 0, movement_id: good.id });
		expect((await reporter.from('story').insert(row).select('id')).error).toBeNull();
		const changed = await reporter
			.from('story')
			.update({ movement_id: poor.id, status: 'submitted', base_version: 1 })
			.eq('id', row.id as string)
			.select('movement_id, version, revision')
			.single();
		expect(changed.data).toEqual({ movement_id: poor.id, version: 2, revision: 2 });
		const stale = await reporter
			.from('story')
			.update({ movement_id: good.id, status: 'submitted', base_version: 1 })
			.eq('id', row.id as string)
			.select('id');
		expect([stale.status, stale.error?.code]).toEqual([409, 'PT409']);
		expect(await readRow(row.id as string)).toMatchObject({ movement_id: poor.id, version: 2 });
	});
});

describe('movement API writes', () => {
	const draft = () => ({
		year: hanoiYear(),
		kind: 'periodic' as const,
		name: `Đợt thi đua thử nghiệm ${randomUUID().slice(0, 8)}`,
		content: 'Nội dung đợt thi đua thử nghiệm.',
		startsOn: `${hanoiYear()}-06-01`,
		endsOn: `${hanoiYear()}-08-31`,
		criteriaNote: null
	});

	it('creates a draft only readers with city_admin see, launches it once, never back to draft', async () => {
		const created = await api(admin).createMovement(draft());
		createdMovementIds.push(created.id);
		expect(created).toMatchObject({ status: 'draft', launchedAt: null, kind: 'periodic' });
		expect(await api(reporter).getMovement(created.id)).toBeNull();

		const launched = await api(admin).launchMovement(created.id);
		expect(launched.status).toBe('launched');
		expect(launched.launchedAt).not.toBeNull();
		expect((await api(reporter).getMovement(created.id))?.name).toBe(created.name);

		// A second launch (another admin, a double tap) finds no draft: no row back, a failure.
		await expect(api(admin).launchMovement(created.id)).rejects.toMatchObject({ messageKey: 'movement.error.notApplied' });
		const back = await admin.from('movement').update({ status: 'draft' }).eq('id', created.id).select('id');
		expect(back.error?.code).toBe('42501');
		await expect(api(admin).deleteMovement(created.id)).rejects.toMatchObject({ messageKey: 'movement.error.notApplied' });
	});

	it('edits and deletes a draft', async () => {
		const created = await api(admin).createMovement(draft());
		createdMovementIds.push(created.id);
		const edited = await api(admin).updateMovement(created.id, { ...draft(), name: `${created.name} (sửa)`, endsOn: null });
		expect(edited).toMatchObject({ name: `${created.name} (sửa)`, endsOn: null, status: 'draft' });
		await api(admin).deleteMovement(created.id);
		expect(await api(admin).getMovement(created.id)).toBeNull();
	});

	it('refuses to tag a story with a movement that is not launched (its id may be known)', async () => {
		const created = await api(admin).createMovement(draft());
		createdMovementIds.push(created.id);
		const row = newStoryRow(UNIT_BA_DINH, { movement_id: created.id });
		const { data, error } = await reporter.from('story').insert(row).select('id');
		expect(error?.code).toBe('22023');
		expect(data).toBeNull();
		const untagged = newStoryRow(UNIT_BA_DINH);
		expect((await reporter.from('story').insert(untagged).select('id')).error).toBeNull();
		const tagged = await reporter.from('story').update({ movement_id: created.id }).eq('id', untagged.id as string).select('id');
		expect(tagged.error?.code).toBe('22023');
	});

	it('refuses a reporter\'s writes with a sentence, not a silent success', async () => {
		await expect(api(reporter).createMovement(draft())).rejects.toBeInstanceOf(MovementError);
		await expect(api(reporter).updateMovement(good.id, { ...draft(), name: good.name })).rejects.toMatchObject({
			messageKey: 'movement.error.notApplied'
		});
		expect((await api(reporter).getMovement(good.id))?.name).toBe(good.name);
	});

	it('names a duplicate name in the same year', async () => {
		const d = draft();
		createdMovementIds.push((await api(admin).createMovement(d)).id);
		await expect(api(admin).createMovement(d)).rejects.toMatchObject({ messageKey: 'movement.error.duplicate' });
	});
});

describe('stories of a movement, per reader', () => {
	it('shows a reporter his own and published ones, the officer his unit\'s, with the exact published count', async () => {
		const asReporter = await api(reporter).listMovementStories(good.id);
		const asOfficer = await api(officer).listMovementStories(good.id);
		const ids = (r: typeof asReporter) => r.stories.map((s) => s.id);
		// Seed: a published story and a submitted one (by another reporter of Ba Đình) in "Người tốt, việc tốt".
		expect(ids(asReporter)).toContain('5eed0000-0000-4000-8000-000000000003');
		expect(ids(asReporter)).not.toContain(SEED_SUBMITTED_BA_DINH);
		expect(ids(asOfficer)).toContain(SEED_SUBMITTED_BA_DINH);
		expect(asReporter.stories.every((s) => s.status === 'published' || s.authorId === reporterId)).toBe(true);
		expect(asReporter.publishedCount).toBe(asOfficer.publishedCount);
		expect(asReporter.publishedCount).toBeGreaterThanOrEqual(1);
		expect(asOfficer.stories.find((s) => s.id === SEED_SUBMITTED_BA_DINH)).toMatchObject({ status: 'submitted', unitName: expect.any(String) });
		expect(ids(await api(reporter).listMovementStories(poor.id))).toContain(SEED_PUBLISHED_BA_DINH);
	});
});
