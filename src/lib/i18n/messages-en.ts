// Every English message module, merged. Loaded on demand in the browser (only readers who chose English download
// it: it is half the catalogue's weight) and statically on the server; each module is typed against its
// Vietnamese twin, so a missing key fails the type check.
import type { vi } from './messages-vi';
import { messages as appEn } from './messages/app.en';
import { messages as captureEn } from './messages/capture.en';
import { messages as syncEn } from './messages/sync.en';
import { messages as adminEn } from './messages/admin.en';
import { messages as planEn } from './messages/plan.en';
import { messages as movementEn } from './messages/movement.en';
import { messages as registrationEn } from './messages/registration.en';
import { messages as covenantEn } from './messages/covenant.en';
import { messages as deadlineEn } from './messages/deadline.en';
import { messages as calendarEn } from './messages/calendar.en';
import { messages as criteriaEn } from './messages/criteria.en';
import { messages as assessmentEn } from './messages/assessment.en';
import { messages as standingsEn } from './messages/standings.en';
import { messages as nominationEn } from './messages/nomination.en';
import { messages as contestEn } from './messages/contest.en';

export const en: Record<keyof typeof vi, string> = {
	...appEn,
	...captureEn,
	...syncEn,
	...adminEn,
	...planEn,
	...movementEn,
	...registrationEn,
	...covenantEn,
	...deadlineEn,
	...calendarEn,
	...criteriaEn,
	...assessmentEn,
	...standingsEn,
	...nominationEn,
	...contestEn,
};
