// Covenants (giao ước thi đua) of one year's clusters: the text, its status and who signed for each member unit.
// Straight against the server: signing is a decision taken online. Every write asks for the row back.
import { getSupabase } from './client';
import { noRow, toCycleError } from './cycle-error';

export type CovenantStatus = 'draft' | 'open' | 'closed';

export interface CovenantSignature {
	signedBy: string;
	signerName: string;
	signedAt: string;
	bodySha256: string;
}

export interface CovenantMember {
	unitId: string;
	unitName: string;
	signature: CovenantSignature | null;
}

export interface Covenant {
	id: string;
	title: string;
	body: string;
	bodySha256: string;
	status: CovenantStatus;
	openedAt: string | null;
	updatedAt: string;
}

export interface ClusterCovenant {
	clusterId: string;
	clusterName: string;
	year: number;
	headUnitId: string | null;
	deputyUnitId: string | null;
	/** Null when the cluster has none yet, or the reader may not see it. */
	covenant: Covenant | null;
	members: CovenantMember[];
}

interface SignatureRow {
	unit_id: string;
	signed_by: string;
	signer_name: string;
	signed_at: string;
	body_sha256: string;
}
interface CovenantRow {
	id: string;
	title: string;
	body: string;
	body_sha256: string;
	status: string;
	opened_at: string | null;
	updated_at: string;
	covenant_signature: SignatureRow[];
}
interface ClusterRow {
	id: string;
	name: string;
	year: number;
	head_unit_id: string | null;
	deputy_unit_id: string | null;
	cluster_member: { unit_id: string; unit: { name: string } | null }[];
	covenant: CovenantRow | CovenantRow[] | null;
}

const COLUMNS =
	'id, name, year, head_unit_id, deputy_unit_id, cluster_member(unit_id, unit(name)), ' +
	'covenant(id, title, body, body_sha256, status, opened_at, updated_at, covenant_signature(unit_id, signed_by, signer_name, signed_at, body_sha256))';

export function toClusterCovenant(row: ClusterRow): ClusterCovenant {
	const c = Array.isArray(row.covenant) ? (row.covenant[0] ?? null) : row.covenant;
	const signatures = new Map((c?.covenant_signature ?? []).map((s) => [s.unit_id, s]));
	return {
		clusterId: row.id,
		clusterName: row.name,
		year: row.year,
		headUnitId: row.head_unit_id,
		deputyUnitId: row.deputy_unit_id,
		covenant: c
			? {
					id: c.id,
					title: c.title,
					body: c.body,
					bodySha256: c.body_sha256,
					status: c.status as CovenantStatus,
					openedAt: c.opened_at,
					updatedAt: c.updated_at
				}
			: null,
		members: row.cluster_member
			.map((m) => {
				const s = signatures.get(m.unit_id);
				return {
					unitId: m.unit_id,
					unitName: m.unit?.name ?? m.unit_id,
					signature: s
						? { signedBy: s.signed_by, signerName: s.signer_name, signedAt: s.signed_at, bodySha256: s.body_sha256 }
						: null
				};
			})
			.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'))
	};
}

/** Clusters of `year` (all of them: clusters are public), each with its covenant if the reader may see it. */
export async function listClusterCovenants(year: number): Promise<ClusterCovenant[]> {
	const { data, error, status } = await getSupabase().from('cluster').select(COLUMNS).eq('year', year).order('name');
	if (error) throw toCycleError(error, status);
	return ((data ?? []) as unknown as ClusterRow[]).map(toClusterCovenant);
}

export async function createCovenant(input: { clusterId: string; title: string; body: string }): Promise<void> {
	const { data, error, status } = await getSupabase()
		.from('covenant')
		.insert({ cluster_id: input.clusterId, title: input.title, body: input.body, status: 'draft' })
		.select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('covenant insert');
}

export async function updateCovenant(
	id: string,
	patch: { title?: string; body?: string; status?: CovenantStatus }
): Promise<void> {
	const { data, error, status } = await getSupabase().from('covenant').update(patch).eq('id', id).select('id');
	if (error) throw toCycleError(error, status);
	if (!data?.length) throw noRow('covenant update');
}

/** Signs for `unitId`: the server records who, when and the hash of the text as it stands. */
export async function signCovenant(covenantId: string, unitId: string): Promise<CovenantSignature> {
	const { data, error, status } = await getSupabase()
		.from('covenant_signature')
		.insert({ covenant_id: covenantId, unit_id: unitId })
		.select('signed_by, signer_name, signed_at, body_sha256');
	if (error) throw toCycleError(error, status);
	const row = data?.[0];
	if (!row) throw noRow('covenant_signature insert');
	return { signedBy: row.signed_by, signerName: row.signer_name, signedAt: row.signed_at, bodySha256: row.body_sha256 };
}
