// Malformed and hostile uploads (TARGETS R6), through the built app in Chromium against the local stack. Every case of
// tests/fixtures/hostile-uploads.ts is fed to the capture page's photo picker, and the applicable ones to the
// self-assessment evidence input and to a nomination's dossier input. Each must be refused with its Vietnamese
// sentence naming the file and saying why, add nothing to the form, run no script (no dialog opens), and store
// nothing: the device's photos/outbox tables stay as they were (capture), no storage object and no row appear on the
// server (evidence, dossier). A JPEG carrying EXIF GPS plus an appended ZIP or HTML page is a valid image: it is taken,
// and the bytes stored for sync are a re-encode without EXIF or the payload. Last, the public photo route refuses
// bytes that are not the image their path names, which a client bypassing the app can store (Storage trusts the
// declared type): HTML uploaded as image/jpeg is a 404, a real JPEG is served with nosniff and a sandbox CSP.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { shownFileName } from '../../src/lib/capture/file-name';
import { messages as appVi } from '../../src/lib/i18n/messages/app.vi';
import { messages as captureVi } from '../../src/lib/i18n/messages/capture.vi';
import { messages as nominationVi } from '../../src/lib/i18n/messages/nomination.vi';
import { acceptedPolyglots, gpsJpegPath, hostileUploads, type HostileUpload, type UploadPoint } from '../fixtures/hostile-uploads';
import { signIn } from './helpers/device';
import { apiAs, hanoiYear, serviceClient, signedInPage } from './helpers/journey';

const REPORTER = 'phongvien.badinh@thidua.test';
const OFFICER_BA_DINH = 'canbo.badinh@thidua.test';
const OFFICER_DONG_ANH = 'canbo.donganh@thidua.test';
const BA_DINH = '11111111-1111-4111-8111-000000000001';
const DONG_ANH = '11111111-1111-4111-8111-000000000002';
const REPORTER_BA_DINH_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const FORM_BK_TP = 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội';

const vi: Record<string, string> = { ...appVi, ...captureVi, ...nominationVi };
const fill = (key: string, params: Record<string, string> = {}) =>
	vi[key]!.replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? `{${p}}`);

/** The sentence an upload point shows for a refused case. */
function refusal(point: UploadPoint, c: HostileUpload): string {
	const reason = fill(c.expect[point]!);
	const name = shownFileName(c.fileName);
	return point === 'capture' ? fill('form.photoFailed', { name, reason }) : fill('capture.file.refused', { name, reason });
}

const cases = (point: UploadPoint) => hostileUploads.filter((c) => c.expect[point] !== null);
const payload = (c: HostileUpload) =>
	c.path ? c.path() : { name: c.fileName, mimeType: c.declaredType, buffer: Buffer.from(c.bytes!()) };

/**
 * Rows in the device's photos and outbox tables, read from raw IndexedDB. (The stories table is left out: the app
 * pulls the reporter's server stories into it in the background, whatever the picker does.)
 */
async function localCounts(page: Page): Promise<Record<string, number>> {
	return page.evaluate(async () => {
		// Not opened here before the app has made it: opening would create an empty database under the app.
		if (!(await indexedDB.databases()).some((d) => d.name === 'thidua')) return { photos: 0, outbox: 0 };
		return new Promise<Record<string, number>>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const idb = open.result;
					// A store not created yet holds nothing: the app opens its database when it first needs it (the sync
					// engine starts after the first view), so the first count may come before the stores exist.
					const counts: Record<string, number> = { photos: 0, outbox: 0 };
					const names = ['photos', 'outbox'].filter((n) => idb.objectStoreNames.contains(n));
					if (names.length === 0) {
						idb.close();
						return resolve(counts);
					}
					const tx = idb.transaction(names, 'readonly');
					for (const n of names) {
						const r = tx.objectStore(n).count();
						r.onsuccess = () => (counts[n] = r.result);
					}
					tx.oncomplete = () => {
						idb.close();
						resolve(counts);
					};
				};
		});
	});
}

