// The capture form's state: every field of a story as runes, validated with the domain's zod schema. Errors are
// message keys per field (the schema's own keys where it has them), shown beside the fields.
import { storyContentSchema, type StoryContent, type StoryKind } from '$lib/domain/story';
import { isMessageKey, todayInHanoi, type MessageKey } from '$lib/i18n';

export type DraftField =
	| 'kind'
	| 'title'
	| 'body'
	| 'subjectName'
	| 'subjectKind'
	| 'subjectIsMinor'
	| 'occurredOn'
	| 'unitId'
	| 'address'
	| 'consentGivenBy'
	| 'consentMethod'
	| 'movementId';

export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

export class StoryDraft {
	kind = $state<StoryKind>('good_deed');
	title = $state('');
	body = $state('');
	subjectName = $state('');
	subjectKind = $state<StoryContent['subjectKind']>('person');
	subjectIsMinor = $state(false);
	occurredOn = $state(todayInHanoi());
	unitId = $state('');
	address = $state('');
	consentGivenBy = $state('');
	consentMethod = $state<StoryContent['consentMethod']>('written');
	/** '' = not tagged (the select's "none" option); stored as null. */
	movementId = $state('');
	/** Kept from the story being edited, so an edit does not pretend consent was given again. */
	#consentRecordedAt: string | null = null;
	#errors = $state<DraftErrors>({});

	constructor(initial?: { unitId: string; content: StoryContent }) {
		if (!initial) return;
		const c = initial.content;
		this.unitId = initial.unitId;
		this.kind = c.kind;
		this.title = c.title;
		this.body = c.body;
		this.subjectName = c.subjectName;
		this.subjectKind = c.subjectKind;
		this.subjectIsMinor = c.subjectIsMinor;
		this.occurredOn = c.occurredOn;
		this.address = c.address ?? '';
		this.consentGivenBy = c.consentGivenBy;
		this.consentMethod = c.consentMethod;
		this.movementId = c.movementId ?? '';
		this.#consentRecordedAt = c.consentRecordedAt;
	}

	get errors(): DraftErrors {
		return this.#errors;
	}

	/** The valid content, or null with `errors` filled in. `nowIso` stamps consent on a new story. */
	validate(nowIso: string): StoryContent | null {
		const parsed = storyContentSchema.safeParse({
			kind: this.kind,
			title: this.title,
			body: this.body,
			subjectName: this.subjectName,
			subjectKind: this.subjectKind,
			subjectIsMinor: this.subjectIsMinor,
			occurredOn: this.occurredOn,
			address: this.address.trim() === '' ? null : this.address,
			consentGivenBy: this.consentGivenBy,
			consentMethod: this.consentMethod,
			consentRecordedAt: this.#consentRecordedAt ?? nowIso,
			movementId: this.movementId === '' ? null : this.movementId
		});
		const errors: DraftErrors = {};
		if (!this.unitId) errors.unitId = 'form.required';
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = issue.path[0] as DraftField | undefined;
				if (!field || errors[field]) continue;
				errors[field] = isMessageKey(issue.message) ? issue.message : field === 'occurredOn' ? 'form.required' : 'form.invalid';
			}
		}
		this.#errors = errors;
		return parsed.success && !errors.unitId ? parsed.data : null;
	}

	/** Clears a field's error as soon as the person edits it. */
	clearError(field: DraftField): void {
		if (!this.#errors[field]) return;
		const { [field]: _removed, ...rest } = this.#errors;
		this.#errors = rest;
	}
}
