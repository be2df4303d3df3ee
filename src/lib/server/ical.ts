// The iCalendar feed (RFC 5545) of a person's milestones, built from the rows of the `calendar_feed` RPC. Owns the
// event design and the feed's text; must not read the database or know who the person is (the rows carry no
// personal data, and neither may the feed). Generation, escaping and 75-octet folding are ical-generator's.
import { TZDate } from '@date-fns/tz';
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod, ICalEventTransparency, escape } from 'ical-generator';
import { formatDate, TIME_ZONE, type Catalog, type Locale, type MessageKey, type MessageParams } from '$lib/i18n';
import { en } from '$lib/i18n/messages-en';
import { vi } from '$lib/i18n/messages-vi';
import type { Database } from '$lib/remote/story-rows';

export type CalendarFeedRow = Database['public']['Functions']['calendar_feed']['Returns'][number];

/** Calendar apps poll the feed; plans change a few times a year, so a few hours is fresh enough. */
export const FEED_REFRESH_SECONDS = 6 * 60 * 60;

/**
 * Hanoi has been UTC+07:00 without daylight saving since 13/06/1975 (before: +08:00). A fixed definition is exact
 * for every date the app handles and keeps the feed free of a timezone database.
 */
const HANOI_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TIME_ZONE}`,
	'BEGIN:STANDARD',
	'DTSTART:19750613T000000',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0700',
	'TZNAME:+07',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

const HOUR_S = 60 * 60;
const DAY_S = 24 * HOUR_S;
/** The event is the last hour before the deadline, 23:00–24:00 of the last day (see `addMilestone`). */
const EVENT_LENGTH_S = HOUR_S;
/** Reminders at 08:00 Hanoi time, counted back from the deadline (00:00 of `due_on`): 16 h before is 08:00 the day before. */
const MORNING_BEFORE_S = 16 * HOUR_S;
const ALARMS = [
	{ secondsBefore: 6 * DAY_S + MORNING_BEFORE_S, key: 'calendar.feed.alarmWeek' },
	{ secondsBefore: MORNING_BEFORE_S, key: 'calendar.feed.alarmLastDay' }
] as const satisfies readonly { secondsBefore: number; key: MessageKey }[];

export interface BuildCalendarFeedOptions {
	rows: readonly CalendarFeedRow[];
	/** DTSTAMP: when this copy of the feed was made (injected so tests are deterministic). */
	now: Date;
	/** Where a person follows progress in the app (the deadlines page); linked from each event when given. */
	appUrl?: string;
	locale?: Locale;
}

/** One UID per milestone, the same in every copy of the feed and across token rotations: apps update, not duplicate. */
export function milestoneUid(milestoneId: string): string {
	return `milestone-${milestoneId}@thi-dua-khen-thuong`;
}

export function buildCalendarFeed(opts: BuildCalendarFeedOptions): string {
	const text = textIn(opts.locale ?? 'vi');
	const calendar = ical({
		prodId: { company: 'MTTQ Viet Nam TP Ha Noi', product: 'Thi dua - Khen thuong', language: 'VI' },
		method: ICalCalendarMethod.PUBLISH,
		// ical-generator writes the calendar's name and description unescaped: escape them here.
		name: escape(text('calendar.feed.name'), false),
		description: escape(text('calendar.feed.description'), false),
		// No calendar-wide zone name: ical-generator would then write DTSTAMP and LAST-MODIFIED in local time, which
		// RFC 5545 forbids (they must be UTC). The generator alone adds the VTIMEZONE for the events' TZID.
		timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? HANOI_VTIMEZONE : null) },
		ttl: FEED_REFRESH_SECONDS
	});
	calendar.x('X-WR-TIMEZONE', TIME_ZONE);
	for (const row of opts.rows) addMilestone(calendar, row, { now: opts.now, appUrl: opts.appUrl, text });
	return calendar.toString();
}

type Text = (key: MessageKey, params?: MessageParams) => string;
type Calendar = ReturnType<typeof ical>;

/**
 * A milestone "trước ngày D" closes at 00:00 of D in Hanoi. Its event is the hour 23:00–24:00 of the day before, in
 * Asia/Ho_Chi_Minh: it sits on the last day one can still deliver (where people look), ends exactly at the deadline
 * whatever the reader's time zone, and is marked free so it does not block meetings. An all-day event would be a
 * floating date that moves with the reader's zone, and an event at 00:00 of D would show on the day already too late.
 */
function addMilestone(calendar: Calendar, row: CalendarFeedRow, o: { now: Date; appUrl?: string; text: Text }): void {
	const { text } = o;
	const deadline = new Date(row.deadline_at);
	const date = formatDate(row.due_on);
	const summary = text('calendar.feed.summary', { title: row.title });
	const description = [
		text('calendar.feed.deliverable', { deliverable: row.deliverable }),
		text('calendar.feed.due', { date }),
		text('calendar.feed.responsible', { party: responsibleParty(row.responsible, text) }),
		text('calendar.feed.plan', { year: row.year }),
		...(o.appUrl ? [text('calendar.feed.open', { url: o.appUrl })] : [])
	].join('\n');
	const event = calendar.createEvent({
		id: milestoneUid(row.milestone_id),
		timezone: TIME_ZONE,
		// TZDate renders the instant as Hanoi wall time whatever the server's own zone is.
		start: new TZDate(deadline.getTime() - EVENT_LENGTH_S * 1000, TIME_ZONE),
		end: new TZDate(deadline.getTime(), TIME_ZONE),
		stamp: o.now,
		lastModified: new Date(row.updated_at),
		summary,
		description,
		transparency: ICalEventTransparency.TRANSPARENT,
		url: o.appUrl ?? null
	});
	// Relative to the end (the deadline), so the reminders stay put if the event's length ever changes.
	for (const alarm of ALARMS) {
		event
			.createAlarm({
				type: ICalAlarmType.display,
				trigger: alarm.secondsBefore,
				description: text(alarm.key, { title: row.title, date })
			})
			.relatesTo(ICalAlarmRelatesTo.end);
	}
}

function responsibleParty(responsible: string, text: Text): string {
	switch (responsible) {
		case 'unit':
			return text('calendar.feed.responsible.unit');
		case 'cluster':
			return text('calendar.feed.responsible.cluster');
		case 'council':
			return text('calendar.feed.responsible.council');
		default:
			return responsible;
	}
}

/** The feed is read by calendar apps, not the app: its language is explicit, never the module-wide current locale. */
function textIn(locale: Locale): Text {
	const table: Catalog = locale === 'en' ? en : vi;
	return (key, params) =>
		table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params?.[name] === undefined ? whole : String(params[name])));
}
