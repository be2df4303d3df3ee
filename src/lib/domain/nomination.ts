// Award nominations (đề nghị khen thưởng) as the screens reason about them: the steps, who holds a nomination at
// each step (so everyone sees where it is stuck), what a person may do with it, and which documents are missing.
// The database decides every write (20261125001200_nominations.sql); this only decides what to offer.

export const NOMINATION_STATUSES = [
	'draft', 'submitted', 'cluster_reviewed', 'appraised', 'voting', 'approved', 'not_approved', 'returned', 'withdrawn'
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export type Occasion = 'year_end' | 'kncc' | 'ad_hoc';
export type NomineeKind = 'individual' | 'collective';
export const DOCUMENT_KINDS = ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban_xet', 'ban_khai', 'khac'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type Vote = 'approve' | 'reject' | 'abstain';

/** Who must act next: the unit (to finish or fix it), the cluster, the city office, the council, or nobody. */
export type Holder = 'unit' | 'cluster' | 'city' | 'council' | 'none';

export function holderOf(status: NominationStatus): Holder {
	switch (status) {
		case 'draft':
		case 'returned':
			return 'unit';
		case 'submitted':
			return 'cluster';
		case 'cluster_reviewed':
		case 'appraised':
			return 'city';
		case 'voting':
			return 'council';
		default:
			return 'none';
	}
}

/** The steps in order, for the progress line. */
export const NOMINATION_STEPS = ['draft', 'submitted', 'cluster_reviewed', 'appraised', 'voting', 'approved'] as const;

/**
 * The step being worked on now (the ones before it are done): a draft or a returned nomination is being prepared by
 * the unit; once sent, the cluster's review is pending; then the appraisal; an appraised one waits for the vote.
 * A decided or withdrawn nomination is past the last step (every step done).
 */
export function currentStep(status: NominationStatus): number {
	switch (status) {
		case 'draft':
		case 'returned':
			return 0;
		case 'submitted':
			return 2;
		case 'cluster_reviewed':
			return 3;
		case 'appraised':
		case 'voting':
			return 4;
		default:
			return NOMINATION_STEPS.length;
	}
}

export interface AwardFormLike {
	appliesTo: NomineeKind[];
	proposers: ('unit' | 'cluster')[];
	requirements: Partial<Record<Occasion, DocumentKind[]>>;
}

export function occasionsOf(form: AwardFormLike): Occasion[] {
	return (['ad_hoc', 'year_end', 'kncc'] as const).filter((o) => form.requirements[o] !== undefined);
}

/** The documents the dossier still lacks for its form and occasion, in the catalogue's order. */
export function missingDocuments(form: AwardFormLike, occasion: Occasion, present: Iterable<DocumentKind>): DocumentKind[] {
	const have = new Set(present);
	return (form.requirements[occasion] ?? []).filter((d) => !have.has(d));
}

/** Whether the form may be proposed by this kind of proposer for this kind of nominee. */
export function formFits(form: AwardFormLike, proposer: 'unit' | 'cluster', kind: NomineeKind): boolean {
	return form.proposers.includes(proposer) && form.appliesTo.includes(kind);
}

/** The roles (as the session knows them) that bear on one nomination. */
export interface Actor {
	/** An officer of the nomination's unit (for a unit's proposal) or the cluster lead who proposed it. */
	isProposer: boolean;
	/** Leads the nomination's cluster and is not from its unit, or a city admin. */
	isClusterReviewer: boolean;
	isCityAdmin: boolean;
	isCouncilMember: boolean;
}

export type NominationAction =
	| 'edit' | 'submit' | 'withdraw' | 'discard' | 'clusterReview' | 'return' | 'appraise' | 'openVoting' | 'vote' | 'decide';

/** What to offer; the database refuses anything else anyway. */
export function allowedActions(status: NominationStatus, actor: Actor): NominationAction[] {
	const actions: NominationAction[] = [];
	if (actor.isProposer && (status === 'draft' || status === 'returned')) actions.push('edit', 'submit', 'withdraw');
	if (actor.isProposer && status === 'draft') actions.push('discard');
	if (actor.isProposer && status === 'submitted') actions.push('withdraw');
	if (status === 'submitted' && actor.isClusterReviewer) actions.push('clusterReview', 'return');
	if (status === 'cluster_reviewed' && actor.isCityAdmin) actions.push('appraise', 'return');
	if (status === 'appraised' && actor.isCityAdmin) actions.push('openVoting', 'return');
	if (status === 'voting' && actor.isCouncilMember) actions.push('vote');
	if (status === 'voting' && actor.isCityAdmin) actions.push('decide', 'return');
	return actions;
}

/** Whole days a nomination has waited at its current step (the "stuck since" of the list). */
export function daysWaiting(since: string, now: Date = new Date()): number {
	return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));
}
