// Every user-written field that reaches a public page is shown as text, never run (TARGETS R7). The database owner
// writes the XSS payloads of tests/fixtures/xss-payloads.ts into published, consented records — each CORE payload in
// every field: story title, body, subject and photo caption; unit names (cards, story facts, filters, where a model
// was adopted, standings rows); movement names (cards, filters); contest title and description; entry pen name, title,
// text and the story it is about; cluster names (standings) — and the LONG ones where long text is allowed. Then, with
// the CSP bypassed so escaping alone is what is tested: no dialog, no marker call, no event-handler attribute, no
// script but the app's own, no javascript: URL, no injected element, and each payload's exact text as text (or as the
// attribute value where it goes into one, Open Graph and share data included); the raw HTML must not hold a payload
// with '<' or '&' as it is. Pages that list many records (search results, the model's adoptions, the contests, the
// collection, the standings) are opened in Chromium; of the one-record pages (a story, a contest, a search) a share is
// opened and every one is fetched and parsed by Chromium's HTML parser (DOMParser), which keeps the spec short.
// Last, without the bypass, the headers: the CSP (public pages allow no inline script; the hydrated standings only
// SvelteKit's own, by hash) and the framing ban. Everything inserted is removed afterwards.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CORE_PAYLOADS as P, LONG_PAYLOADS as L } from '../fixtures/xss-payloads';