/** Every script dialog the page opens (a hostile file or name that ran would open one). */
function watchDialogs(page: Page): string[] {
	const seen: string[] = [];
	page.on('dialog', (d) => {
		seen.push(d.message());
		void d.dismiss();
	});
	return seen;
}

async function countObjects(bucket: string, prefix: string): Promise<number> {
	const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await db.connect();
	try {
		const { rows } = await db.query<{ n: string }>('select count(*) as n from storage.objects where bucket_id = $1 and name like $2', [bucket, `${prefix}%`]);
		return Number(rows[0]!.n);
	} finally {
		await db.end();
	}
}

/** Waits for the error notice with `text`, then closes it. */
async function expectRefusal(page: Page, text: string): Promise<void> {
	const notice = page.getByTestId('notices-errors').locator('.notice', { hasText: text });
	await expect(notice).toBeVisible();
	await notice.getByRole('button').click();
	await expect(notice).toHaveCount(0);
}

test('the photo picker refuses every hostile file with its reason, keeps nothing, and re-encodes a valid polyglot', async ({ page, context }) => {
	const dialogs = watchDialogs(page);
	await signIn(page, REPORTER);
	await page.goto('/app/capture');
	await expect(page.getByTestId('story-form')).toBeVisible();
	const before = await localCounts(page);
	const items = page.getByTestId('photo-item');
	const gallery = page.getByTestId('photo-gallery');

	// In batches of ten (the picker's limit counts photos still being prepared); each refusal shows its own sentence.
	const all = cases('capture');
	const small = all.filter((c) => !c.path);
	const batches = [...Array(Math.ceil(small.length / 10)).keys()].map((i) => small.slice(i * 10, i * 10 + 10));
	for (const batch of [...batches, all.filter((c) => c.path)]) {
		if (batch[0]?.path) await gallery.setInputFiles(batch[0].path());
		else await gallery.setInputFiles(batch.map((c) => payload(c) as Exclude<ReturnType<typeof payload>, string>));
		await expect(items).toHaveCount(batch.length);
		await expect(page.locator('[data-testid=photo-item][data-state=failed]')).toHaveCount(batch.length, { timeout: 30_000 });
		for (const c of batch) {
			await expect(items.filter({ hasText: refusal('capture', c) }), c.name).toHaveCount(1);
		}
		// The names are shown as text: the HTML in one of them is not markup.
		await expect(page.locator('[data-testid=photos-field] img')).toHaveCount(0);
		while ((await items.count()) > 0) await items.first().getByRole('button').click();
	}
	expect(await localCounts(page)).toEqual(before);

	// A valid camera JPEG with EXIF GPS and a ZIP or an HTML page appended: taken, and only a re-encode is kept.
	await gallery.setInputFiles(acceptedPolyglots.map((p) => ({ name: p.fileName, mimeType: p.declaredType, buffer: Buffer.from(p.bytes()) })));
	await expect(page.locator('[data-testid=photo-item][data-state=ready]')).toHaveCount(acceptedPolyglots.length, { timeout: 30_000 });
	await context.setOffline(true); // saved on the device only: nothing reaches the server
	const title = `Ảnh có tệp đính kèm lạ ${randomUUID().slice(0, 6)}`;
	await page.getByTestId('kind-good_deed').check();
	await page.getByTestId('field-title').fill(title);
	await page.getByTestId('field-body').fill('Bà con tổ dân phố 3 cùng nhau sửa lại sân chơi cho các cháu nhỏ trong khu dân cư.');
	await page.getByTestId('field-subjectName').fill('Bà Trần Thị Lan');
	await page.getByTestId('subjectKind-person').check();
	await page.getByTestId('field-consentGivenBy').fill('Bà Trần Thị Lan');
	await page.getByTestId('consentMethod-written').check();
	await page.getByTestId('save-story').click();
	await page.waitForURL(/\/app\/stories$/);
	const stored = await page.evaluate(
		(storyTitle) =>
			new Promise<{ type: string; bytes: number[] }[]>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const tx = open.result.transaction(['stories', 'photos']);
					const stories = tx.objectStore('stories').getAll();
					const photos = tx.objectStore('photos').getAll();
					tx.oncomplete = async () => {
						const story = (stories.result as { id: string; content: { title: string } }[]).find((x) => x.content.title === storyTitle);
						const rows = (photos.result as { storyId: string; blob: Blob; thumbBlob: Blob }[]).filter((p) => p.storyId === story?.id);
						const blobs = rows.flatMap((row) => [row.blob, row.thumbBlob]);
						resolve(await Promise.all(blobs.map(async (b) => ({ type: b.type, bytes: [...new Uint8Array(await b.arrayBuffer())] }))));
					};
				};
			}),
		title
	);
	expect(stored).toHaveLength(acceptedPolyglots.length * 2);
	const original = readFileSync(gpsJpegPath);
	expect(original.includes('Exif')).toBe(true); // the base really carries EXIF (with GPS)
	for (const p of acceptedPolyglots) for (const marker of p.mustDrop) expect(Buffer.from(p.bytes()).includes(marker), `${p.name} carries ${marker}`).toBe(true);
	for (const s of stored) {
		const bytes = Buffer.from(s.bytes);
		expect(['image/webp', 'image/jpeg']).toContain(s.type);
		const isWebp = bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
		const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
		expect(isWebp || isJpeg).toBe(true);
		expect(bytes.length).toBeLessThan(original.length);
		for (const p of acceptedPolyglots) for (const marker of p.mustDrop) expect(bytes.includes(marker), `${p.name}: ${marker}`).toBe(false);
	}
	expect(dialogs).toEqual([]);
});

