// Pure rules of the registration screens: the catalogue version in force in a year, the years a unit may register
// for, what the form must hold before it is sent (the database's own limits, said before sending), what a reviewer
// may do with a registration, and who has not registered. No Svelte, no Supabase: unit-tested.
import type {
	CatalogueVersion,
	RegistrationContent,
	RegistrationProgress,
	RegistrationStatus
} from '$lib/remote/registration-api';

export const MAX_TOPICS = 20;
export const MAX_NOTE = 4000;
export const MAX_REASON = 2000;

/**
 * The catalogue a year's registration uses: a version valid during some of that year (valid_to is exclusive), the
 * newest such version when two overlap. The database checks each title the same way.
 */
export function catalogueForYear(versions: readonly CatalogueVersion[], year: number): CatalogueVersion | null {
	const first = `${year}-01-01`;
	const last = `${year}-12-31`;
	const inForce = versions.filter((v) => v.validFrom <= last && (v.validTo === null || v.validTo > first));
	return inForce.reduce<CatalogueVersion | null>((best, v) => (best === null || v.validFrom > best.validFrom ? v : best), null);
}

/** This year always; next year too once the city has published next year's plan. */
export function registrationYears(currentYear: number, publishedPlanYears: readonly number[]): number[] {
	return publishedPlanYears.includes(currentYear + 1) ? [currentYear, currentYear + 1] : [currentYear];
}

/** The unit edits its registration while it is not yet started, a draft, or returned to it. */
export function isEditableByUnit(status: RegistrationStatus | null): boolean {
	return status === null || status === 'draft' || status === 'returned';
}

/** The form as typed: a chosen title maps to its headcount as typed ('' for a collective title). */
export interface RegistrationForm {
	titles: Record<string, string>;
	topics: string[];
	note: string;
}

export type FormIssue =
	| { field: 'titles'; key: 'registration.form.error.noTitle' }
	| { field: 'headcount'; titleId: string; key: 'registration.form.error.headcount' }
	| { field: 'topic'; index: number; key: 'registration.form.error.topic' }
	| { field: 'topics'; key: 'registration.form.error.tooManyTopics' }
	| { field: 'note'; key: 'registration.form.error.note' };

function parseHeadcount(text: string): number | null {
	const n = Number(text.trim());
	return /^\d+$/.test(text.trim()) && n >= 1 && n <= 10000 ? n : null;
}

/**
 * What is wrong with the form. A draft may be saved unfinished (no title yet); sending needs at least one title.
 * Blank topic lines are ignored, any other line needs 3–300 characters.
 */
export function formIssues(form: RegistrationForm, individualIds: ReadonlySet<string>, forSubmit: boolean): FormIssue[] {
	const issues: FormIssue[] = [];
	const chosen = Object.keys(form.titles);
	if (forSubmit && chosen.length === 0) issues.push({ field: 'titles', key: 'registration.form.error.noTitle' });
	for (const titleId of chosen) {
		if (individualIds.has(titleId) && parseHeadcount(form.titles[titleId] ?? '') === null) {
			issues.push({ field: 'headcount', titleId, key: 'registration.form.error.headcount' });
		}
	}
	form.topics.forEach((topic, index) => {
		const length = topic.trim().length;
		if (length > 0 && (length < 3 || length > 300)) issues.push({ field: 'topic', index, key: 'registration.form.error.topic' });
	});
	if (form.topics.filter((t) => t.trim() !== '').length > MAX_TOPICS) issues.push({ field: 'topics', key: 'registration.form.error.tooManyTopics' });
	if (form.note.length > MAX_NOTE) issues.push({ field: 'note', key: 'registration.form.error.note' });
	return issues;
}

/** The form as the server stores it: trimmed topics without blank lines, headcounts only for individual titles. */
export function toContent(form: RegistrationForm, individualIds: ReadonlySet<string>): RegistrationContent {
	const note = form.note.trim();
	return {
		// A topic is one line: pasted line breaks and runs of spaces become single spaces.
		topics: form.topics.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== ''),
		note: note === '' ? null : note,
		titles: Object.entries(form.titles).map(([titleId, headcount]) => ({
			titleId,
			headcount: individualIds.has(titleId) ? parseHeadcount(headcount) : null
		}))
	};
}

/** The form for an existing registration (or an empty one, with one blank topic line to type in). */
export function toForm(content: { titles: { titleId: string; headcount: number | null }[]; topics: string[]; note: string | null } | null): RegistrationForm {
	if (!content) return { titles: {}, topics: [''], note: '' };
	return {
		titles: Object.fromEntries(content.titles.map((t) => [t.titleId, t.headcount === null ? '' : String(t.headcount)])),
		topics: content.topics.length > 0 ? [...content.topics] : [''],
		note: content.note ?? ''
	};
}

export interface ReviewRights {
	canAccept: boolean;
	canReturn: boolean;
	/** Why the person may not act, when they may not: a message key, or null when they may act. */
	blockedKey: string | null;
}

/**
 * What a reader may do with a sent registration. City admins review every unit; cluster leads the units of the
 * clusters they lead, except their own home unit (conflict of interest); city leaders only read.
 */
export function reviewRights(o: {
	status: RegistrationStatus;
	isCityAdmin: boolean;
	leadsUnit: boolean;
	hasConflict: boolean;
}): ReviewRights {
	const mayReview = o.isCityAdmin || (o.leadsUnit && !o.hasConflict);
	const blockedKey = mayReview
		? null
		: o.leadsUnit && o.hasConflict
			? 'registration.review.conflict'
			: 'registration.review.readOnly';
	return {
		canAccept: mayReview && o.status === 'submitted',
		canReturn: mayReview && (o.status === 'submitted' || o.status === 'accepted'),
		blockedKey
	};
}

/** Units of the scope that have sent nothing (no registration, or only a draft the reviewer cannot see). */
export function unitsNotRegistered(progress: readonly RegistrationProgress[]): RegistrationProgress[] {
	const seen = new Set<string>();
	return progress.filter((p) => {
		if (seen.has(p.unitId)) return false;
		seen.add(p.unitId);
		return p.status === null || p.status === 'draft';
	});
}

/** A reviewer's reason for returning: required, at most 2000 characters. */
export function reasonIssue(reason: string): 'registration.review.reasonRequired' | 'registration.review.reasonTooLong' | null {
	const text = reason.trim();
	if (text === '') return 'registration.review.reasonRequired';
	return text.length > MAX_REASON ? 'registration.review.reasonTooLong' : null;
}
