// What the admin screens read, loaded once per screen and reloaded after each write: units with their lineage,
// one year's clusters, people with that year's roles. Names are looked up here so components stay simple.
import {
	listClusters,
	listLineage,
	listPeople,
	listUnits,
	type ClusterRow,
	type LineageEdge,
	type Person,
	type UnitRow
} from '$lib/remote/admin-api';
import { todayInHanoi } from '$lib/i18n';
import { reportAdminError } from './admin-action.svelte';
import { currentYearInHanoi, isCurrentOn } from './unit-rules';

export { currentYearInHanoi };

export class AdminData {
	#units = $state<UnitRow[] | null>(null);
	#lineage = $state<LineageEdge[]>([]);
	#clusters = $state<ClusterRow[]>([]);
	#people = $state<Person[]>([]);
	#year = $state(currentYearInHanoi());
	#loadFailed = $state(false);
	// Rebuilt (never mutated) when the rows change, so plain records are enough.
	#unitNames = $derived(Object.fromEntries((this.#units ?? []).map((u) => [u.id, u.name])) as Record<string, string>);
	#personNames = $derived(Object.fromEntries(this.#people.map((p) => [p.userId, p.fullName])) as Record<string, string>);
	readonly #want: { clusters: boolean; people: boolean };

	constructor(want: { clusters?: boolean; people?: boolean } = {}) {
		this.#want = { clusters: want.clusters ?? false, people: want.people ?? false };
	}

	get units(): readonly UnitRow[] | null {
		return this.#units;
	}
	get lineage(): readonly LineageEdge[] {
		return this.#lineage;
	}
	get clusters(): readonly ClusterRow[] {
		return this.#clusters;
	}
	get people(): readonly Person[] {
		return this.#people;
	}
	get year(): number {
		return this.#year;
	}
	get loadFailed(): boolean {
		return this.#loadFailed;
	}
	/** Units valid today in Hanoi: the only ones that may join a cluster, be merged or split, or scope a new role. */
	get currentUnits(): UnitRow[] {
		const today = todayInHanoi();
		return (this.#units ?? []).filter((u) => isCurrentOn(u, today));
	}

	unitName(id: string | null): string {
		return id ? (this.#unitNames[id] ?? id) : '';
	}
	clusterName(id: string | null): string {
		return id ? (this.#clusters.find((c) => c.id === id)?.name ?? id) : '';
	}
	personName(id: string): string {
		return this.#personNames[id] ?? id;
	}

	async setYear(year: number): Promise<void> {
		this.#year = year;
		await this.reload();
	}

	async reload(): Promise<void> {
		try {
			const [units, lineage, clusters, people] = await Promise.all([
				listUnits(),
				listLineage(),
				this.#want.clusters ? listClusters(this.#year) : Promise.resolve([]),
				this.#want.people ? listPeople(this.#year) : Promise.resolve([])
			]);
			this.#units = units;
			this.#lineage = lineage;
			this.#clusters = clusters;
			this.#people = people;
			this.#loadFailed = false;
		} catch (error) {
			this.#loadFailed = true;
			this.#units ??= [];
			reportAdminError(error);
		}
	}
}
