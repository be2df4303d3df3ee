// The permission grid (supabase/tests/permissions.json), cell by cell, as real signed-in users through supabase-js,
// PostgREST and Postgres RLS. A denied update or delete must match 0 rows and leave the row as it was; a relation of
// schema public that the grid does not list fails the run. A grid key is a relation, or a relation with its rows in a
// given state ("registration (draft)"): the state is the fixture's, the relation acted on is the same.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationSpecs, type Key, type Row } from './permission-relations';
import { buildWorld, operations, roles, scopes, teardownWorld, type Operation, type Persona, type Role, type Scope, type World } from './permission-world';

type Verdict = 'allow' | 'deny';
type Expectation = Verdict | Partial<Record<Scope, Verdict>>;
interface Grid {
	roles: string[];
	scopes: string[];
	operations: string[];
	relations: Record<string, Record<Operation, Record<Role, Expectation>>>;
}

const grid = JSON.parse(readFileSync(new URL('./permissions.json', import.meta.url), 'utf8')) as Grid;

/** "registration (draft)" → "registration". */
const relationOf = (key: string): string => key.replace(/ \(.*\)$/, '');

function expected(relation: string, op: Operation, role: Role, scope: Scope): Verdict {
	const e = grid.relations[relation]?.[op]?.[role];
	if (e === undefined) throw new Error(`grid has no cell for ${relation}.${op}.${role}`);
	return typeof e === 'string' ? e : (e[scope] ?? 'deny');
}

async function readBack(world: World, base: { table: string; key: Key }): Promise<Row | null> {
	const { data, error } = await world.service.from(base.table).select('*').match(base.key).maybeSingle();
	if (error) throw new Error(`read back ${base.table}: ${error.message}`);
	return data as Row | null;
}

async function removeBase(world: World, base: { table: string; key: Key }): Promise<void> {
	await world.service.from(base.table).delete().match(base.key);
}

/** Runs one cell and returns what really happened. */
async function runCell(world: World, persona: Persona, key: string, op: Operation, scope: Scope): Promise<Verdict> {
	const spec = relationSpecs[key]!;
	const relation = relationOf(key);
	const client = persona.client;
	if (op === 'insert') {
		const { row, base, cleanup } = await spec.fresh(world, persona, scope);
		try {
			const { error } = await client.from(relation).insert(row);
			const landed = (await readBack(world, base)) !== null;
			if (error === null && !landed) throw new Error(`${key} insert reported success but stored nothing`);
			if (landed) await removeBase(world, base);
			await spec.afterInsert?.(world, row);
			return error === null ? 'allow' : 'deny';
		} finally {
			await cleanup?.();
		}
	}
	const fixture = await spec.existing(world, persona, scope);
	const before = await readBack(world, fixture.base);
	if (!before) throw new Error(`fixture ${key} missing`);
	try {
		if (op === 'select') {
			const { data, error } = await client.from(relation).select(spec.columns ?? '*').match(fixture.key);
			return !error && data.length === 1 ? 'allow' : 'deny';
		}
		if (op === 'update') {
			// The base row carries every column the update touches (views expose a subset of it).
			const patch = spec.update(before);
			const { error, count } = await client.from(relation).update(patch, { count: 'exact' }).match(fixture.key);
			if (!error && count === 1) return 'allow';
			// Denied: it matched no row (or was refused outright) and nothing changed.
			expect(error !== null || count === 0, `${relation} update denied but matched ${count} rows`).toBe(true);
			expect(await readBack(world, fixture.base)).toEqual(before);
			return 'deny';
		}
		const { error, count } = await client.from(relation).delete({ count: 'exact' }).match(fixture.key);
		if (!error && count === 1) {
			expect(await readBack(world, fixture.base), `${relation} delete counted 1 but the row remains`).toBeNull();
			return 'allow';
		}
		expect(error !== null || count === 0, `${relation} delete denied but matched ${count} rows`).toBe(true);
		expect(await readBack(world, fixture.base)).toEqual(before);
		return 'deny';
	} finally {
		// Profiles and this year's memberships belong to the world's people; every other fixture is thrown away.
		if (relation !== 'profile' && relation !== 'my_membership') await removeBase(world, fixture.base);
		await fixture.cleanup?.();
	}
}

let world: World;
beforeAll(async () => {
	world = await buildWorld();
}, 120_000);
afterAll(async () => {
	for (const p of world?.personas.values() ?? []) await p.client.auth.signOut();
	if (world) await teardownWorld(world);
}, 120_000);

describe('the permission grid', () => {
	it('names exactly the roles, scopes and operations the test runs', () => {
		expect(grid.roles).toEqual([...roles]);
		expect(grid.scopes).toEqual([...scopes]);
		expect(grid.operations).toEqual([...operations]);
	});

	it('lists every table and view of schema public, and only those', async () => {
		const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
		await db.connect();
		try {
			const { rows } = await db.query<{ relname: string }>(
				`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f') order by 1`
			);
			const relnames = rows.map((r) => r.relname);
			expect([...new Set(Object.keys(grid.relations).map(relationOf))].sort()).toEqual(relnames);
			expect(Object.keys(relationSpecs).sort()).toEqual(Object.keys(grid.relations).sort());
		} finally {
			await db.end();
		}
	});

	for (const relation of Object.keys(grid.relations)) {
		for (const role of roles) {
			it(`${relation}: ${role}`, async () => {
				const persona = world.personas.get(role)!;
				const mismatches: string[] = [];
				for (const op of operations) {
					for (const scope of scopes) {
						const want = expected(relation, op, role, scope);
						const got = await runCell(world, persona, relation, op, scope);
						if (got !== want) mismatches.push(`${op} ${scope}: expected ${want}, got ${got}`);
					}
				}
				expect(mismatches).toEqual([]);
			}, 60_000);
		}
	}
});