test.describe('evidence and dossier files', () => {
	const year = hanoiYear();
	let roundId = '';
	let nominationId = '';
	const started = new Date().toISOString();

	test.beforeAll(async () => {
		const officer = await apiAs(OFFICER_BA_DINH);
		const round = await officer.from('assessment_round').select('id').eq('year', year).eq('period', 'year_end').single();
		if (round.error) throw round.error;
		roundId = round.data.id as string;
		const proposer = await apiAs(OFFICER_DONG_ANH);
		const form = await proposer.from('award_form').select('id').eq('name', FORM_BK_TP).limit(1).single();
		if (form.error) throw form.error;
		nominationId = randomUUID();
		const n = await proposer.from('nomination').insert({
			id: nominationId,
			year,
			unit_id: DONG_ANH,
			award_form_id: form.data.id,
			occasion: 'ad_hoc',
			nominee_kind: 'individual',
			nominee_name: `Chị Hà Thị Thử ${nominationId.slice(0, 6)}`
		});
		if (n.error) throw n.error;
	});

	test.afterAll(async () => {
		const service = serviceClient();
		// Nothing should have been stored; remove anything that was, so the other specs find the seed as it was.
		const { data: evidence } = await service.from('evidence').select('id, storage_path').eq('unit_id', BA_DINH).eq('round_id', roundId).gte('added_at', started);
		for (const e of evidence ?? []) {
			await service.from('evidence').delete().eq('id', e.id);
			if (e.storage_path) await service.storage.from('evidence').remove([e.storage_path as string]);
		}
		if (nominationId) {
			const { data: files } = await service.from('dossier_file').select('storage_path').eq('nomination_id', nominationId);
			if (files?.length) await service.storage.from('dossiers').remove(files.map((f) => f.storage_path as string));
			await service.from('nomination').delete().eq('id', nominationId);
		}
	});

	test('the evidence input refuses every applicable hostile file, naming it, and stores nothing', async ({ browser }) => {
		const service = serviceClient();
		const rows = async () => (await service.from('evidence').select('id').eq('unit_id', BA_DINH).eq('round_id', roundId)).data?.length ?? -1;
		const rowsBefore = await rows();
		const objectsBefore = await countObjects('evidence', `${BA_DINH}/${roundId}/`);

		const page = await signedInPage(browser, OFFICER_BA_DINH);
		const dialogs = watchDialogs(page);
		await page.goto('/app/scoring/self');
		const card = page.locator('[data-testid=self-criterion][data-code=A1]');
		await card.getByTestId('evidence-add').locator('summary').click();
		await card.getByTestId('evidence-kind-file').check();
		for (const c of cases('evidence')) {
			await card.getByTestId('evidence-file').setInputFiles(payload(c));
			await card.getByTestId('evidence-submit').click();
			await expectRefusal(page, refusal('evidence', c));
		}
		await expect(card.getByTestId('evidence-item')).toHaveCount(0);
		expect(await rows()).toBe(rowsBefore);
		expect(await countObjects('evidence', `${BA_DINH}/${roundId}/`)).toBe(objectsBefore);
		expect(dialogs).toEqual([]);
		await page.context().close();
	});

	test('the dossier input refuses every applicable hostile file, naming it, and stores nothing', async ({ browser }) => {
		const page = await signedInPage(browser, OFFICER_DONG_ANH);
		const dialogs = watchDialogs(page);
		await page.goto(`/app/nominations/${nominationId}`);
		const files = page.getByTestId('dossier-files');
		await expect(files.getByTestId('dossier-input')).toBeVisible();
		for (const c of cases('dossier')) {
			await files.getByTestId('dossier-input').setInputFiles(payload(c));
			await files.getByTestId('dossier-add').click();
			await expectRefusal(page, refusal('dossier', c));
		}
		await expect(files.getByTestId('dossier-file')).toHaveCount(0);
		const { data } = await serviceClient().from('dossier_file').select('id').eq('nomination_id', nominationId);
		expect(data).toEqual([]);
		expect(await countObjects('dossiers', `${DONG_ANH}/${nominationId}/`)).toBe(0);
		expect(dialogs).toEqual([]);
		await page.context().close();
	});
});

