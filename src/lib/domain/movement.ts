// What a movement is: a movement (phong trào: regular, periodic, thematic) or a campaign (cuộc vận động) launched by
// the city for a year, mirroring public.movement (supabase/migrations/*_yearly_cycle.sql). One zod schema validates
// the city admin's form; pure rules group, order and pick movements. Pure.
// zod/mini: the same validation as classic zod in a fraction of the bytes (the capture page's JS budget, TARGETS P2).
import * as z from 'zod/mini';
import { isCalendarDate } from './calendar-date';

/** In the order the screens list them: the three kinds of movement, then campaigns. */
export const movementKinds = ['regular', 'periodic', 'thematic', 'campaign'] as const;
export const movementStatuses = ['draft', 'launched'] as const;

export type MovementKind = (typeof movementKinds)[number];
export type MovementStatus = (typeof movementStatuses)[number];

export interface Movement {
	id: string;
	year: number;
	kind: MovementKind;
	name: string;
	content: string;
	/** yyyy-mm-dd */
	startsOn: string;
	/** yyyy-mm-dd, or null for a movement that runs without an end date (thường xuyên). */
	endsOn: string | null;
	criteriaNote: string | null;
	status: MovementStatus;
	launchedAt: string | null;
}

/** A real calendar date as yyyy-mm-dd (2025-02-30 is refused, as Postgres's `date` refuses it). */
const isoDate = z.string('movement.field.dateInvalid').check(z.refine(isCalendarDate, 'movement.field.dateInvalid'));
const optionalText = (max: number, key: string) =>
	z.nullable(
		z.pipe(
			z.string('form.invalid').check(z.trim(), z.maxLength(max, key)),
			z.transform((s: string) => (s === '' ? null : s))
		)
	);

/**
 * What the city admin writes. Messages are i18n keys, resolved by the UI: every issue, down to a wrong type, names a
 * sentence of the catalogue (movementDraftSchema's fuzz test holds that for any input).
 */
export const movementDraftSchema = z
	.object(
		{
			year: z.int('movement.field.yearInvalid').check(z.minimum(2000, 'movement.field.yearInvalid'), z.maximum(2100, 'movement.field.yearInvalid')),
			kind: z.enum(movementKinds, 'form.invalid'),
			name: z.string('form.invalid').check(z.trim(), z.minLength(3, 'movement.field.nameTooShort'), z.maxLength(300, 'movement.field.nameTooLong')),
			content: z.string('form.invalid').check(z.trim(), z.maxLength(20000, 'movement.field.contentTooLong')),
			startsOn: isoDate,
			endsOn: z.nullable(isoDate),
			criteriaNote: optionalText(2000, 'movement.field.criteriaTooLong')
		},
		'form.invalid'
	)
	.check(
		z.refine((m) => m.endsOn === null || m.endsOn >= m.startsOn, {
			message: 'movement.field.endsBeforeStart',
			path: ['endsOn']
		})
	);
export type MovementDraft = z.infer<typeof movementDraftSchema>;

/** Hanoi keeps UTC+07:00 all year: the movement year of an instant is its calendar year there. */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The current year in Hanoi (movements, like the whole cycle, are launched per year). */
export function hanoiYear(now: Date = new Date()): number {
	return new Date(now.getTime() + HANOI_OFFSET_MS).getUTCFullYear();
}

/** Only a draft can be deleted; a launched movement stays (stories point at it), and never goes back to draft. */
export function canDeleteMovement(m: Pick<Movement, 'status'>): boolean {
	return m.status === 'draft';
}

export function canLaunchMovement(m: Pick<Movement, 'status'>): boolean {
	return m.status === 'draft';
}

/** Kind order, then start date, then name (Vietnamese collation). */
export function compareMovements(a: Movement, b: Movement): number {
	return (
		movementKinds.indexOf(a.kind) - movementKinds.indexOf(b.kind) ||
		a.startsOn.localeCompare(b.startsOn) ||
		a.name.localeCompare(b.name, 'vi')
	);
}

/** Non-empty groups in the order of `movementKinds`. */
export function groupMovementsByKind(list: readonly Movement[]): { kind: MovementKind; movements: Movement[] }[] {
	const sorted = [...list].sort(compareMovements);
	return movementKinds
		.map((kind) => ({ kind, movements: sorted.filter((m) => m.kind === kind) }))
		.filter((g) => g.movements.length > 0);
}

export interface MovementChoice {
	id: string;
	name: string;
	kind: MovementKind | null;
}

/**
 * What a story can be tagged with: the launched movements of `year`. A story already tagged keeps its movement as a
 * choice even when it is not among them (last year's, or not yet known on this device), so editing never drops it.
 */
export function movementChoices(o: {
	movements: readonly Movement[];
	year: number;
	currentId?: string | null;
	currentName?: string | null;
}): MovementChoice[] {
	const launched = o.movements
		.filter((m) => m.status === 'launched' && m.year === o.year)
		.sort(compareMovements)
		.map((m) => ({ id: m.id, name: m.name, kind: m.kind }));
	if (!o.currentId || launched.some((c) => c.id === o.currentId)) return launched;
	const known = o.movements.find((m) => m.id === o.currentId);
	const current = known
		? { id: known.id, name: known.name, kind: known.kind }
		: { id: o.currentId, name: o.currentName ?? '', kind: null };
	return [...launched, current];
}
