// What /app/scoring/city shows and writes: a round's clusters one at a time with every stage's scores, the decisions
// the round carries, a unit's score history; the city's scores through the autosave queue; publishing and
// corrections through their recorded decisions. Reads open offline from the last answer; writes are online only.
import { todayInHanoi } from '$lib/i18n';
import {
	correctResult,
	listRoundDecisions,
	loadUnitHistory,
	publishRound,
	type RecordedDecision,
	type ScoreChange
} from '$lib/remote/city-review-api';
import {
	defaultRound,
	listClusters,
	listConflictedUnits,
	listRounds,
	loadScores,
	saveScore,
	type ClusterMember,
	type ScoreEntry,
	type ScoringRound
} from '$lib/remote/cluster-scoring-api';
import { getCriteriaSetById, type CriterionGroup } from '$lib/remote/criteria-api';
import { CachedQuery } from '$lib/ui/cached-query.svelte';
import type { CheckedCorrection, CheckedPublish } from '$lib/ui/scoring/city/decision-form';
import { AutosaveQueue } from '$lib/ui/scoring/grid/autosave-queue.svelte';
import { cellKey, indexScores, parseCellKey } from '$lib/ui/scoring/grid/grid-model';
import { classifySaveFailure } from '$lib/ui/scoring/grid/save-failure';

export interface CityClusterData {
	roundId: string;
	groups: CriterionGroup[];
	clusters: { clusterId: string; clusterName: string }[];
	clusterId: string | null;
	members: ClusterMember[];
	scores: ScoreEntry[];
	conflicted: string[];
	decisions: RecordedDecision[];
}

export class CityReviewState {
	readonly rounds = new CachedQuery<ScoringRound[]>(() => 'scoring-rounds', listRounds);
	readonly grid: CachedQuery<CityClusterData | null>;
	readonly queue = new AutosaveQueue({
		save: (r) => saveScore({ ...parseCellKey(r.key), stage: 'city', points: r.points, reason: r.reason }),
		classify: classifySaveFailure,
		onSaved: (key) => {
			if (parseCellKey(key).unitId === this.#openUnitId) void this.loadHistory();
		}
	});
	#roundId = $state<string | null>(null);
	#clusterId = $state<string | null>(null);
	#loads: Promise<void> = Promise.resolve();
	#openUnitId = $state<string | null>(null);
	#history = $state<ScoreChange[] | null>(null);
	#historyFailed = $state(false);

	constructor() {
		this.grid = new CachedQuery<CityClusterData | null>(
			() => `city-review:${this.#roundId ?? ''}:${this.#clusterId ?? ''}`,
			() => this.#fetch()
		);
	}

	get roundId(): string | null {
		return this.#roundId;
	}
	get round(): ScoringRound | null {
		return this.rounds.data?.find((r) => r.id === this.#roundId) ?? null;
	}
	get data(): CityClusterData | null {
		const d = this.grid.data;
		return d && d.roundId === this.#roundId ? d : null;
	}
	get openUnitId(): string | null {
		return this.#openUnitId;
	}
	get history(): ScoreChange[] | null {
		return this.#history;
	}
	get historyFailed(): boolean {
		return this.#historyFailed;
	}

	async start(): Promise<void> {
		await this.rounds.load();
		// The person may have picked a round while the list was arriving: that choice stands.
		if (this.#roundId) return;
		this.#roundId = defaultRound(this.rounds.data ?? [], Number(todayInHanoi().slice(0, 4)))?.id ?? null;
		if (this.#roundId) await this.#loadGrid();
	}

	async selectRound(roundId: string): Promise<void> {
		this.#roundId = roundId;
		this.#clusterId = null;
		this.#openUnitId = null;
		await this.#loadGrid();
	}

	async selectCluster(clusterId: string): Promise<void> {
		this.#clusterId = clusterId;
		this.#openUnitId = null;
		await this.#loadGrid();
	}

	async toggleUnit(unitId: string): Promise<void> {
		this.#openUnitId = this.#openUnitId === unitId ? null : unitId;
		this.#history = null;
		if (this.#openUnitId) await this.loadHistory();
	}

	async loadHistory(): Promise<void> {
		const unitId = this.#openUnitId;
		const roundId = this.#roundId;
		if (!unitId || !roundId) return;
		try {
			const items = await loadUnitHistory(roundId, unitId);
			if (unitId === this.#openUnitId) {
				this.#history = items;
				this.#historyFailed = false;
			}
		} catch {
			this.#historyFailed = true;
		}
	}

	/** Publishes the chosen round; the caller reports success or the refusal. */
	async publish(decision: CheckedPublish): Promise<void> {
		if (!this.#roundId) return;
		await publishRound({ roundId: this.#roundId, ...decision });
		await this.#refreshAll();
	}

	async correct(correction: CheckedCorrection): Promise<void> {
		if (!this.#roundId) return;
		await correctResult({ roundId: this.#roundId, ...correction });
		await this.#refreshAll();
	}

	async #refreshAll(): Promise<void> {
		await this.rounds.load();
		await this.#loadGrid();
		await this.loadHistory();
	}

	/**
	 * One load at a time, in the order asked: a slow answer for an earlier choice can never land after (and over) the
	 * answer for the latest one, because each load reads the choice when it starts.
	 */
	#loadGrid(): Promise<void> {
		const run = this.#loads.then(async () => {
			await this.grid.load();
			const d = this.data;
			if (d) {
				this.#clusterId = d.clusterId;
				this.#seed(d);
			}
		});
		this.#loads = run.catch(() => undefined);
		return run;
	}

	async #fetch(): Promise<CityClusterData | null> {
		const round = this.round;
		if (!round) return null;
		const [set, clusters] = await Promise.all([getCriteriaSetById(round.criteriaSetId), listClusters(round.year)]);
		const chosen = clusters.find((c) => c.clusterId === this.#clusterId) ?? clusters[0] ?? null;
		const unitIds = chosen?.members.map((m) => m.unitId) ?? [];
		const [scores, conflicted, decisions] = await Promise.all([
			loadScores(round.id, unitIds),
			listConflictedUnits(unitIds),
			listRoundDecisions({ id: round.id, year: round.year, publishedAt: round.publishedAt, decisionId: round.decision?.id ?? null })
		]);
		return {
			roundId: round.id,
			groups: set.groups,
			clusters: clusters.map((c) => ({ clusterId: c.clusterId, clusterName: c.clusterName })),
			clusterId: chosen?.clusterId ?? null,
			members: chosen?.members ?? [],
			scores,
			conflicted,
			decisions
		};
	}

	#seed(d: CityClusterData): void {
		const index = indexScores(d.scores);
		for (const m of d.members) {
			if (d.conflicted.includes(m.unitId)) continue;
			for (const g of d.groups) {
				for (const c of g.criteria) {
					const stages = index.get(m.unitId)?.get(c.id);
					this.queue.seed(cellKey(d.roundId, m.unitId, c.id), {
						max: c.maxPoints,
						below: stages?.cluster?.points ?? null,
						points: stages?.city?.points ?? null,
						reason: stages?.city?.reason ?? null
					});
				}
			}
		}
	}
}
