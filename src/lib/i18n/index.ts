// Typed UI messages: Vietnamese compiled into the bundle so the app speaks it offline; English, the second locale,
// loaded on demand (precached with the app, so it works offline too).
// Also the one place that formats dates: dd/mm/yyyy in Asia/Ho_Chi_Minh, whatever the device's time zone.
import { vi } from './messages-vi';

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const LOCALE_COOKIE = 'lang';

export type MessageKey = keyof typeof vi;
export type Catalog = Record<MessageKey, string>;

// The catalogues at hand: Vietnamese always; English once loaded (`loadLocale`) or registered (the server).
const tables: Partial<Record<Locale, Catalog>> = { vi };
export type MessageParams = Record<string, string | number>;

// One locale per page: the server renders one request at a time synchronously (set by the public layout before
// any text renders), and the browser holds one user's choice (cookie), so a module variable is enough.
let current: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function setLocale(locale: Locale): void {
	current = locale;
}

/** The server registers every catalogue at start; the browser loads the one it needs with `loadLocale`. */
export function registerCatalog(locale: Locale, table: Catalog): void {
	tables[locale] = table;
}

/** Makes `locale`'s messages available (a no-op for Vietnamese, or once loaded); call before rendering text. */
export async function loadLocale(locale: Locale): Promise<void> {
	if (tables[locale]) return;
	if (locale === 'en') registerCatalog('en', (await import('./messages-en')).en);
}

/** The catalogue of `locale` when at hand, else Vietnamese (what `t` shows). */
export function catalogOf(locale: Locale): Catalog {
	return tables[locale] ?? vi;
}

export function getLocale(): Locale {
	return current;
}

/** Reads the locale cookie in the browser (the client-rendered app has no server round trip to learn it). */
export function localeFromCookie(cookie: string): Locale {
	const match = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookie);
	return isLocale(match?.[1]) ? match[1] : 'vi';
}

function interpolate(template: string, params?: MessageParams): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		return value === undefined ? whole : String(value);
	});
}

/** The message for `key` in the current locale; falls back to Vietnamese if a translation is missing. */
export function t(key: MessageKey, params?: MessageParams): string {
	const table: Partial<Catalog> = tables[current] ?? vi;
	return interpolate(table[key] ?? vi[key], params);
}

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(vi, key);
}

/** For keys that arrive as data (zod issues, error classes): unknown keys show the generic `fallback`. */
export function tKey(key: string, params?: MessageParams, fallback: MessageKey = 'error.unknown'): string {
	return t(isMessageKey(key) ? key : fallback, params);
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function partsInHanoi(date: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: TIME_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(date);
	const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/mm/yyyy. A calendar date (yyyy-mm-dd) is shown as is; an instant is shown as the date in Hanoi. */
export function formatDate(value: string | Date): string {
	if (typeof value === 'string') {
		const m = ISO_DATE.exec(value);
		if (m) return `${m[3]}/${m[2]}/${m[1]}`;
	}
	const date = typeof value === 'string' ? new Date(value) : value;
	if (Number.isNaN(date.getTime())) return '';
	const p = partsInHanoi(date);
	return `${p.day}/${p.month}/${p.year}`;
}

/** dd/mm/yyyy HH:mm in Hanoi. */
export function formatDateTime(value: string | Date): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	if (Number.isNaN(date.getTime())) return '';
	const p = partsInHanoi(date);
	return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Hanoi as yyyy-mm-dd (the value of a date input). */
export function todayInHanoi(now: Date = new Date()): string {
	const p = partsInHanoi(now);
	return `${p.year}-${p.month}-${p.day}`;
}

/** In the client-rendered app: take the reader's choice from the cookie and mirror it on <html lang>. */
export async function initClientLocale(): Promise<void> {
	if (typeof document === 'undefined') return;
	const locale = localeFromCookie(document.cookie);
	await loadLocale(locale).catch(() => undefined);
	setLocale(tables[locale] ? locale : 'vi');
	document.documentElement.lang = current;
}

/** Switches language in the client-rendered app (works offline: no server round trip), then reloads. */
export function switchClientLocale(locale: Locale): void {
	document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
	location.reload();
}
