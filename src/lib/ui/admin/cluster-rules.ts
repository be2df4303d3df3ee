// Pure rules of the clusters screen: a unit belongs to at most one cluster per year (checked here before writing;
// the database does not enforce it yet), and head / deputy are members and differ.
import type { ClusterRow } from '$lib/remote/admin-api';

/** unit id → the cluster (of these, one year's) it already belongs to. */
export function clusterOfUnit(clusters: readonly ClusterRow[]): Map<string, ClusterRow> {
	const owner = new Map<string, ClusterRow>();
	for (const c of clusters) for (const unitId of c.memberIds) if (!owner.has(unitId)) owner.set(unitId, c);
	return owner;
}

export type MemberCheck = { ok: true } | { ok: false; reason: 'inOther'; otherCluster: ClusterRow } | { ok: false; reason: 'already' };

/** May `unitId` join `clusterId` this year? Not if it is in another cluster of the same year (or already in this one). */
export function canAddMember(clusters: readonly ClusterRow[], clusterId: string, unitId: string): MemberCheck {
	const owner = clusterOfUnit(clusters).get(unitId);
	if (!owner) return { ok: true };
	return owner.id === clusterId ? { ok: false, reason: 'already' } : { ok: false, reason: 'inOther', otherCluster: owner };
}

/** A member may not leave while it is the cluster's head or deputy: the cluster would point at a non-member. */
export function canRemoveMember(cluster: ClusterRow, unitId: string): boolean {
	return cluster.headUnitId !== unitId && cluster.deputyUnitId !== unitId;
}
