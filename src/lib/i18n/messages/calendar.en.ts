// English messages of the calendar feed: the secret-address page and the feed's text; mirrors every key of
// calendar.vi.ts.
import type { messages as vi } from './calendar.vi';

export const messages = {
	'nav.calendar': 'Calendar',
	'calendar.title': 'Milestones in your calendar',
	'calendar.lead':
		"Put the milestones of the emulation and commendation plan into the calendar app on your phone or computer (iPhone Calendar, Google Calendar, Outlook…). The calendar updates itself when the city changes the plan, and reminds you 7 days and 1 day before each deadline.",
	'calendar.howItShows':
		'Each milestone shows as an event from 23:00 to 24:00 (Hanoi time) on the last day you can still deliver: "before 14/01" shows on the evening of 13/01 and closes exactly at 00:00 on 14/01.',
	'calendar.privacy':
		'The calendar address is secret: anyone who has it can see these milestones (no personal data). Do not post it publicly.',
	'calendar.needsConnection': 'You need a connection to see, create or turn off your calendar address. Connect, then open this page again.',
	'calendar.loading': 'Checking your calendar address…',
	'calendar.loadFailed': 'Could not check your calendar address.',
	'calendar.retry': 'Try again',
	'calendar.status.none': 'You have no calendar address yet.',
	'calendar.status.active': 'You have a calendar address, created at {time}.',
	'calendar.status.hidden':
		'For safety the address is shown only once, when it is created. If you no longer have it, create a new one.',
	'calendar.create': 'Create calendar address',
	'calendar.rotate': 'Create a new address',
	'calendar.rotateWarning':
		'The old address stops working at once: calendars subscribed with it stop updating and must subscribe again with the new one.',
	'calendar.rotateConfirm': 'Yes, create a new address',
	'calendar.cancel': 'Cancel',
	'calendar.created': 'Calendar address created. Copy or open it now: it is shown only once.',
	'calendar.yourAddress': 'Your calendar address',
	'calendar.urlLabel': 'Address (https)',
	'calendar.copy': 'Copy address',
	'calendar.copied': 'Calendar address copied.',
	'calendar.copyFailed': 'Could not copy. Tap the address field, select all and copy it.',
	'calendar.openWebcal': 'Open in calendar app',
	'calendar.howToSubscribe':
		'iPhone, iPad, Mac, Outlook: tap "Open in calendar app". Google Calendar (Android too): on a computer open calendar.google.com → Settings → Add calendar → From URL and paste the https address above; it shows on your phone after a few minutes.',
	'calendar.refreshNote': 'Calendar apps reload every few hours; changes to the plan may show up late.',
	'calendar.turnOff': 'Turn off calendar',
	'calendar.turnOffWarning':
		'The calendar address stops working at once; calendar apps will report an error or remove the milestones at their next update. You can create a new address at any time.',
	'calendar.turnOffConfirm': 'Yes, turn it off',
	'calendar.turnedOff': 'Calendar address turned off.',
	'calendar.error.failed': 'That did not work. Please try again in a few minutes.',
	'calendar.feed.name': 'Emulation and commendation deadlines (Hanoi Fatherland Front)',
	'calendar.feed.description':
		'Milestones of the emulation and commendation plan of the Vietnam Fatherland Front Committee of Hanoi for your roles.',
	'calendar.feed.summary': 'Due: {title}',
	'calendar.feed.deliverable': 'Deliverable: {deliverable}',
	'calendar.feed.due': 'Deadline: before {date} (closes at 00:00 on {date}, Hanoi time).',
	'calendar.feed.responsible': 'Responsible: {party}',
	'calendar.feed.responsible.unit': 'Unit',
	'calendar.feed.responsible.cluster': 'Emulation cluster',
	'calendar.feed.responsible.council': 'Emulation, Commendation and Discipline Council',
	'calendar.feed.plan': 'Emulation and commendation plan {year}.',
	'calendar.feed.open': 'See progress in the app: {url}',
	'calendar.feed.alarmWeek': '7 days left: {title} (before {date})',
	'calendar.feed.alarmLastDay': 'Last day today: {title} (before {date})'
} as const satisfies Record<keyof typeof vi, string>;