const APP = 'Thi đua – Khen thưởng';
const BA_DINH = '11111111-1111-4111-8111-000000000001';
const REPORTER = 'aaaaaaaa-0000-4000-8000-000000000001';
const N = P.length;
// Letters only, one word: searching for it finds this spec's stories and nothing else.
const tag = `xss${randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;
const FILLER =
	'Bài viết dùng để kiểm tra rằng mọi nội dung do người dùng nhập đều hiện ra đúng như chữ, không bao giờ thành mã chạy trên trang công khai của thư viện gương người tốt, việc tốt và điển hình tiên tiến.';

const ids = {
	units: P.map(() => randomUUID()),
	movements: P.map(() => randomUUID()),
	stories: P.map(() => randomUUID()),
	photos: P.map(() => randomUUID()),
	clusters: P.map(() => randomUUID()),
	contests: P.map(() => randomUUID()),
	entries: P.map(() => randomUUID()),
	model: randomUUID()
};
// The tag comes first: Postgres's text-search parser drops what follows an unclosed '<script>' (or a look-alike that
// unaccent folds into one), so a story starting with one would not be found by its tag.
const storyBody = (i: number) => `${tag} — ${FILLER.slice(0, 60)}\n${P[i]}`;
const modelTitle = `${tag} Mô hình được nhân rộng ở mọi nơi`;
const modelBody = [tag, ...P, ...L].join('\n');
const contestDescription = (i: number) => (i < L.length ? `${P[i]}\n${L[i]}` : P[i]!);
const entryBody = (i: number) => `${P[i]}\n${L[i % L.length]}\n${FILLER}`;
const summary = (body: string) => (body.length > 200 ? `${body.slice(0, 197).trimEnd()}…` : body);

let round: { id: string; year: number };

function dbUrl(): string {
	const url = process.env.SUPABASE_DB_URL;
	if (!url) throw new Error('SUPABASE_DB_URL is set by tests/run-all.ts');
	return url;
}

/** One transaction as the database owner; `thidua.correction` lets it write results of a published round. */
async function asOwner(work: (db: pg.Client) => Promise<void>): Promise<void> {
	const db = new pg.Client({ connectionString: dbUrl() });
	await db.connect();
	try {
		await db.query('begin');
		await db.query("set local thidua.correction = 'xss-fixture'");
		await work(db);
		await db.query('commit');
	} catch (e) {
		await db.query('rollback');
		throw e;
	} finally {
		await db.end();
	}
}

/** A multi-row insert from an array of rows (column → value). */
async function insert(db: pg.Client, table: string, rows: Record<string, unknown>[]): Promise<void> {
	const cols = Object.keys(rows[0]!);
	const values: unknown[] = [];
	const tuples = rows.map((r) => `(${cols.map((c) => `$${values.push(r[c])}`).join(', ')})`);
	await db.query(`insert into ${table} (${cols.join(', ')}) values ${tuples.join(', ')}`, values);
}

test.beforeAll(async () => {
	expect(N).toBeGreaterThanOrEqual(150);
	expect(modelBody.length).toBeLessThanOrEqual(20_000);
	await asOwner(async (db) => {
		const r = await db.query<{ id: string; year: number }>(
			"select id, year from public.assessment_round where status = 'published' order by year desc, period desc limit 1"
		);
		round = r.rows[0]!;
		const now = Date.now();
		await insert(db, 'public.unit', P.map((p, i) => ({ id: ids.units[i], code: `${tag}-${i}`, name: p, kind: 'xa' })));
		await insert(
			db,
			'public.movement',
			P.map((p, i) => ({ id: ids.movements[i], year: round.year, kind: 'thematic', name: p, starts_on: `${round.year}-01-01`, status: 'launched', launched_at: new Date(now).toISOString() }))
		);
		const story = (id: string, unit: string, kind: string, title: string, body: string, subject: string, movement: string | null, ago: number) => ({
			id, unit_id: unit, author_id: REPORTER, kind, title, body, subject_name: subject, subject_kind: 'person', occurred_on: `${round.year}-03-15`,
			consent_given_by: 'Người được ghi nhận', consent_method: 'written', consent_recorded_at: new Date(now).toISOString(),
			status: 'published', published_at: new Date(now - ago * 1000).toISOString(), movement_id: movement
		});
		await insert(db, 'public.story', [
			...P.map((p, i) => story(ids.stories[i]!, ids.units[i]!, 'good_deed', p, storyBody(i), p, ids.movements[i]!, i + 10)),
			story(ids.model, BA_DINH, 'exemplary_model', modelTitle, modelBody, 'Tập thể khu dân cư số 1', null, 5)
		]);
		await insert(
			db,
			'public.story_photo',
			P.map((p, i) => ({
				id: ids.photos[i], story_id: ids.stories[i], position: 0, storage_path: `${ids.units[i]}/${ids.stories[i]}/${ids.photos[i]}.jpg`,
				thumb_path: `${ids.units[i]}/${ids.stories[i]}/${ids.photos[i]}-thumb.jpg`, content_type: 'image/jpeg', width: 1200, height: 900,
				byte_size: 1000, sha256: '0'.repeat(64), caption: p
			}))
		);
		await insert(db, 'public.model_adoption', P.map((_, i) => ({ story_id: ids.model, unit_id: ids.units[i], adopted_on: `${round.year}-04-01`, created_by: REPORTER })));
		await insert(db, 'public.cluster', P.map((p, i) => ({ id: ids.clusters[i], year: round.year, name: p })));
		await insert(db, 'public.unit_result', P.map((_, i) => ({ round_id: round.id, unit_id: ids.units[i], cluster_id: ids.clusters[0], total: 100 - i * 0.25, rank: i + 1 })));
		await insert(
			db,
			'public.contest',
			P.map((p, i) => ({ id: ids.contests[i], year: round.year, title: p, description: contestDescription(i), opens_on: `${round.year}-01-01`, closes_on: `${round.year}-12-31`, status: 'published' }))
		);
		await insert(
			db,
			'public.contest_entry',
			P.map((p, i) => ({
				id: ids.entries[i], contest_id: ids.contests[0], author_id: REPORTER, pen_name: p, story_id: ids.stories[i], title: p, body: entryBody(i),
				status: 'published', published_at: new Date(now - (N - i) * 1000).toISOString()
			}))
		);
	});
});

test.afterAll(async () => {
	await asOwner(async (db) => {
		await db.query('delete from public.contest where id = any($1)', [ids.contests]);
		await db.query('delete from public.unit_result where unit_id = any($1)', [ids.units]);
		await db.query('delete from public.cluster where id = any($1)', [ids.clusters]);
		await db.query('delete from public.story where id = any($1)', [[...ids.stories, ids.model]]);
		await db.query('delete from public.movement where id = any($1)', [ids.movements]);
		await db.query('delete from public.unit where id = any($1)', [ids.units]);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// The browser side: markers recorded, dialogs caught, photos not fetched (the rows point to no file).

interface Watch {
	dialogs: string[];
}

async function xssContext(context: BrowserContext, watch: Watch): Promise<void> {
	await context.addInitScript(() => {
		const w = window as unknown as { __xss: (n: unknown) => void; __xssCalls: string[] };
		w.__xssCalls = [];
		w.__xss = (n: unknown) => void w.__xssCalls.push(String(n));
	});
	// Only what can run matters: styles, fonts, icons and the photos (these rows point to no file) are not fetched.
	await context.route('**/*', (route) =>
		['stylesheet', 'image', 'font', 'media', 'manifest'].includes(route.request().resourceType()) ? route.abort() : route.continue()
	);
	context.on('page', (page) => watchDialogs(page, watch));
}

function watchDialogs(page: Page, watch: Watch): void {
	page.on('dialog', (d) => {
		watch.dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
		void d.dismiss();
	});
}

type ScriptRule = 'none' | 'share' | 'app';

/**
 * What must never be in a public page's DOM: an on* attribute, a script that is not the app's, a javascript:,
 * vbscript: or data:text/html URL, an element the app never renders (frames, objects, media, math, base, …).
 * Runs in the browser (self-contained: page.evaluate sends its source), on the page's document and then with the
 * marker calls too, or on `html` parsed by DOMParser (Chromium's same HTML parser, scripts not run).
 */
function auditDocument({ rule, html }: { rule: ScriptRule; html?: string }): string[] {
	const doc = html === undefined ? document : new DOMParser().parseFromString(html, 'text/html');
	const calls = html === undefined ? ((window as unknown as { __xssCalls?: string[] }).__xssCalls ?? []) : [];
	const out: string[] = calls.length ? [`marker called: ${calls.join(',')}`] : [];
	const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'lowsrc', 'dynsrc', 'style']);
	const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'math', 'marquee', 'video', 'audio', 'source', 'template', 'noscript', 'xss', 'isindex', 'animate', 'set', 'use', 'textarea']);
	let inline = 0;
	for (const el of Array.from(doc.querySelectorAll('*'))) {
		const tagName = el.localName;
		for (const a of Array.from(el.attributes)) {
			const name = a.name.toLowerCase();
			if (name.startsWith('on')) out.push(`<${tagName} ${name}>`);
			if (name === 'srcdoc' || name === 'autofocus' || name === 'contenteditable' || name === 'http-equiv') out.push(`<${tagName} ${name}>`);
			// Meta content is text (titles, descriptions) except where it is a URL.
			const metaUrl = tagName === 'meta' && name === 'content' && /^(og:url|og:image|twitter:image)$/.test(el.getAttribute('property') ?? el.getAttribute('name') ?? '');
			if (urlAttrs.has(name) || metaUrl) {
				// Browsers ignore whitespace and control characters inside a scheme.
				// eslint-disable-next-line no-control-regex
				const v = a.value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b\ufeff]/g, '').toLowerCase();
				const bad = name === 'style' ? /javascript:|vbscript:|expression\(|url\(/ : name === 'srcset' ? /(^|,)(javascript|vbscript|data):/ : /^(javascript|vbscript|livescript|data:text\/html)/;
				if (bad.test(v)) out.push(`<${tagName} ${name}="${a.value.slice(0, 80)}">`);
			}
		}
		if (forbidden.has(tagName)) out.push(`<${tagName}> element`);
		if (tagName === 'svg' && !el.closest('a.brand')) out.push('<svg> outside the brand mark');
		if ((tagName === 'style' || tagName === 'link' || tagName === 'meta') && el.closest('body')) out.push(`<${tagName}> in body`);
		if (tagName === 'script') {
			const src = el.getAttribute('src');
			if (src === null) {
				inline++;
				if (rule !== 'app' || !el.textContent?.includes('__sveltekit_')) out.push(`inline script: ${el.textContent?.slice(0, 80)}`);
			} else if (!(rule === 'share' && src === '/share.js') && !(rule === 'app' && src.startsWith('/_app/'))) out.push(`script src=${src}`);
		}
	}
	if (rule === 'app' && inline !== 1) out.push(`${inline} inline scripts (SvelteKit writes one)`);
	return out;
}

/** The live page: the audit, and no marker call. */
async function domProblems(page: Page, rule: ScriptRule): Promise<string[]> {
	return page.evaluate(auditDocument, { rule });
}

/** The raw HTML, before any parsing: a payload with '<' (or, outside scripts, '&') must never be there as it is. */
function rawProblems(html: string, payloads: readonly string[]): string[] {
	const outsideScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
	const out: string[] = [];
	for (const p of payloads) {
		if (p.includes('<') && html.includes(p)) out.push(`raw HTML holds ${JSON.stringify(p)} unescaped`);
		else if (/&[#a-z]/i.test(p) && outsideScripts.includes(p)) out.push(`raw HTML holds the entity text ${JSON.stringify(p)} undecoded-as-typed`);
		else if (p.includes('"') && outsideScripts.includes(`="${p}`)) out.push(`raw HTML has an attribute starting with ${JSON.stringify(p)}`);
	}
	return out;
}

