import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, loadLocale, localeFromCookie, setLocale, t, tKey, todayInHanoi } from './index';
import { en } from './messages-en';
import { vi } from './messages-vi';

const catalogs = { vi, en };
import { storyContentSchema } from '$lib/domain/story';

describe('messages', () => {
	it('has an English message for every Vietnamese key', () => {
		const missing = Object.keys(catalogs.vi).filter((key) => !Object.hasOwn(catalogs.en, key));
		expect(missing).toEqual([]);
	});

	it('has no English key that Vietnamese lacks', () => {
		const extra = Object.keys(catalogs.en).filter((key) => !Object.hasOwn(catalogs.vi, key));
		expect(extra).toEqual([]);
	});

	it('has no empty message', () => {
		const empty = Object.entries({ ...catalogs.vi, ...catalogs.en }).filter(([, text]) => text.trim() === '');
		expect(empty).toEqual([]);
	});

	it('translates every message key the story schema can emit', () => {
		const invalid = storyContentSchema.safeParse({
			kind: 'good_deed',
			title: 'x',
			body: 'x',
			subjectName: '',
			subjectKind: 'person',
			subjectIsMinor: true,
			occurredOn: '2025-01-01',
			address: null,
			consentGivenBy: '',
			consentMethod: 'written',
			consentRecordedAt: '2025-01-01T00:00:00+07:00'
		});
		const keys = invalid.error?.issues.map((i) => i.message) ?? [];
		expect(keys.length).toBeGreaterThan(3);
		for (const key of keys) expect(Object.hasOwn(catalogs.vi, key), key).toBe(true);
	});

	it('fills parameters and falls back for unknown keys', async () => {
		await loadLocale('en');
		setLocale('vi');
		expect(t('syncBadge.pending', { count: 3 })).toBe('3 chờ gửi');
		expect(tKey('no.such.key')).toBe(catalogs.vi['error.unknown']);
		setLocale('en');
		expect(t('syncBadge.pending', { count: 3 })).toBe('3 waiting');
		setLocale('vi');
	});

	it('reads the locale from the cookie, defaulting to Vietnamese', () => {
		expect(localeFromCookie('a=1; lang=en')).toBe('en');
		expect(localeFromCookie('lang=fr')).toBe('vi');
		expect(localeFromCookie('')).toBe('vi');
	});
});

describe('dates', () => {
	it('shows calendar dates as dd/mm/yyyy without shifting them', () => {
		expect(formatDate('2025-07-01')).toBe('01/07/2025');
	});

	it('shows instants as the date in Hanoi, not in UTC', () => {
		// 18:30 UTC on 31/12 is already 01:30 on 01/01 in Hanoi (UTC+7).
		expect(formatDate('2024-12-31T18:30:00Z')).toBe('01/01/2025');
		expect(formatDateTime('2024-12-31T18:30:00Z')).toBe('01/01/2025 01:30');
	});

	it('gives today in Hanoi as yyyy-mm-dd', () => {
		expect(todayInHanoi(new Date('2025-06-30T17:05:00Z'))).toBe('2025-07-01');
	});
});

describe('message modules', () => {
	it('never define the same key twice (a later module would silently win)', async () => {
		const modules = await Promise.all([
			import('./messages/app.vi'),
			import('./messages/capture.vi'),
			import('./messages/sync.vi'),
			import('./messages/admin.vi')
		]);
		const seen = new Map<string, number>();
		for (const m of modules) for (const key of Object.keys(m.messages)) seen.set(key, (seen.get(key) ?? 0) + 1);
		expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
	});
});
