// The secret calendar address a calendar app subscribes to: GET /calendar/<token>.ics. Calendar apps cannot sign in,
// so the token is the only key; the anonymous `calendar_feed` RPC answers a known token's milestones and nothing for
// an unknown or revoked one (404). The feed holds plan milestones only, never personal data. The token is not logged.
import { error } from '@sveltejs/kit';
import { buildCalendarFeed, type CalendarFeedRow } from '$lib/server/ical';
import { getAnonSupabase } from '$lib/server/supabase';
import type { RequestHandler } from './$types';

/** issue_calendar_token() hands out 48 hex digits; anything far from that shape is refused before the database. */
const TOKEN = /^[0-9a-f]{32,128}$/;

export const GET: RequestHandler = async ({ params, url }) => {
	if (!TOKEN.test(params.token)) error(404);
	const { data, error: rpcError } = await getAnonSupabase().rpc('calendar_feed', { p_token: params.token });
	// Calendar apps retry later on a 503; a 404 would tell them the address is gone.
	if (rpcError) error(503);
	const rows = (data ?? []) as CalendarFeedRow[];
	// Empty is either "unknown or revoked address" (404: the calendar app drops it) or "known, no milestone for the
	// holder's roles yet" (an empty calendar that fills in when the city publishes a plan).
	if (rows.length === 0) {
		const { data: valid, error: checkError } = await getAnonSupabase().rpc('calendar_token_valid', { p_token: params.token });
		if (checkError) error(503);
		if (!valid) error(404);
	}
	const body = buildCalendarFeed({ rows, now: new Date(), appUrl: new URL('/app/deadlines', url.origin).href });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="tien-do-thi-dua.ics"',
			// The address is a secret: no shared cache keeps it; a few minutes spare the database on app re-polls.
			'cache-control': 'private, max-age=300',
			'x-robots-tag': 'noindex, nofollow'
		}
	});
};