test('the public photo route serves only bytes that are the image their path names', async ({ request }) => {
	// A published story of Ba Đình, and two objects its reporter uploads straight to Storage (around the app): a real
	// JPEG, and an HTML page declared as image/jpeg — the bucket takes both, since Storage believes the declared type.
	const service = serviceClient();
	const storyId = randomUUID();
	const { error } = await service.from('story').insert({
		id: storyId,
		unit_id: BA_DINH,
		author_id: REPORTER_BA_DINH_ID,
		kind: 'good_deed',
		title: `Ảnh thử tuyến công khai ${storyId.slice(0, 6)}`,
		body: 'Một câu chuyện chỉ để thử cách trang công khai phục vụ ảnh đã lưu, sẽ được xóa ngay sau khi thử.',
		subject_name: 'Ông Lê Văn Thử',
		subject_kind: 'person',
		occurred_on: `${hanoiYear()}-01-15`,
		consent_given_by: 'Ông Lê Văn Thử',
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status: 'published',
		published_at: new Date().toISOString()
	});
	if (error) throw error;
	const reporter = await apiAs(REPORTER);
	const good = `${BA_DINH}/${storyId}/${randomUUID()}.jpg`;
	const html = `${BA_DINH}/${storyId}/${randomUUID()}.jpg`;
	const svg = `${BA_DINH}/${storyId}/${randomUUID()}.webp`;
	try {
		const bucket = reporter.storage.from('story-photos');
		expect((await bucket.upload(good, readFileSync(gpsJpegPath), { contentType: 'image/jpeg' })).error).toBeNull();
		const page = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
		expect((await bucket.upload(html, page, { contentType: 'image/jpeg' })).error).toBeNull();
		const drawing = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
		expect((await bucket.upload(svg, drawing, { contentType: 'image/webp' })).error).toBeNull();

		const served = await request.get(`/media/${good}`);
		expect(served.status()).toBe(200);
		expect(served.headers()['content-type']).toBe('image/jpeg');
		expect(served.headers()['x-content-type-options']).toBe('nosniff');
		expect(served.headers()['content-security-policy']).toContain('sandbox');
		for (const path of [html, svg]) {
			const res = await request.get(`/media/${path}`);
			expect(res.status(), path).toBe(404);
			expect(await res.text()).not.toContain('<script');
		}
	} finally {
		await service.storage.from('story-photos').remove([good, html, svg]);
		await service.from('story').delete().eq('id', storyId);
	}
});
