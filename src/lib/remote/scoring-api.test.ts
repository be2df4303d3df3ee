// The scoring writes against a stand-in Supabase client: which calls go out, and how each answer (a row, no row, a
// refusal) becomes a result or a sentence for the person. The database rules themselves are tested in supabase/tests.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = { data: unknown; error: { message: string; code?: string } | null; status: number };

/** Records every call of a PostgREST chain; each awaited chain takes the next answer. */
function fakeClient() {
	const answers: Answer[] = [];
	const calls: { table?: string; rpc?: string; steps: [string, unknown[]][] }[] = [];
	function chain(entry: (typeof calls)[number]) {
		const proxy: Record<string, unknown> = new Proxy(
			{},
			{
				get(_t, prop: string) {
					if (prop === 'then') {
						const answer = answers.shift() ?? { data: null, error: { message: 'no answer queued' }, status: 500 };
						return (resolve: (a: Answer) => void) => resolve(answer);
					}
					return (...args: unknown[]) => {
						entry.steps.push([prop, args]);
						return proxy;
					};
				}
			}
		);
		return proxy;
	}
	const client = {
		from(table: string) {
			const entry = { table, steps: [] as [string, unknown[]][] };
			calls.push(entry);
			return chain(entry);
		},
		rpc(name: string, args: unknown) {
			const entry = { rpc: name, steps: [['args', [args]]] as [string, unknown[]][] };
			calls.push(entry);
			return chain(entry);
		}
	};
	return { client, answers, calls };
}

let fake = fakeClient();
vi.mock('./client', () => ({ getSupabase: () => fake.client }));

const { saveScore, REASON_REQUIRED_KEY } = await import('./cluster-scoring-api');
const { publishRound, correctResult, listRoundDecisions, DUPLICATE_NUMBER_KEY } = await import('./city-review-api');
const { CycleError } = await import('./cycle-error');

const KEY = { roundId: 'r', unitId: 'u', criterionId: 'c', stage: 'cluster' as const };
const ok = (data: unknown): Answer => ({ data, error: null, status: 200 });
const refused = (code: string, message: string, status = 400): Answer => ({ data: null, error: { code, message }, status });

beforeEach(() => {
	fake = fakeClient();
});

describe('saveScore', () => {
	it('updates the existing score and answers what the server holds', async () => {
		fake.answers.push(ok([{ points: 7.5, reason: 'Thiếu biên bản' }]));
		await expect(saveScore({ ...KEY, points: 7.5, reason: 'Thiếu biên bản' })).resolves.toEqual({ points: 7.5, reason: 'Thiếu biên bản' });
		expect(fake.calls).toHaveLength(1);
		expect(fake.calls[0]!.steps[0]).toEqual(['update', [{ points: 7.5, reason: 'Thiếu biên bản' }]]);
		expect(fake.calls[0]!.steps[1]).toEqual(['match', [{ round_id: 'r', unit_id: 'u', criterion_id: 'c', stage: 'cluster' }]]);
	});

	it('inserts when there was no score yet (never an upsert: the grants refuse it)', async () => {
		fake.answers.push(ok([]), ok([{ points: 8, reason: null }]));
		await expect(saveScore({ ...KEY, points: 8, reason: null })).resolves.toEqual({ points: 8, reason: null });
		expect(fake.calls.map((c) => c.steps[0]![0])).toEqual(['update', 'insert']);
		expect(fake.calls[1]!.steps[0]![1]).toEqual([{ round_id: 'r', unit_id: 'u', criterion_id: 'c', stage: 'cluster', points: 8, reason: null }]);
		expect(fake.calls.flatMap((c) => c.steps.map((s) => s[0]))).not.toContain('upsert');
	});

	it('updates again when the score was written meanwhile (the insert met the key)', async () => {
		fake.answers.push(ok([]), refused('23505', 'duplicate key'), ok([{ points: 8, reason: null }]));
		await expect(saveScore({ ...KEY, points: 8, reason: null })).resolves.toEqual({ points: 8, reason: null });
		expect(fake.calls.map((c) => c.steps[0]![0])).toEqual(['update', 'insert', 'update']);
	});

	it('keeps the database’s "reason needed" refusal apart, with its sentence', async () => {
		const sentence = 'Điểm khác điểm đơn vị tự chấm (8.50): cần ghi lý do';
		fake.answers.push(ok([]), refused('23514', sentence));
		const error = await saveScore({ ...KEY, points: 6, reason: null }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CycleError);
		expect((error as InstanceType<typeof CycleError>).messageKey).toBe(REASON_REQUIRED_KEY);
		expect((error as InstanceType<typeof CycleError>).params).toEqual({ detail: sentence });
	});

	it('reports a refusal by row-level security as refused, and a write that came back empty as a failure', async () => {
		fake.answers.push(ok([]), refused('42501', 'new row violates row-level security policy for table "score"', 403));
		await expect(saveScore({ ...KEY, points: 6, reason: null })).rejects.toMatchObject({ messageKey: 'cycle.error.refused' });
		fake.answers.push(ok([]), ok([]));
		await expect(saveScore({ ...KEY, points: 6, reason: null })).rejects.toMatchObject({ messageKey: 'cycle.error.notAllowed' });
	});

	it('withdraws a score by deleting it, and calls a delete that removed nothing a failure', async () => {
		fake.answers.push(ok([{ points: 8 }]));
		await expect(saveScore({ ...KEY, points: null, reason: null })).resolves.toEqual({ points: null, reason: null });
		expect(fake.calls[0]!.steps[0]![0]).toBe('delete');
		fake.answers.push(ok([]));
		await expect(saveScore({ ...KEY, points: null, reason: null })).rejects.toMatchObject({ messageKey: 'cycle.error.notAllowed' });
	});

	it('says "offline" when no answer came back', async () => {
		fake.answers.push(refused('', 'TypeError: fetch failed', 0));
		await expect(saveScore({ ...KEY, points: 6, reason: 'x' })).rejects.toMatchObject({ messageKey: 'error.offline' });
	});
});

