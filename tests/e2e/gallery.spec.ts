// The public gallery (issue 8), as visitors meet it: search that ignores diacritics done in Postgres with the exact
// match first, filters that combine and work without JavaScript, story pages whose HTML carries the Open Graph and
// Twitter card with an absolute image URL, share buttons, sitemap.xml and robots.txt, a takedown that removes a story
// from every public page at once, and axe-core finding no violations on the gallery, a story and the search results.
// The two stories searched for are this spec's own (published by the service role), removed afterwards.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectSuccess, serviceClient, shoot, signedInPage } from './helpers/journey';

const BA_DINH = '11111111-1111-4111-8111-000000000001';
const DONG_ANH = '11111111-1111-4111-8111-000000000002';
const REPORTER = 'aaaaaaaa-0000-4000-8000-000000000001';
const SEEDED_WITH_PHOTOS = '5eed0000-0000-4000-8000-000000000001';
const SEEDED_MODEL_DONG_ANH = 'Mô hình "Tủ sách khu dân cư" – người tốt việc tốt ở thôn Đản Mỗ';

// Letters only: the tag is a word of its own in both titles, so the search finds these two and nothing else.
const tag = `thu${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}`;
const exactTitle = `${tag} Người tốt việc tốt ở tổ dân phố`;
const looseTitle = `${tag} Người tốt, việc tốt: chuyện ở chợ`;
const ids = { exact: randomUUID(), loose: randomUUID() };

function story(id: string, title: string, publishedAgoMin: number) {
	return {
		id,
		unit_id: BA_DINH,
		author_id: REPORTER,
		kind: 'good_deed',
		title,
		body: 'Câu chuyện dùng để kiểm tra tìm kiếm không dấu trong thư viện công khai.',
		subject_name: 'Bà Trần Thị Thử',
		subject_kind: 'person',
		occurred_on: '2026-09-20',
		consent_given_by: 'Bà Trần Thị Thử',
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status: 'published',
		published_at: new Date(Date.now() - publishedAgoMin * 60_000).toISOString()
	};
}

test.beforeAll(async () => {
	// The loose match is the newer one: were ranking by date alone, it would come first.
	const { error } = await serviceClient().from('story').insert([story(ids.exact, exactTitle, 10), story(ids.loose, looseTitle, 1)]);
	if (error) throw error;
});

test.afterAll(async () => {
	await serviceClient().from('story').delete().in('id', [ids.exact, ids.loose]);
});

const titles = (page: Page) => page.getByTestId('gallery-card').locator('h2').allInnerTexts();

test('search ignores diacritics and đ, puts the exact match first, and filters combine — without JavaScript too', async ({ browser }, testInfo) => {
	const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	await page.goto('/gallery');
	// Exact match = the phrase as typed, diacritics included; the other story has every word but not the phrase.
	await page.getByTestId('gallery-q').fill(`${tag} Người tốt việc tốt`);
	await page.getByTestId('gallery-submit').click();
	await expect(page).toHaveURL(/\/gallery\?q=/);
	expect(await titles(page)).toEqual([exactTitle, looseTitle]);
	await expect(page.getByTestId('gallery-count')).toHaveText('2 câu chuyện phù hợp');
	await shoot(page, testInfo, 'gallery-search');

	// Without diacritics (and typed in capitals): the same two stories.
	await page.goto(`/gallery?q=${encodeURIComponent(`${tag.toUpperCase()} NGUOI TOT VIEC TOT`)}`);
	expect((await titles(page)).sort()).toEqual([exactTitle, looseTitle].sort());
	// đ is d: "dan pho" finds "dân phố" (unaccent alone keeps đ, so this is the app's own folding).
	await page.goto(`/gallery?q=${encodeURIComponent(`to dan pho ${tag}`)}`);
	expect(await titles(page)).toEqual([exactTitle]);
	await page.goto(`/gallery?q=${encodeURIComponent('Đản Mỗ')}`);
	expect(await titles(page)).toContain(SEEDED_MODEL_DONG_ANH);
	await page.goto(`/gallery?q=${encodeURIComponent('dan mo')}`);
	expect(await titles(page)).toContain(SEEDED_MODEL_DONG_ANH);

	// Filters combine (kind × unit), and the form is a plain GET: it works with JavaScript off.
	const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await noJs.goto('/gallery');
	await noJs.getByTestId('gallery-search').locator('summary').click();
	await noJs.getByTestId('gallery-kind').selectOption('exemplary_model');
	await noJs.getByTestId('gallery-unit').selectOption(DONG_ANH);
	await noJs.getByTestId('gallery-submit').click();
	await expect(noJs).toHaveURL(new RegExp(`kind=exemplary_model.*unit=${DONG_ANH}`));
	expect(await titles(noJs)).toEqual([SEEDED_MODEL_DONG_ANH]);
	// (shoot() waits for animation frames, which a page without JavaScript never runs.)
	await noJs.screenshot({ path: testInfo.outputPath('gallery-filtered-nojs.png'), fullPage: true });
	await noJs.getByTestId('gallery-unit').selectOption(BA_DINH);
	await noJs.getByTestId('gallery-submit').click();
	await expect(noJs.getByTestId('gallery-empty')).toContainText('Không có câu chuyện nào phù hợp');
	await noJs.context().close();
	await page.context().close();
});