/** Visits a page, returns its raw HTML, and adds what the DOM and the raw HTML must not hold to `problems`. */
async function visit(page: Page, path: string, rule: ScriptRule, payloads: readonly string[], problems: string[]): Promise<string> {
	const response = await page.goto(path, { waitUntil: 'load' });
	if (response?.status() !== 200) {
		problems.push(`${path}: HTTP ${response?.status()}`);
		return '';
	}
	const html = await response.text();
	for (const p of [...(await domProblems(page, rule)), ...rawProblems(html, payloads)]) problems.push(`${path}: ${p}`);
	return html;
}

/**
 * A page's DOM for the checks: `live`, the page opened in the tab (scripts running, markers watched); otherwise the
 * server's HTML fetched and parsed by Chromium's HTML parser (DOMParser), which is what a visit would build, without
 * the cost of a navigation — so every record's page is checked and a share of them also opened. Returns the HTML for
 * parsed pages (the extractors parse it again) or null for a live one (they read `document`).
 */
async function load(page: Page, path: string, rule: ScriptRule, payloads: readonly string[], problems: string[], live: boolean): Promise<string | null> {
	if (live) {
		await visit(page, path, rule, payloads, problems);
		return null;
	}
	const response = await page.request.get(path);
	if (response.status() !== 200) problems.push(`${path}: HTTP ${response.status()}`);
	const html = await response.text();
	for (const x of [...(await page.evaluate(auditDocument, { rule, html })), ...rawProblems(html, payloads)]) problems.push(`${path}: ${x}`);
	return html;
}

