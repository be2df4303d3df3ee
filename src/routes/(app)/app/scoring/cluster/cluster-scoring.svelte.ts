// What /app/scoring/cluster shows and writes: the rounds, the chosen round's criteria and the clusters the person
// leads (or, as a city leader, supervises) that year, the chosen cluster's scores and the units the person may not
// score (his own). Reads open offline from the last answer; each cell is written by the autosave queue.
import { todayInHanoi } from '$lib/i18n';
import {
	defaultRound,
	listClusters,
	listConflictedUnits,
	listRounds,
	loadScores,
	saveScore,
	type ScoreEntry,
	type ScoringRound
} from '$lib/remote/cluster-scoring-api';
import { getCriteriaSetById, type CriterionGroup } from '$lib/remote/criteria-api';
import { CachedQuery } from '$lib/ui/cached-query.svelte';
import { AutosaveQueue } from '$lib/ui/scoring/grid/autosave-queue.svelte';
import { cellKey, indexScores, parseCellKey } from '$lib/ui/scoring/grid/grid-model';
import { classifySaveFailure } from '$lib/ui/scoring/grid/save-failure';
import { session } from '$lib/ui/session.svelte';

export interface GridCluster {
	clusterId: string;
	clusterName: string;
	/** The person leads it (may score); otherwise a supervising city leader reads it. */
	led: boolean;
	members: { unitId: string; unitName: string }[];
}

export interface ClusterGridData {
	roundId: string;
	groups: CriterionGroup[];
	clusters: GridCluster[];
	/** The cluster shown (one of `clusters`), null when the person has none that year. */
	clusterId: string | null;
	scores: ScoreEntry[];
	conflicted: string[];
}

export class ClusterScoringState {
	readonly rounds = new CachedQuery<ScoringRound[]>(() => 'scoring-rounds', listRounds);
	readonly grid: CachedQuery<ClusterGridData | null>;
	readonly queue = new AutosaveQueue({
		save: (r) => saveScore({ ...parseCellKey(r.key), stage: 'cluster', points: r.points, reason: r.reason }),
		classify: classifySaveFailure
	});
	#roundId = $state<string | null>(null);
	#clusterId = $state<string | null>(null);
	#loads: Promise<void> = Promise.resolve();

	constructor() {
		this.grid = new CachedQuery<ClusterGridData | null>(
			() => `cluster-grid:${this.#roundId ?? ''}:${this.#clusterId ?? ''}`,
			() => this.#fetch()
		);
	}

	get roundId(): string | null {
		return this.#roundId;
	}
	get round(): ScoringRound | null {
		return this.rounds.data?.find((r) => r.id === this.#roundId) ?? null;
	}
	/** The grid of the round chosen now (a slow answer for the previous choice is not shown as this one). */
	get data(): ClusterGridData | null {
		const d = this.grid.data;
		return d && d.roundId === this.#roundId ? d : null;
	}
	get cluster(): GridCluster | null {
		const d = this.data;
		return d?.clusters.find((c) => c.clusterId === d.clusterId) ?? null;
	}

	async start(): Promise<void> {
		await this.rounds.load();
		const year = Number(todayInHanoi().slice(0, 4));
		// The person may have picked a round while the list was arriving: that choice stands.
		if (this.#roundId) return;
		this.#roundId = defaultRound(this.rounds.data ?? [], year)?.id ?? null;
		if (this.#roundId) await this.#loadGrid();
	}

	async selectRound(roundId: string): Promise<void> {
		this.#roundId = roundId;
		this.#clusterId = null;
		await this.#loadGrid();
	}

	async selectCluster(clusterId: string): Promise<void> {
		this.#clusterId = clusterId;
		await this.#loadGrid();
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

	async #fetch(): Promise<ClusterGridData | null> {
		const round = this.round;
		if (!round) return null;
		const userId = session.user?.id ?? '';
		const led = session.memberships
			.filter((m) => m.role === 'cluster_lead' && m.year === round.year && m.clusterId)
			.map((m) => m.clusterId as string);
		const [set, all] = await Promise.all([getCriteriaSetById(round.criteriaSetId), listClusters(round.year)]);
		const clusters: GridCluster[] = all
			.filter((c) => led.includes(c.clusterId) || c.supervisorIds.includes(userId))
			.map((c) => ({ clusterId: c.clusterId, clusterName: c.clusterName, led: led.includes(c.clusterId), members: c.members }))
			.sort((a, b) => Number(b.led) - Number(a.led) || a.clusterName.localeCompare(b.clusterName, 'vi'));
		const chosen = clusters.find((c) => c.clusterId === this.#clusterId) ?? clusters[0] ?? null;
		const unitIds = chosen?.members.map((m) => m.unitId) ?? [];
		const [scores, conflicted] = await Promise.all([
			loadScores(round.id, unitIds),
			chosen?.led ? listConflictedUnits(unitIds) : Promise.resolve([])
		]);
		return { roundId: round.id, groups: set.groups, clusters, clusterId: chosen?.clusterId ?? null, scores, conflicted };
	}

	/** Every cell the person may type in gets what the server holds (a value still being typed is kept). */
	#seed(d: ClusterGridData): void {
		const cluster = d.clusters.find((c) => c.clusterId === d.clusterId);
		if (!cluster?.led) return;
		const index = indexScores(d.scores);
		for (const m of cluster.members) {
			if (d.conflicted.includes(m.unitId)) continue;
			for (const g of d.groups) {
				for (const c of g.criteria) {
					const stages = index.get(m.unitId)?.get(c.id);
					const own = stages?.cluster;
					this.queue.seed(cellKey(d.roundId, m.unitId, c.id), {
						max: c.maxPoints,
						below: stages?.self?.points ?? null,
						points: own?.points ?? null,
						reason: own?.reason ?? null
					});
				}
			}
		}
	}
}