describe('publishRound', () => {
	const input = { roundId: 'r', number: ' 120/QĐ-MTTQ-BTT ', signedOn: '2026-11-20', title: ' Quyết định công bố kết quả ' };

	it('asks publish_round with the trimmed decision and answers its id', async () => {
		fake.answers.push(ok('decision-id'));
		await expect(publishRound(input)).resolves.toBe('decision-id');
		expect(fake.calls[0]).toEqual({
			rpc: 'publish_round',
			steps: [['args', [{ p_round: 'r', p_number: '120/QĐ-MTTQ-BTT', p_signed_on: '2026-11-20', p_title: 'Quyết định công bố kết quả' }]]]
		});
	});

	it('says the number is taken when the year already has that decision number', async () => {
		fake.answers.push(refused('23505', 'duplicate key value violates unique constraint "decision_year_number_key"', 409));
		await expect(publishRound(input)).rejects.toMatchObject({ messageKey: DUPLICATE_NUMBER_KEY });
	});

	it('shows the database’s sentence when the round is already published', async () => {
		fake.answers.push(refused('42501', 'Đợt đánh giá đã được công bố', 403));
		await expect(publishRound(input)).rejects.toMatchObject({
			messageKey: 'cycle.error.refused',
			params: { detail: 'Đợt đánh giá đã được công bố' }
		});
	});

	it('calls an empty answer a failure, never a success', async () => {
		fake.answers.push(ok(null));
		await expect(publishRound(input)).rejects.toMatchObject({ messageKey: 'cycle.error.notAllowed' });
	});
});

describe('correctResult', () => {
	const input = { roundId: 'r', unitId: 'u', criterionId: 'c', points: 7.5, number: ' 130/QĐ ', signedOn: '2026-11-25', reason: ' Bổ sung biên bản ' };

	it('asks correct_result with every field of the new decision', async () => {
		fake.answers.push(ok('correction-id'));
		await expect(correctResult(input)).resolves.toBe('correction-id');
		expect(fake.calls[0]!.rpc).toBe('correct_result');
		expect(fake.calls[0]!.steps[0]![1]).toEqual([
			{ p_round: 'r', p_unit: 'u', p_criterion: 'c', p_points: 7.5, p_number: '130/QĐ', p_signed_on: '2026-11-25', p_reason: 'Bổ sung biên bản' }
		]);
	});

	it('shows why the database refused (an open round is not corrected, it is scored)', async () => {
		fake.answers.push(refused('22023', 'Chỉ điều chỉnh kết quả đã công bố'));
		await expect(correctResult(input)).rejects.toMatchObject({
			messageKey: 'cycle.error.invalid',
			params: { detail: 'Chỉ điều chỉnh kết quả đã công bố' }
		});
	});
});

describe('listRoundDecisions', () => {
	const round = { id: 'r', year: 2026, publishedAt: '2026-11-20T08:00:00+00:00', decisionId: 'd1' };
	const decision = (id: string, kind: string) => ({
		id,
		kind,
		number: `N-${id}`,
		signed_on: '2026-11-20',
		title: 'QĐ',
		reason: kind === 'correction' ? 'x' : null,
		created_at: id
	});

	it('reads the publishing decision and the year’s corrections since, leaving out those the history ties to another round', async () => {
		fake.answers.push(ok([decision('d1', 'publish'), decision('d2', 'correction'), decision('d3', 'correction')]), ok([{ decision_id: 'd3' }]));
		const decisions = await listRoundDecisions(round);
		expect(decisions.map((d) => [d.kind, d.number])).toEqual([
			['publish', 'N-d1'],
			['correction', 'N-d2']
		]);
		expect(fake.calls[0]!.steps).toContainEqual(['eq', ['year', 2026]]);
		expect(fake.calls[0]!.steps).toContainEqual(['or', ['id.eq.d1,and(kind.eq.correction,created_at.gte."2026-11-20T08:00:00+00:00")']]);
		expect(fake.calls[1]!.steps).toContainEqual(['in', ['decision_id', ['d2', 'd3']]]);
		expect(fake.calls[1]!.steps).toContainEqual(['neq', ['round_id', 'r']]);
	});

	it('asks nothing for a round not published yet', async () => {
		await expect(listRoundDecisions({ ...round, publishedAt: null, decisionId: null })).resolves.toEqual([]);
		expect(fake.calls).toHaveLength(0);
	});
});
