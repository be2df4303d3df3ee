// Which round and cluster a standings page shows: the ones asked for in the address when they exist, otherwise this
// year's latest round and the reader's own cluster (the one they lead or supervise, else the one their unit is in).
import type { StandingsCatalog, StandingsCluster, StandingsRound } from '$lib/remote/standings-api';

export interface StandingsSelection {
	round: StandingsRound;
	cluster: StandingsCluster;
	/** Every cluster of the round's year, for the picker. */
	clusters: StandingsCluster[];
}

export interface SelectionHints {
	roundId?: string | null;
	clusterId?: string | null;
	/** This year in Hanoi. */
	year: number;
	/** Clusters the reader leads or supervises (memberships with a cluster). */
	myClusterIds?: string[];
	/** Units the reader belongs to (any role). */
	myUnitIds?: string[];
}

/** Rounds arrive newest first (year-end before mid-year): this year's first is its latest. */
function defaultRound(rounds: StandingsRound[], year: number): StandingsRound | undefined {
	return rounds.find((r) => r.year === year) ?? rounds[0];
}

function defaultCluster(clusters: StandingsCluster[], hints: SelectionHints): StandingsCluster | undefined {
	const led = hints.myClusterIds ?? [];
	const units = hints.myUnitIds ?? [];
	return (
		clusters.find((c) => led.includes(c.id)) ??
		clusters.find((c) => c.unitIds.some((u) => units.includes(u))) ??
		clusters[0]
	);
}

export function selectStandings(catalog: StandingsCatalog, hints: SelectionHints): StandingsSelection | null {
	const round = catalog.rounds.find((r) => r.id === hints.roundId) ?? defaultRound(catalog.rounds, hints.year);
	if (!round) return null;
	const clusters = catalog.clusters.filter((c) => c.year === round.year);
	const cluster = clusters.find((c) => c.id === hints.clusterId) ?? defaultCluster(clusters, hints);
	if (!cluster) return null;
	return { round, cluster, clusters };
}

/** The criterion groups of a round's criteria set, in their order. */
export function groupsOf(catalog: StandingsCatalog, round: StandingsRound) {
	return catalog.groups.filter((g) => g.criteriaSetId === round.criteriaSetId).sort((a, b) => a.position - b.position);
}
