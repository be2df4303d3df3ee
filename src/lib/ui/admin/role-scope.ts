// Which scope each role names (mirrors the database's membership_scope_matches_role check): unit roles a unit,
// cluster leads a cluster (and optionally their home unit), city roles nothing. Pure: used by the grant form,
// the account form and the server endpoint, so all three refuse the same things before the database does.
// zod/mini: the same validation as classic zod in a fraction of the bytes (the capture page's JS budget, TARGETS P2).
import * as z from 'zod/mini';

export const ROLES = ['reporter', 'unit_officer', 'cluster_lead', 'city_leader', 'city_admin', 'council_member'] as const;
export type AdminRole = (typeof ROLES)[number];
export type RoleScope = 'unit' | 'cluster' | 'city';

export function scopeOf(role: AdminRole): RoleScope {
	if (role === 'reporter' || role === 'unit_officer') return 'unit';
	return role === 'cluster_lead' ? 'cluster' : 'city';
}

export const grantSchema = z
	.object(
		{
			role: z.enum(ROLES, 'form.invalid'),
			unitId: z.nullable(z.guid('form.invalid')),
			clusterId: z.nullable(z.guid('form.invalid')),
			year: z.int('form.invalid').check(z.minimum(2000, 'form.invalid'), z.maximum(2100, 'form.invalid'))
		},
		'form.invalid'
	)
	.check(
		z.superRefine((g, ctx) => {
			const scope = scopeOf(g.role);
			if (scope === 'unit' && (!g.unitId || g.clusterId)) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'admin.required' });
			if (scope === 'cluster' && !g.clusterId) ctx.addIssue({ code: 'custom', path: ['clusterId'], message: 'admin.required' });
			if (scope === 'city' && (g.unitId || g.clusterId)) ctx.addIssue({ code: 'custom', path: ['role'], message: 'form.invalid' });
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

export const newAccountSchema = z.object(
	{
		email: z.email('form.invalid').check(z.maxLength(254, 'form.invalid')),
		password: z.string('form.invalid').check(z.minLength(8, 'form.invalid'), z.maxLength(72, 'form.invalid')),
		fullName: z.string('form.invalid').check(z.trim(), z.minLength(1, 'admin.required'), z.maxLength(200, 'form.invalid')),
		grant: grantSchema
	},
	'form.invalid'
);
export type NewAccount = z.infer<typeof newAccountSchema>;