/** Runs `work` over `items` on `width` pages of one context at once. */
async function onPages<T>(context: BrowserContext, width: number, items: readonly T[], work: (page: Page, item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			const page = await context.newPage();
			while (next < items.length) await work(page, items[next++]!);
			await page.close();
		})
	);
}

function expectSame(problems: string[], where: string, got: unknown, want: unknown): void {
	if (got !== want) problems.push(`${where}: got ${JSON.stringify(got)?.slice(0, 200)}, want ${JSON.stringify(want)?.slice(0, 200)}`);
}

function expectAll(problems: string[], where: string, got: Iterable<string>, want: Iterable<string>): void {
	const have = new Set(got);
	const missing = [...want].filter((w) => !have.has(w));
	if (missing.length) problems.push(`${where}: ${missing.length} missing as text, e.g. ${JSON.stringify(missing.slice(0, 3))}`);
}

test('gallery search results, every story page and the adopted model show every payload as text', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const watch: Watch = { dialogs: [] };
	const context = await browser.newContext({ bypassCSP: true });
	await xssContext(context, watch);
	const problems: string[] = [];

	// The search results, page by page: card titles, movements and units; the filters list every unit and movement.
	const titles: string[] = [];
	const movements: string[] = [];
	const units: string[] = [];
	const pages = Math.ceil((N + 1) / 12);
	await onPages(context, 3, Array.from({ length: pages }, (_, i) => i + 1), async (page, n) => {
		const path = `/gallery?q=${tag}${n > 1 ? `&page=${n}` : ''}`;
		await visit(page, path, 'none', P, problems);
		const got = await page.evaluate(() => ({
			cards: Array.from(document.querySelectorAll('[data-testid=gallery-card]')).map((c) => ({
				title: c.querySelector('h2')?.textContent ?? '',
				movement: c.querySelector('.movement')?.textContent ?? '',
				unit: c.querySelector('.meta span')?.textContent ?? ''
			})),
			unitOptions: Array.from(document.querySelectorAll('#gallery-unit option')).map((o) => o.textContent ?? ''),
			movementOptions: Array.from(document.querySelectorAll('#gallery-movement option')).map((o) => o.textContent ?? '')
		}));
		for (const c of got.cards) {
			titles.push(c.title);
			movements.push(c.movement);
			units.push(c.unit);
		}
		if (n === 1) {
			expectAll(problems, `${path} unit filter`, got.unitOptions, P.map((p) => `${p} (1)`));
			expectAll(problems, `${path} movement filter`, got.movementOptions, P.map((p) => `${p} (1)`));
		}
	});
	expectAll(problems, 'gallery card titles', titles, [...P, modelTitle]);
	expectAll(problems, 'gallery card movements', movements, P);
	expectAll(problems, 'gallery card units', units, P);

	// Every story page (every fourth opened, the rest parsed): the text, the facts, the photo caption, and the head's meta and share data as attributes.
	await onPages(context, 4, P.map((_, i) => i), async (page, i) => {
		const p = P[i]!;
		const path = `/gallery/${ids.stories[i]}`;
		const html = await load(page, path, 'share', [p], problems, i % 4 === 0);
		const got = await page.evaluate((html) => {
			const doc = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
			const meta = (k: string) => doc.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content');
			const share = doc.querySelector('[data-share-title]');
			return {
				title: doc.querySelector('head > title')?.textContent,
				h1: doc.querySelector('[data-testid=gallery-story] h1')?.textContent,
				subject: doc.querySelectorAll('.facts dd')[0]?.textContent,
				unit: doc.querySelectorAll('.facts dd')[1]?.textContent,
				body: doc.querySelector('.body')?.textContent,
				caption: doc.querySelector('.photos figcaption')?.textContent,
				alt: doc.querySelector('.photos img')?.getAttribute('alt'),
				og: [meta('og:title'), meta('twitter:title'), meta('description'), meta('og:description'), meta('twitter:description'), meta('og:image:alt')],
				shareTitle: share?.getAttribute('data-share-title'),
				shareUrl: share?.getAttribute('data-share-url')
			};
		}, html);
		const s = summary(storyBody(i));
		expectSame(problems, `${path} <title>`, got.title, `${p} — ${APP}`);
		expectSame(problems, `${path} h1`, got.h1, p);
		expectSame(problems, `${path} subject`, got.subject, `${p} (Cá nhân)`);
		expectSame(problems, `${path} unit`, got.unit, p);
		expectSame(problems, `${path} body`, got.body, storyBody(i));
		expectSame(problems, `${path} figcaption`, got.caption, p);
		expectSame(problems, `${path} img alt`, got.alt, p);
		expectSame(problems, `${path} meta`, JSON.stringify(got.og), JSON.stringify([p, p, s, s, s, p]));
		expectSame(problems, `${path} data-share-title`, got.shareTitle, p);
		expectSame(problems, `${path} data-share-url`, got.shareUrl, `${baseURL}${path}`);
	});

	// The exemplary model: all payloads (long ones too) in its text, and every payload-named unit where it spread.
	const page = await context.newPage();
	const path = `/gallery/${ids.model}`;
	await visit(page, path, 'share', [...P, ...L], problems);
	const got = await page.evaluate(() => ({
		body: document.querySelector('.body')?.textContent,
		description: document.querySelector('meta[name=description]')?.getAttribute('content'),
		adoptions: Array.from(document.querySelectorAll('[data-testid=gallery-adoption]')).map((li) => li.textContent ?? '')
	}));
	expectSame(problems, `${path} body`, got.body, modelBody);
	expectSame(problems, `${path} description`, got.description, summary(modelBody));
	expectAll(problems, `${path} adoptions`, got.adoptions, P.map((p) => `${p} — từ 01/04/${round.year}`));
	await context.close();

	expect([...watch.dialogs.map((d) => `dialog opened: ${d}`), ...problems]).toEqual([]);
});

