// Every Vietnamese message module, merged: the reference catalogue (its keys are the type of `t`), compiled into
// every client bundle so the app speaks Vietnamese offline from the first paint.
import { messages as appVi } from './messages/app.vi';
import { messages as captureVi } from './messages/capture.vi';
import { messages as syncVi } from './messages/sync.vi';
import { messages as adminVi } from './messages/admin.vi';
import { messages as planVi } from './messages/plan.vi';
import { messages as movementVi } from './messages/movement.vi';
import { messages as registrationVi } from './messages/registration.vi';
import { messages as covenantVi } from './messages/covenant.vi';
import { messages as deadlineVi } from './messages/deadline.vi';
import { messages as calendarVi } from './messages/calendar.vi';
import { messages as criteriaVi } from './messages/criteria.vi';
import { messages as assessmentVi } from './messages/assessment.vi';
import { messages as standingsVi } from './messages/standings.vi';
import { messages as nominationVi } from './messages/nomination.vi';
import { messages as contestVi } from './messages/contest.vi';

export const vi = {
	...appVi,
	...captureVi,
	...syncVi,
	...adminVi,
	...planVi,
	...movementVi,
	...registrationVi,
	...covenantVi,
	...deadlineVi,
	...calendarVi,
	...criteriaVi,
	...assessmentVi,
	...standingsVi,
	...nominationVi,
	...contestVi,
} as const;
