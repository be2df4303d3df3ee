// The city admin's movement form as runes: every field of public.movement the admin writes, validated with the
// domain's zod schema; errors are message keys per field, shown beside the fields.
import { movementDraftSchema, type Movement, type MovementDraft, type MovementKind } from '$lib/domain/movement';
import { isMessageKey, type MessageKey } from '$lib/i18n';

export type MovementField = keyof MovementDraft;
export type MovementErrors = Partial<Record<MovementField, MessageKey>>;

export class MovementFormState {
	name = $state('');
	kind = $state<MovementKind>('regular');
	year = $state(2000);
	content = $state('');
	startsOn = $state('');
	/** '' = no end date. */
	endsOn = $state('');
	criteriaNote = $state('');
	#errors = $state<MovementErrors>({});

	/** A new movement for `year` starts on 1 January; an existing one is edited as it is. */
	constructor(from: { year: number } | { movement: Movement }) {
		if ('movement' in from) {
			const m = from.movement;
			this.name = m.name;
			this.kind = m.kind;
			this.year = m.year;
			this.content = m.content;
			this.startsOn = m.startsOn;
			this.endsOn = m.endsOn ?? '';
			this.criteriaNote = m.criteriaNote ?? '';
		} else {
			this.year = from.year;
			this.startsOn = `${from.year}-01-01`;
		}
	}

	get errors(): MovementErrors {
		return this.#errors;
	}

	validate(): MovementDraft | null {
		const parsed = movementDraftSchema.safeParse({
			year: this.year,
			kind: this.kind,
			name: this.name,
			content: this.content,
			startsOn: this.startsOn,
			endsOn: this.endsOn === '' ? null : this.endsOn,
			criteriaNote: this.criteriaNote
		});
		const errors: MovementErrors = {};
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = issue.path[0] as MovementField | undefined;
				if (!field || errors[field]) continue;
				errors[field] = isMessageKey(issue.message) ? issue.message : 'form.invalid';
			}
		}
		this.#errors = errors;
		return parsed.success ? parsed.data : null;
	}

	clearError(field: MovementField): void {
		if (!this.#errors[field]) return;
		const { [field]: _removed, ...rest } = this.#errors;
		this.#errors = rest;
	}
}