test('the contests list, every contest page and the collection of entries show every payload as text', async ({ browser }) => {
	test.setTimeout(120_000);
	const watch: Watch = { dialogs: [] };
	const context = await browser.newContext({ bypassCSP: true });
	await xssContext(context, watch);
	const problems: string[] = [];
	const page = await context.newPage();

	await visit(page, '/contests', 'none', [...P, ...L], problems);
	const listed = await page.evaluate(() =>
		Array.from(document.querySelectorAll('[data-testid=public-contest]')).map((li) => `${li.querySelector('h2')?.textContent}\u0000${li.querySelector('p:not(.muted)')?.textContent}`)
	);
	expectAll(problems, '/contests', listed, P.map((p, i) => `${p}\u0000${contestDescription(i)}`));

	// The collection: pen name, title, text and the story each entry is about.
	const collection = `/contests/${ids.contests[0]}`;
	await visit(page, collection, 'none', [...P, ...L], problems);
	const entries = await page.evaluate(() =>
		Array.from(document.querySelectorAll('[data-testid=public-entry]')).map((a) => ({
			id: a.id,
			title: a.querySelector('h3')?.textContent,
			by: a.querySelector('p.muted')?.textContent ?? '',
			about: a.querySelector('p a')?.textContent,
			href: a.querySelector('p a')?.getAttribute('href'),
			body: a.querySelector('.text')?.textContent
		}))
	);
	expectSame(problems, `${collection} entries`, entries.length, N);
	for (const [i, p] of P.entries()) {
		const e = entries.find((x) => x.id === `bai-${ids.entries[i]}`);
		if (!e) {
			problems.push(`${collection}: entry ${i} missing`);
			continue;
		}
		expectSame(problems, `${collection} entry ${i} title`, e.title, p);
		expectSame(problems, `${collection} entry ${i} pen name`, e.by.startsWith(`Bút danh: ${p} · `), true);
		expectSame(problems, `${collection} entry ${i} story`, e.about, p);
		expectSame(problems, `${collection} entry ${i} story link`, e.href, `/gallery/${ids.stories[i]}`);
		expectSame(problems, `${collection} entry ${i} body`, e.body, entryBody(i));
	}
	await page.close();

	// Every contest's own page (every sixth opened, the rest parsed): its title in the head (title, Open Graph) and the page, its description.
	await onPages(context, 4, P.map((_, i) => i), async (tab, i) => {
		const p = P[i]!;
		const path = `/contests/${ids.contests[i]}`;
		const html = await load(tab, path, 'none', [p], problems, i % 6 === 0);
		const got = await tab.evaluate((html) => {
			const doc = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
			return {
				title: doc.querySelector('head > title')?.textContent,
				description: doc.querySelector('meta[name=description]')?.getAttribute('content'),
				og: doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
				h1: doc.querySelector('main h1')?.textContent,
				text: doc.querySelector('main p.muted + p')?.textContent
			};
		}, html);
		expectSame(problems, `${path} <title>`, got.title, `${p} — ${APP}`);
		expectSame(problems, `${path} description`, got.description, contestDescription(i));
		expectSame(problems, `${path} og:title`, got.og, p);
		expectSame(problems, `${path} h1`, got.h1, p);
		expectSame(problems, `${path} description text`, got.text, contestDescription(i));
	});
	await context.close();

	expect([...watch.dialogs.map((d) => `dialog opened: ${d}`), ...problems]).toEqual([]);
});

