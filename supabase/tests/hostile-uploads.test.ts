// Hostile uploads straight to the Storage buckets with real supabase-js as signed-in demo users, bypassing the app
// (TARGETS R6). What the server checks: the DECLARED content type against the bucket's allowed_mime_types (415), the
// size against file_size_limit (413), and the folder through storage.objects RLS (the unit, the open round, the
// editable nomination). What it cannot check: the bytes. Supabase Storage trusts the declared type
// (supabase/storage#639), so HTML declared as image/jpeg, or a PDF carrying JavaScript, is stored. Hence: the app
// sniffs and re-encodes before upload (src/lib/capture, src/lib/ui/assessment/evidence-file.ts), the public photo
// route checks the first bytes before serving (src/routes/media, covered in tests/e2e/hostile-uploads.spec.ts), and
// evidence and dossier files stay private, opened only through short-lived signed addresses by people who may read.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, serviceClient, signedIn, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';

const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const jpegHead = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const bytes = (n: number) => {
	const b = Buffer.alloc(n);
	jpegHead().copy(b);
	return b;
};
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/** The storage error code (415 type, 413 size, 403 RLS), or 'ok'. */
async function attempt(client: SupabaseClient, bucket: string, path: string, body: Buffer, contentType: string): Promise<string> {
	const { error } = await client.storage.from(bucket).upload(path, body, { contentType, upsert: false });
	if (!error) return 'ok';
	const e = error as { statusCode?: unknown; status?: unknown };
	return String(e.statusCode ?? e.status ?? error.message);
}

const stored: { bucket: string; path: string }[] = [];
const service = serviceClient();

afterAll(async () => {
	for (const { bucket, path } of stored) await service.storage.from(bucket).remove([path]);
});

/** An upload expected to succeed, removed again at the end. */
async function mustStore(client: SupabaseClient, bucket: string, path: string, body: Buffer, contentType: string): Promise<void> {
	stored.push({ bucket, path });
	expect(await attempt(client, bucket, path, body, contentType)).toBe('ok');
}

