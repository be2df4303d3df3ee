// The public gallery's search (20261125001300_public_search.sql) as the anonymous role: diacritics and đ ignored,
// the phrase as typed ranked first, prefixes while typing, filters, published stories only, no personal data in the
// answer, LIKE wildcards taken literally, and the facets the filters offer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, newStoryRow, serviceClient, UNIT_BA_DINH, UNIT_DONG_ANH } from './helpers';

const service = serviceClient();
const anon = anonClient();
const tag = `tim${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}`;
const REPORTER = 'aaaaaaaa-0000-4000-8000-000000000001';
const stories = {
	exact: newStoryRow(UNIT_BA_DINH, { author_id: REPORTER, status: 'published', published_at: new Date(Date.now() - 60_000).toISOString(), title: `${tag} Đường làng sạch đẹp nhờ đội tự quản`, kind: 'exemplary_model' }),
	loose: newStoryRow(UNIT_DONG_ANH, { author_id: REPORTER, status: 'published', published_at: new Date().toISOString(), title: `${tag} Con đường, làng quê sạch đẹp`, body: 'Mức giảm 100% phí vệ sinh cho hộ nghèo trong khu dân cư.' }),
	unpublished: newStoryRow(UNIT_BA_DINH, { author_id: REPORTER, status: 'submitted', title: `${tag} Đường làng sạch đẹp chưa đăng` })
};

type Hit = Record<string, unknown> & { id: string; title: string; exact: boolean; total: number };
async function search(args: Record<string, unknown>): Promise<Hit[]> {
	const { data, error } = await anon.rpc('search_public_stories', args);
	if (error) throw new Error(error.message);
	return data as Hit[];
}

beforeAll(async () => {
	const { error } = await service.from('story').insert(Object.values(stories));
	if (error) throw new Error(error.message);
});
afterAll(async () => {
	await service.from('story').delete().in('id', Object.values(stories).map((s) => s.id as string));
});

describe('search_public_stories', () => {
	it('finds the same stories with or without diacritics, đ as d, the phrase as typed first', async () => {
		const typed = await search({ p_query: `${tag} Đường làng sạch đẹp` });
		expect(typed.map((h) => h.id)).toEqual([stories.exact.id, stories.loose.id]);
		expect(typed.map((h) => h.exact)).toEqual([true, false]);
		expect(typed[0]!.total).toBe(2);
		const folded = await search({ p_query: `${tag.toUpperCase()} duong lang sach dep` });
		expect(folded.map((h) => h.id).sort()).toEqual([stories.exact.id, stories.loose.id].sort());
		expect(folded.every((h) => !h.exact)).toBe(true);
	});

	it('matches the last word as a prefix while typing, and every word is needed', async () => {
		expect((await search({ p_query: `${tag} duong la` })).map((h) => h.id).sort()).toEqual([stories.exact.id, stories.loose.id].sort());
		expect(await search({ p_query: `${tag} duong lang xyzkhongco` })).toEqual([]);
	});

	it('filters by kind and unit, together with the words', async () => {
		expect((await search({ p_query: tag, p_kind: 'exemplary_model' })).map((h) => h.id)).toEqual([stories.exact.id]);
		expect((await search({ p_query: tag, p_unit: UNIT_DONG_ANH })).map((h) => h.id)).toEqual([stories.loose.id]);
		expect(await search({ p_query: tag, p_unit: UNIT_DONG_ANH, p_kind: 'exemplary_model' })).toEqual([]);
		expect((await search({ p_query: tag, p_year: 2026 })).length).toBe(2);
	});

	it('never returns unpublished stories or personal data, and takes wildcards literally', async () => {
		const hits = await search({ p_query: tag, p_limit: 48 });
		expect(hits.map((h) => h.id)).not.toContain(stories.unpublished.id);
		for (const column of ['address', 'author_id', 'consent_given_by', 'consent_method', 'body', 'subject_name']) {
			expect(Object.keys(hits[0]!)).not.toContain(column);
		}
		expect((await search({ p_query: '100%' })).map((h) => h.id)).toContain(stories.loose.id);
		expect(await search({ p_query: `${tag} %` })).toHaveLength(2);
		expect(await search({ p_query: "'; select 1; --" })).toEqual([]);
	});

	it('offers as filters only units, movements and years that have published stories', async () => {
		const { data, error } = await anon.rpc('gallery_facets');
		expect(error).toBeNull();
		const units = (data as { facet: string; id: string }[]).filter((f) => f.facet === 'unit').map((f) => f.id);
		expect(units).toContain(UNIT_BA_DINH);
		expect((data as { facet: string }[]).every((f) => ['unit', 'movement', 'year'].includes(f.facet))).toBe(true);
	});
});