test('the public standings (hydrated, its data in a script) show payload cluster and unit names as text', async ({ browser }) => {
	const watch: Watch = { dialogs: [] };
	const context = await browser.newContext({ bypassCSP: true });
	await xssContext(context, watch);
	const problems: string[] = [];
	const page = await context.newPage();
	const path = `/standings?round=${round.id}&cluster=${ids.clusters[0]}`;
	await visit(page, path, 'app', P, problems);
	// Hydrated, and the charts drawn (chart.js comes after the table): the client rendered the same names.
	await expect(page.getByTestId('standings-ranking-chart')).toHaveAttribute('data-ready', 'yes');
	for (const p of await domProblems(page, 'app')) problems.push(`${path} after hydration: ${p}`);
	const got = await page.evaluate(() => ({
		title: document.querySelector('head > title')?.textContent,
		og: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
		heading: document.querySelector('[data-testid=standings-heading]')?.textContent,
		clusters: Array.from(document.querySelectorAll('#cluster option')).map((o) => o.textContent ?? ''),
		rows: Array.from(document.querySelectorAll('[data-testid=standings-row]')).map((tr) => {
			const th = tr.querySelector('th.unit');
			const gap = th?.querySelector('.gap-inline')?.textContent ?? '';
			return { attr: tr.getAttribute('data-unit') ?? '', text: (th?.textContent ?? '').slice(0, (th?.textContent ?? '').length - gap.length) };
		})
	}));
	const name = P[0]!;
	expectSame(problems, 'title starts with the cluster', got.title?.startsWith(`Kết quả thi đua đã công bố — ${name} — `), true);
	expectSame(problems, 'og:title starts with the cluster', got.og?.startsWith(`Kết quả thi đua đã công bố — ${name} — `), true);
	expectSame(problems, 'heading starts with the cluster', got.heading?.trim().startsWith(`${name} — `), true);
	expectAll(problems, 'cluster picker', got.clusters, P);
	expectSame(problems, 'standings rows', got.rows.length, N);
	expectAll(problems, 'standings unit names', got.rows.map((r) => r.text), P);
	expectAll(problems, 'standings data-unit', got.rows.map((r) => r.attr), P);
	await context.close();

	expect([...watch.dialogs.map((d) => `dialog opened: ${d}`), ...problems]).toEqual([]);
});

