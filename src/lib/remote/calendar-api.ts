// The signed-in person's secret calendar address, straight against the server (no outbox: a secret is issued and
// revoked online). The database keeps only the token's hash, so the token exists once: in the answer to issuing it.
// Failures are thrown as RemoteError; what they mean for the person is decided by sync/classify-error.
import { getSupabase } from './client';
import { RemoteError, toRestError } from './remote-error';

export interface CalendarAddress {
	/** When the current address was issued (ISO); rotating replaces it. */
	createdAt: string;
}

/** The person's current address, or null if they have none (RLS shows each person only their own row). */
export async function readCalendarAddress(): Promise<CalendarAddress | null> {
	const { data, error, status } = await getSupabase().from('calendar_token').select('created_at').maybeSingle();
	if (error) throw toRestError(error, status);
	return data ? { createdAt: data.created_at } : null;
}

/** A new secret token; any earlier address of the person stops working at once. */
export async function issueCalendarToken(): Promise<string> {
	const { data, error, status } = await getSupabase().rpc('issue_calendar_token');
	if (error) throw toRestError(error, status);
	if (typeof data !== 'string' || data === '') {
		throw new RemoteError({ source: 'rest', status, code: '', message: 'issue_calendar_token returned no token' });
	}
	return data;
}

/**
 * Deletes the person's address. RLS filters deletes silently, so when no row comes back the address is read again:
 * gone (turned off elsewhere) is success, still there is a failure — never report "off" while the feed still works.
 */
export async function turnOffCalendarAddress(userId: string): Promise<void> {
	const { data, error, status } = await getSupabase().from('calendar_token').delete().eq('user_id', userId).select('user_id');
	if (error) throw toRestError(error, status);
	if ((data?.length ?? 0) > 0) return;
	if (await readCalendarAddress()) {
		throw new RemoteError({ source: 'rest', status: 403, code: '42501', message: 'calendar_token delete returned no row' });
	}
}

/** The addresses a calendar app subscribes to; the path is the route src/routes/(public)/calendar/[token].ics. */
export function calendarFeedUrls(origin: string, token: string): { https: string; webcal: string } {
	const https = new URL(`/calendar/${encodeURIComponent(token)}.ics`, origin).href;
	// webcal:// tells the device to subscribe (not download once); it is fetched over the page's own scheme.
	return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
