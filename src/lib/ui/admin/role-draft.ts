// From the role form's strings to a grant the database accepts (or null when the scope is incomplete).
import { grantSchema, normaliseGrant, type AdminRole, type Grant } from './role-scope';

export function toGrant(draft: { role: AdminRole; unitId: string; clusterId: string }, year: number): Grant | null {
	const parsed = grantSchema.safeParse(
		normaliseGrant({ role: draft.role, unitId: draft.unitId || null, clusterId: draft.clusterId || null, year })
	);
	return parsed.success ? parsed.data : null;
}