describe('story-photos: image/webp and image/jpeg up to 5 MB, into a unit the reporter reports for', () => {
	let reporter: SupabaseClient;
	const folder = () => `${UNIT_BA_DINH}/${randomUUID()}`;
	beforeAll(async () => {
		reporter = await signedIn(demo.reporterBaDinh);
	});

	it.each([
		['text/html', html],
		['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
		['application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n')],
		['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
		['image/gif', Buffer.from('GIF89a')],
		['application/x-msdownload', Buffer.from('MZ')],
		['application/octet-stream', Buffer.from('x')]
	])('refuses the declared type %s', async (type, body) => {
		expect(await attempt(reporter, 'story-photos', `${folder()}/${randomUUID()}.jpg`, body, type)).toBe('415');
	});

	it('refuses more than 5 MB', async () => {
		expect(await attempt(reporter, 'story-photos', `${folder()}/${randomUUID()}.jpg`, bytes(5 * 1024 * 1024 + 1), 'image/jpeg')).toBe('413');
	});

	it("refuses another unit's folder and a path outside any unit folder", async () => {
		expect(await attempt(reporter, 'story-photos', `${UNIT_DONG_ANH}/${randomUUID()}/${randomUUID()}.jpg`, bytes(100), 'image/jpeg')).toBe('403');
		expect(await attempt(reporter, 'story-photos', `../${UNIT_BA_DINH}/${randomUUID()}.jpg`, bytes(100), 'image/jpeg')).not.toBe('ok');
		expect(await attempt(reporter, 'story-photos', `${randomUUID()}.jpg`, bytes(100), 'image/jpeg')).toBe('403');
	});

	it('CANNOT tell HTML declared as image/jpeg from a photo: it is stored (the app and the media route must check bytes)', async () => {
		await mustStore(reporter, 'story-photos', `${folder()}/${randomUUID()}.jpg`, html, 'image/jpeg');
	});
});

describe('evidence: PDF, JPEG, PNG, WebP up to 10 MB, by the unit officer, into an open round', () => {
	let officer: SupabaseClient;
	let openRound = '';
	let publishedRound = '';
	beforeAll(async () => {
		officer = await signedIn(demo.officerBaDinh);
		const { data, error } = await officer.from('assessment_round').select('id, period, status').eq('year', year);
		if (error) throw error;
		openRound = data.find((r) => r.status === 'open')!.id as string;
		publishedRound = data.find((r) => r.status === 'published')!.id as string;
	});

	it.each(['text/html', 'image/svg+xml', 'image/gif', 'application/zip', 'application/javascript'])('refuses the declared type %s', async (type) => {
		expect(await attempt(officer, 'evidence', `${UNIT_BA_DINH}/${openRound}/${randomUUID()}.pdf`, html, type)).toBe('415');
	});

	it('refuses more than 10 MB', async () => {
		expect(await attempt(officer, 'evidence', `${UNIT_BA_DINH}/${openRound}/${randomUUID()}.pdf`, bytes(10 * 1024 * 1024 + 1), 'application/pdf')).toBe('413');
	});

	it("refuses another unit's folder, a published round's folder, a made-up round, and a reporter", async () => {
		const path = (unit: string, round: string) => `${unit}/${round}/${randomUUID()}.pdf`;
		const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
		expect(await attempt(officer, 'evidence', path(UNIT_DONG_ANH, openRound), pdf, 'application/pdf')).toBe('403');
		expect(await attempt(officer, 'evidence', path(UNIT_BA_DINH, publishedRound), pdf, 'application/pdf')).toBe('403');
		expect(await attempt(officer, 'evidence', path(UNIT_BA_DINH, 'not-a-round'), pdf, 'application/pdf')).toBe('403');
		const reporter = await signedIn(demo.reporterBaDinh);
		expect(await attempt(reporter, 'evidence', path(UNIT_BA_DINH, openRound), pdf, 'application/pdf')).toBe('403');
	});

	it('CANNOT see inside a PDF: one that runs JavaScript is stored (the app refuses it before upload; files stay private)', async () => {
		const active = Buffer.from('%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n');
		await mustStore(officer, 'evidence', `${UNIT_BA_DINH}/${openRound}/${randomUUID()}.pdf`, active, 'application/pdf');
		// …and no one outside may read it.
		const stranger = await signedIn(demo.officerDongAnh);
		const last = stored.at(-1)!;
		expect((await stranger.storage.from('evidence').download(last.path)).error).not.toBeNull();
	});
});

describe('dossiers: PDF, JPEG, PNG, WebP up to 10 MB, by the proposer, into an editable nomination', () => {
	let proposer: SupabaseClient;
	let nominationId = '';
	beforeAll(async () => {
		proposer = await signedIn(demo.officerDongAnh);
		const form = await proposer.from('award_form').select('id').eq('name', 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội').limit(1).single();
		if (form.error) throw form.error;
		nominationId = randomUUID();
		const { error } = await proposer.from('nomination').insert({
			id: nominationId,
			year,
			unit_id: UNIT_DONG_ANH,
			award_form_id: form.data.id,
			occasion: 'ad_hoc',
			nominee_kind: 'individual',
			nominee_name: `Anh Thử Tải Lên ${nominationId.slice(0, 6)}`
		});
		if (error) throw error;
	});
	afterAll(async () => {
		for (const { bucket, path } of stored.filter((s) => s.bucket === 'dossiers')) await service.storage.from(bucket).remove([path]);
		await service.from('nomination').delete().eq('id', nominationId);
	});
	const path = (unit = UNIT_DONG_ANH, nomination = nominationId) => `${unit}/${nomination}/${randomUUID()}.pdf`;

	it.each(['text/html', 'application/x-msdownload', 'image/svg+xml', 'application/msword', 'text/plain'])('refuses the declared type %s', async (type) => {
		expect(await attempt(proposer, 'dossiers', path(), html, type)).toBe('415');
	});

	it('refuses more than 10 MB', async () => {
		expect(await attempt(proposer, 'dossiers', path(), bytes(10 * 1024 * 1024 + 1), 'application/pdf')).toBe('413');
	});

	it("refuses a folder whose unit is not the nomination's, another unit's officer, and a nomination that does not exist", async () => {
		const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
		expect(await attempt(proposer, 'dossiers', path(UNIT_BA_DINH), pdf, 'application/pdf')).toBe('403');
		expect(await attempt(proposer, 'dossiers', path(UNIT_DONG_ANH, randomUUID()), pdf, 'application/pdf')).toBe('403');
		const other = await signedIn(demo.officerBaDinh);
		expect(await attempt(other, 'dossiers', path(), pdf, 'application/pdf')).toBe('403');
	});

	it('CANNOT tell a text file declared as application/pdf from a PDF: it is stored (the app checks %PDF- and %%EOF)', async () => {
		await mustStore(proposer, 'dossiers', path(), Buffer.from('not a pdf at all'), 'application/pdf');
	});
});
