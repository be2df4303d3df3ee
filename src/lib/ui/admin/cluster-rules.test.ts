import { describe, expect, it } from 'vitest';
import type { ClusterRow } from '$lib/remote/admin-api';
import { canAddMember, canRemoveMember } from './cluster-rules';
import { grantSchema, normaliseGrant } from './role-scope';

const cluster = (id: string, memberIds: string[], head: string | null = null): ClusterRow => ({
	id,
	year: 2026,
	name: `Cụm ${id}`,
	headUnitId: head,
	deputyUnitId: null,
	memberIds,
	leaderIds: []
});

describe('cluster membership rules', () => {
	const clusters = [cluster('1', ['u1', 'u2'], 'u1'), cluster('2', ['u3'])];

	it('refuses a unit that already belongs to another cluster of the year, naming that cluster', () => {
		const check = canAddMember(clusters, '2', 'u1');
		expect(check).toMatchObject({ ok: false, reason: 'inOther', otherCluster: { name: 'Cụm 1' } });
		expect(canAddMember(clusters, '2', 'u9')).toEqual({ ok: true });
		expect(canAddMember(clusters, '1', 'u2')).toEqual({ ok: false, reason: 'already' });
	});

	it('keeps the head unit in its cluster until another head is chosen', () => {
		expect(canRemoveMember(clusters[0]!, 'u1')).toBe(false);
		expect(canRemoveMember(clusters[0]!, 'u2')).toBe(true);
	});
});

describe('role scopes', () => {
	const id = '11111111-1111-4111-8111-000000000001';
	// Seeded units have md5-derived ids, which are not RFC 4122 UUIDs: the schema must still accept them.
	const md5Id = '3d5e8a3f-92b2-fe2a-77a9-1d3a0f0f0c2b';

	it('asks a unit of unit roles, a cluster of cluster leads and nothing of city roles', () => {
		expect(grantSchema.safeParse({ role: 'reporter', unitId: md5Id, clusterId: null, year: 2026 }).success).toBe(true);
		expect(grantSchema.safeParse({ role: 'reporter', unitId: null, clusterId: null, year: 2026 }).success).toBe(false);
		expect(grantSchema.safeParse({ role: 'cluster_lead', unitId: null, clusterId: id, year: 2026 }).success).toBe(true);
		expect(grantSchema.safeParse({ role: 'city_admin', unitId: id, clusterId: null, year: 2026 }).success).toBe(false);
	});

	it('drops the scope a role does not use before it is sent', () => {
		expect(normaliseGrant({ role: 'city_leader', unitId: id, clusterId: id, year: 2026 })).toEqual({
			role: 'city_leader',
			unitId: null,
			clusterId: null,
			year: 2026
		});
	});
});
