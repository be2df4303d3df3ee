// Which scope each role names (mirrors the database's membership_scope_matches_role check): unit roles a unit,
// cluster leads a cluster (and optionally their home unit), city roles nothing. Pure: used by the grant form,
// the account form and the server endpoint, so all three refuse the same things before the database does.
// zod/mini: classic zod's validation in a fraction of the bytes (the admin screens' JS budget, TARGETS P2).
import * as z from 'zod/mini';

export const ROLES = ['reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export type AdminRole = (typeof ROLES)[number];
export type RoleScope = 'unit' | 'cluster' | 'city';

export function scopeOf(role: AdminRole): RoleScope {
	if (role === 'reporter' || role === 'unit_officer') return 'unit';
	return role === 'cluster_lead' ? 'cluster' : 'city';
}

export const grantSchema = z
	.object({
		role: z.enum(ROLES),
		unitId: z.nullable(z.guid()),
		clusterId: z.nullable(z.guid()),
		year: z.int().check(z.minimum(2000), z.maximum(2100))
	})
	.check(
		z.superRefine((g, ctx) => {
			const scope = scopeOf(g.role);
			if (scope === 'unit' && (!g.unitId || g.clusterId)) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'unit' });
			if (scope === 'cluster' && !g.clusterId) ctx.addIssue({ code: 'custom', path: ['clusterId'], message: 'cluster' });
			if (scope === 'city' && (g.unitId || g.clusterId)) ctx.addIssue({ code: 'custom', path: ['role'], message: 'city' });
		})
	);
export type Grant = z.infer<typeof grantSchema>;

/** Drops the scope fields a role does not use (the form keeps them while the person switches roles). */
export function normaliseGrant(g: Grant): Grant {
	const scope = scopeOf(g.role);
	return {
		role: g.role,
		year: g.year,
		unitId: scope === 'city' ? null : g.unitId,
		clusterId: scope === 'cluster' ? g.clusterId : null
	};
}

export const newAccountSchema = z.object({
	email: z.email().check(z.maxLength(254)),
	password: z.string().check(z.minLength(8), z.maxLength(72)),
	fullName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
	grant: grantSchema
});
export type NewAccount = z.infer<typeof newAccountSchema>;