test('a search for a payload shows it as typed in the search box and the title', async ({ browser }) => {
	test.setTimeout(90_000);
	const watch: Watch = { dialogs: [] };
	const context = await browser.newContext({ bypassCSP: true });
	await xssContext(context, watch);
	const problems: string[] = [];
	// Every payload: the server's HTML parsed by Chromium; every tenth also opened as a page, scripts running.
	await onPages(context, 4, P.map((_, i) => i), async (page, i) => {
		const p = P[i]!;
		// As the gallery reads a query (src/lib/server/gallery.ts): control characters become spaces, then trimmed.
		const q = [...p.replace(/\p{Cc}/gu, ' ').trim()].slice(0, 200).join('').trim();
		const path = `/gallery?q=${encodeURIComponent(p)}`;
		const html = await load(page, path, 'none', [q], problems, i % 10 === 0);
		const got = await page.evaluate((html) => {
			const doc = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
			return { title: doc.querySelector('head > title')?.textContent, value: doc.querySelector('#gallery-q')?.getAttribute('value') };
		}, html);
		expectSame(problems, `${path} <title>`, got.title, `Tìm “${q}” trong thư viện — ${APP}`);
		expectSame(problems, `${path} search box`, got.value, q);
	});
	await context.close();
	expect([...watch.dialogs.map((d) => `dialog opened: ${d}`), ...problems]).toEqual([]);
});

test('sitemap.xml stays well-formed with the payload stories in it', async ({ request, page }) => {
	const response = await request.get('/sitemap.xml');
	const xml = await response.text();
	for (const id of [...ids.stories, ids.model]) expect(xml).toContain(`/gallery/${id}</loc>`);
	expect(xml).not.toContain('__xss');
	await page.goto('/');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return { error: doc.querySelector('parsererror')?.textContent ?? null, urls: doc.getElementsByTagName('url').length };
	}, xml);
	expect(parsed.error).toBeNull();
	expect(parsed.urls).toBeGreaterThan(N);
});

test('without the bypass, public pages send the CSP and refuse framing; only SvelteKit’s own inline script is allowed', async ({ browser }) => {
	const context = await browser.newContext();
	await context.route('**/media/**', (route) => route.abort());
	const page = await context.newPage();
	const response = await page.goto(`/gallery/${ids.stories[0]}`);
	const headers = response!.headers();
	const csp = headers['content-security-policy'] ?? '';
	const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
	// A public page has no inline script, so none is allowed: an injected one could not run even if escaping failed.
	expect(directive('script-src')).toBe("script-src 'self'");
	expect(directive('object-src')).toBe("object-src 'none'");
	expect(directive('base-uri')).toBe("base-uri 'self'");
	expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
	expect(csp).not.toContain('unsafe-eval');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['x-content-type-options']).toBe('nosniff');
	// The app's own script still runs under that policy: share.js shows the copy button.
	await expect(page.getByTestId('share-copy')).toBeVisible();

	// The hydrated standings allow exactly one inline script, SvelteKit's (its hash), though their data holds payloads.
	const standings = await page.goto(`/standings?round=${round.id}&cluster=${ids.clusters[0]}`);
	const scriptSrc = (standings!.headers()['content-security-policy'] ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
	expect(scriptSrc.match(/'sha256-[^']+'/g)).toHaveLength(1);
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(standings!.headers()['x-frame-options']).toBe('DENY');
	await context.close();
});