test('a story page carries its Open Graph and Twitter card with an absolute image, and share buttons', async ({ request, page }, testInfo) => {
	const html = await (await request.get(`/gallery/${SEEDED_WITH_PHOTOS}`)).text();
	const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
	expect(meta('property', 'og:title')).toBe('Bà Nguyễn Thị Hoa và 15 năm bếp cơm miễn phí cho bệnh nhân nghèo');
	expect(meta('property', 'og:type')).toBe('article');
	expect(meta('property', 'og:url')).toMatch(new RegExp(`^https?://[^/]+/gallery/${SEEDED_WITH_PHOTOS}$`));
	const image = meta('property', 'og:image');
	expect(image).toMatch(/^https?:\/\/[^/]+\/media\/.+\.jpg$/);
	expect(meta('name', 'twitter:card')).toBe('summary_large_image');
	expect(meta('name', 'twitter:image')).toBe(image);
	expect(meta('name', 'twitter:title')).toBe(meta('property', 'og:title'));
	// The preview image really is there, as an image, for the crawler that fetches it.
	const picture = await request.get(new URL(image!).pathname);
	expect(picture.status()).toBe(200);
	expect(picture.headers()['content-type']).toBe('image/jpeg');

	await page.goto(`/gallery/${SEEDED_WITH_PHOTOS}`);
	const share = page.getByTestId('share');
	await expect(share.getByTestId('share-facebook')).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(meta('property', 'og:url')!)}`);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await share.getByTestId('share-copy').click();
	await expect(share.getByRole('status')).toHaveText('Đã sao chép liên kết.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(meta('property', 'og:url'));
	// Photos come as thumbnails with the full size offered for wide screens, sized so nothing shifts.
	const first = page.locator('.photos img').first();
	await expect(first).toHaveAttribute('srcset', /-thumb\.jpg 400w, .+\.jpg 1600w/);
	await expect(first).toHaveAttribute('width', '1200');
	await shoot(page, testInfo, 'gallery-story');
});

test('sitemap.xml lists the published stories and robots.txt points to it', async ({ request }) => {
	const sitemap = await request.get('/sitemap.xml');
	expect(sitemap.headers()['content-type']).toContain('application/xml');
	const xml = await sitemap.text();
	expect(xml).toContain(`/gallery/${SEEDED_WITH_PHOTOS}</loc>`);
	expect(xml).toContain(`/gallery/${ids.exact}</loc>`);
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
	expect(robots).toContain('Disallow: /app');
});

test('axe-core finds no violations on the gallery, a story page and the search results', async ({ page }) => {
	for (const path of ['/gallery', `/gallery/${SEEDED_WITH_PHOTOS}`, `/gallery?q=${encodeURIComponent('nguoi tot')}&kind=good_deed`]) {
		await page.goto(path);
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
	}
});

test('the city unpublishes a story and it leaves every public page at once', async ({ browser, request }) => {
	expect((await request.get(`/gallery/${ids.loose}`)).status()).toBe(200);
	const admin = await signedInPage(browser, 'thanhpho@thidua.test');
	await admin.getByTestId('nav-publish').click();
	await admin.locator(`[data-testid=review-story][data-story-id="${ids.loose}"]`).getByTestId('unpublish-story').click();
	await expectSuccess(admin, `Đã gỡ “${looseTitle}” khỏi thư viện công khai.`);
	await admin.context().close();
	expect((await request.get(`/gallery/${ids.loose}`)).status()).toBe(404);
	const list = await (await request.get(`/gallery?q=${encodeURIComponent(tag)}`)).text();
	expect(list).toContain(exactTitle);
	expect(list).not.toContain(looseTitle);
	expect(await (await request.get('/sitemap.xml')).text()).not.toContain(ids.loose);
	expect(await (await request.get('/gallery')).text()).not.toContain(looseTitle);
});

test('a unit records that it adopted an exemplary model, and the model’s public page shows where it spread', async ({ browser, request }, testInfo) => {
	const MODEL = '5eed0000-0000-4000-8000-000000000002';
	await serviceClient().from('model_adoption').delete().eq('story_id', MODEL).eq('unit_id', BA_DINH);
	try {
		const officer = await signedInPage(browser, 'canbo.badinh@thidua.test');
		await officer.getByTestId('nav-models').click();
		const model = officer.locator(`[data-testid=model-item][data-title="${SEEDED_MODEL_DONG_ANH.replace(/"/g, '\\"')}"]`);
		await model.getByTestId('model-adopt').click();
		await expectSuccess(officer, 'Đã ghi nhận nhân rộng mô hình.');
		await expect(model.getByTestId('model-adopted')).toContainText('Đơn vị đã áp dụng từ');
		await shoot(officer, testInfo, 'models');
		await officer.context().close();

		const html = await (await request.get(`/gallery/${MODEL}`)).text();
		expect(html).toContain('Nơi đã nhân rộng mô hình');
		expect(html).toMatch(/data-testid="gallery-adoption"[^>]*>Phường Ngọc Hà — từ \d\d\/\d\d\/\d{4}/);
		expect(html).toMatch(/data-testid="gallery-adoption"[^>]*>Phường Ba Đình — từ \d\d\/\d\d\/\d{4}/);
		// The officer's note is not public.
		expect(html).not.toContain('Lập tủ sách tại nhà văn hóa tổ dân phố 5');
	} finally {
		await serviceClient().from('model_adoption').delete().eq('story_id', MODEL).eq('unit_id', BA_DINH);
	}
});
