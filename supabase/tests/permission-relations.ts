// How to make a row of each relation in a scope (with the service role), what a new row looks like, and which
// update to try. One entry per key of the grid: a table or view of schema public, or one of them with its rows in a
// given state ("registration (draft)"); the grid test refuses relations missing here.
import { randomUUID } from 'node:crypto';
import { md5uuid } from './helpers';
import { asSuperuser, GRID_PLAN_YEARS, GRID_SCORING_YEARS, ownerOf, type Persona, type Scope, type World } from './permission-world';

export type Row = Record<string, unknown>;
export type Key = Record<string, string>;
export type Base = { table: string; key: Key };

export interface Fixture {
	/** The relation the persona acts on, and the key that finds the row there. */
	key: Key;
	/** The base table and key to read the row back with the service role (differs for views). */
	base: Base;
	/** Removes what the fixture made besides the base row (a parent row, say). */
	cleanup?: () => Promise<void>;
}

export interface RelationSpec {
	existing(world: World, persona: Persona, scope: Scope): Promise<Fixture>;
	fresh(world: World, persona: Persona, scope: Scope): Promise<{ row: Row; base: Base; cleanup?: () => Promise<void> }>;
	/** The update to try: a write of a column's current value (the row-level right), unless the entry says otherwise. */
	update(current: Row): Row;
	/** Columns to select when not every column is granted to every role (the select cell reads these). */
	columns?: string;
	/** Puts back what `fresh` moved aside, whatever the insert did (profiles belong to the world's people). */
	afterInsert?(world: World, row: Row): Promise<void>;
}

async function insert(world: World, table: string, row: Row): Promise<Row> {
	const { data, error } = await world.service.from(table).insert(row).select().single();
	if (error) throw new Error(`fixture ${table}: ${error.message}`);
	return data as Row;
}

const uniq = () => randomUUID().slice(0, 8);

async function throwawayUnit(world: World): Promise<string> {
	const row = await insert(world, 'unit', { code: `grid-${uniq()}`, name: `Đơn vị thử ${uniq()}`, kind: 'phuong' });
	world.throwawayUnits.push(row.id as string);
	return row.id as string;
}

function storyRow(unitId: string, authorId: string, status: 'submitted' | 'published'): Row {
	const published = status === 'published';
	return {
		id: randomUUID(),
		unit_id: unitId,
		author_id: authorId,
		kind: 'good_deed',
		title: `Câu chuyện kiểm tra quyền ${uniq()}`,
		body: 'Nội dung dùng để kiểm tra ma trận quyền.',
		subject_name: 'Người được ghi nhận',
		subject_kind: 'person',
		occurred_on: '2026-06-01',
		consent_given_by: 'Người được ghi nhận',
		consent_method: 'written',
		consent_recorded_at: new Date().toISOString(),
		status,
		published_at: published ? new Date().toISOString() : null
	};
}

function photoRow(unitId: string, storyId: string): Row {
	const id = randomUUID();
	return {
		id,
		story_id: storyId,
		position: 0,
		storage_path: `${unitId}/${storyId}/${id}.webp`,
		content_type: 'image/webp',
		width: 800,
		height: 600,
		byte_size: 1000,
		sha256: 'a'.repeat(64)
	};
}

async function storyIn(world: World, persona: Persona, scope: Scope, status: 'submitted' | 'published' = 'submitted') {
	return insert(world, 'story', storyRow(world.unitOf(scope), ownerOf(world, persona, scope), status));
}

function byId(table: string, row: Row): Fixture {
	const key = { id: row.id as string };
	return { key, base: { table, key } };
}

function membershipRow(world: World, persona: Persona, scope: Scope): Row {
	// Next year's membership: visible by its row, but it grants nothing this year, so it cannot disturb other cells.
	return { user_id: ownerOf(world, persona, scope), role: 'reporter', unit_id: world.unitOf(scope), year: world.year + 1 };
}

// ---- The yearly cycle -----------------------------------------------------------------------------------------

const hex64 = () => (randomUUID() + randomUUID()).replace(/-/g, '');

async function remove(world: World, table: string, key: Key): Promise<void> {
	const { error } = await world.service.from(table).delete().match(key);
	if (error) throw new Error(`clean up ${table}: ${error.message}`);
}

function planRow(year: number, status: 'draft' | 'published'): Row {
	return {
		id: randomUUID(),
		year,
		title: `Kế hoạch thử quyền ${uniq()}`,
		status,
		published_at: status === 'published' ? new Date().toISOString() : null
	};
}

function planSpec(status: 'draft' | 'published'): RelationSpec {
	return {
		existing: async (w) => {
			await w.service.from('plan').delete().eq('year', GRID_PLAN_YEARS.fixture);
			return byId('plan', await insert(w, 'plan', planRow(GRID_PLAN_YEARS.fixture, status)));
		},
		fresh: async () => {
			const { published_at: _stamp, ...row } = planRow(GRID_PLAN_YEARS.fresh, status);
			return { row, base: { table: 'plan', key: { id: row.id as string } } };
		},
		update: (r) => ({ title: r.title })
	};
}

function milestoneRow(planId: string, year: number): Row {
	return {
		id: randomUUID(),
		plan_id: planId,
		code: `g_${uniq()}`,
		title: 'Mốc kiểm tra quyền',
		deliverable: 'Sản phẩm kiểm tra quyền',
		responsible: 'unit',
		completion: 'report',
		due_on: `${year}-06-30`
	};
}

function milestoneSpec(plan: 'published' | 'draft'): RelationSpec {
	const year = GRID_PLAN_YEARS[plan];
	return {
		existing: async (w) => byId('milestone', await insert(w, 'milestone', milestoneRow(w.plans[plan], year))),
		fresh: async (w) => {
			const row = milestoneRow(w.plans[plan], year);
			return { row, base: { table: 'milestone', key: { id: row.id as string } } };
		},
		update: (r) => ({ title: r.title })
	};
}

function movementRow(status: 'draft' | 'launched'): Row {
	return {
		id: randomUUID(),
		year: GRID_PLAN_YEARS.published,
		kind: 'regular',
		name: `Phong trào kiểm tra quyền ${uniq()}`,
		starts_on: `${GRID_PLAN_YEARS.published}-01-01`,
		status,
		launched_at: status === 'launched' ? new Date().toISOString() : null
	};
}

function movementSpec(status: 'draft' | 'launched'): RelationSpec {
	return {
		// Anonymous readers are granted these columns only (not who launched it, nor when rows changed).
		columns: 'id, year, kind, name, status, launched_at',
		existing: async (w) => byId('movement', await insert(w, 'movement', movementRow(status))),
		fresh: async () => {
			const { launched_at: _stamp, ...row } = movementRow(status);
			return { row, base: { table: 'movement', key: { id: row.id as string } } };
		},
		update: (r) => ({ name: r.name })
	};
}

function registrationRow(world: World, scope: Scope, status: 'draft' | 'submitted'): Row {
	return {
		id: randomUUID(),
		unit_id: world.unitOf(scope),
		year: world.year,
		status,
		topics: ['Chuyên đề kiểm tra quyền'],
		submitted_at: status === 'submitted' ? new Date().toISOString() : null
	};
}

function registrationSpec(status: 'draft' | 'submitted'): RelationSpec {
	return {
		existing: async (w, _p, s) => byId('registration', await insert(w, 'registration', registrationRow(w, s, status))),
		fresh: async (w, _p, s) => {
			const { submitted_at: _stamp, ...row } = registrationRow(w, s, status);
			return { row, base: { table: 'registration', key: { id: row.id as string } } };
		},
		// A draft: the unit's own edit (a no-op). Sent: the review step, the only write anyone makes to it (a no-op
		// write of a sent registration is no legal step for anybody, so it would say nothing about who may review).
		update: status === 'draft' ? (r) => ({ note: r.note }) : () => ({ status: 'accepted' })
	};
}

function registrationTitleSpec(status: 'draft' | 'submitted'): RelationSpec {
	const parent = async (w: World, s: Scope) => {
		const reg = await insert(w, 'registration', registrationRow(w, s, status));
		return { id: reg.id as string, cleanup: () => remove(w, 'registration', { id: reg.id as string }) };
	};
	return {
		existing: async (w, _p, s) => {
			const reg = await parent(w, s);
			const key = { registration_id: reg.id, title_id: w.title };
			await insert(w, 'registration_title', key);
			return { key, base: { table: 'registration_title', key }, cleanup: reg.cleanup };
		},
		fresh: async (w, _p, s) => {
			const reg = await parent(w, s);
			const row = { registration_id: reg.id, title_id: w.title };
			return { row, base: { table: 'registration_title', key: row }, cleanup: reg.cleanup };
		},
		update: (r) => ({ headcount: r.headcount })
	};
}

function covenantRow(world: World, scope: Scope, status: 'draft' | 'open'): Row {
	return {
		id: randomUUID(),
		cluster_id: world.clusterOf(scope),
		title: `Giao ước kiểm tra quyền ${uniq()}`,
		body: 'Các đơn vị thành viên thống nhất ký kết giao ước thi đua để kiểm tra quyền.',
		status,
		opened_at: status === 'open' ? new Date().toISOString() : null
	};
}

function covenantSpec(status: 'draft' | 'open'): RelationSpec {
	return {
		existing: async (w, _p, s) => byId('covenant', await insert(w, 'covenant', covenantRow(w, s, status))),
		fresh: async (w, _p, s) => {
			const { opened_at: _stamp, ...row } = covenantRow(w, s, status);
			return { row, base: { table: 'covenant', key: { id: row.id as string } } };
		},
		update: (r) => ({ title: r.title })
	};
}

// ---- Nominations -------------------------------------------------------------------------------------------------

/** The seed's Bằng khen of the City: individuals and collectives, proposed by units, ad hoc with two documents. */
const AWARD_FORM = md5uuid('award:bang_khen_ubnd_tp');
const THRESHOLD_YEARS = { fixture: GRID_PLAN_YEARS.fixture, fresh: GRID_PLAN_YEARS.fresh } as const;

type NominationState = 'draft' | 'submitted' | 'cluster_reviewed' | 'appraised' | 'voting';

function nominationRow(world: World, scope: Scope, status: NominationState): Row {
	const now = new Date().toISOString();
	const sent = status !== 'draft';
	return {
		id: randomUUID(),
		year: world.year,
		unit_id: world.unitOf(scope),
		award_form_id: AWARD_FORM,
		occasion: 'ad_hoc',
		nominee_kind: 'individual',
		nominee_name: `Người được đề nghị thử ${uniq()}`,
		achievements: 'Thành tích dùng để kiểm tra ma trận quyền.',
		status,
		...(sent ? { first_submitted_at: now, submitted_at: now } : {}),
		...(['cluster_reviewed', 'appraised', 'voting'].includes(status) ? { cluster_reviewed_at: now } : {}),
		...(['appraised', 'voting'].includes(status) ? { appraised_at: now } : {}),
		...(status === 'voting' ? { voting_opened_at: now } : {})
	};
}

/** A nomination of the scope's unit in `status`, and how to remove it (its files, appraisals, votes and events go with it). */
async function nominationIn(world: World, scope: Scope, status: NominationState): Promise<{ id: string; unitId: string; cleanup: () => Promise<void> }> {
	const row = await insert(world, 'nomination', nominationRow(world, scope, status));
	return { id: row.id as string, unitId: row.unit_id as string, cleanup: () => remove(world, 'nomination', { id: row.id as string }) };
}

function nominationSpec(status: 'submitted' | 'draft' | 'appraised'): RelationSpec {
	return {
		existing: async (w, _p, s) => byId('nomination', await insert(w, 'nomination', nominationRow(w, s, status))),
		fresh: async (w, _p, s) => {
			// What the unit's form sends: a draft, with only the granted columns.
			const { status: _s, first_submitted_at: _f, submitted_at: _t, ...row } = nominationRow(w, s, 'draft');
			return { row, base: { table: 'nomination', key: { id: row.id as string } } };
		},
		// Bare: the cluster's review step; a draft: the unit's own (no-op) edit; appraised: the city opens the vote.
		update: status === 'submitted' ? () => ({ status: 'cluster_reviewed' }) : status === 'draft' ? (r) => ({ achievements: r.achievements }) : () => ({ status: 'voting' })
	};
}

function dossierFileRow(parent: { id: string; unitId: string }, uploadedBy?: string): Row {
	const id = randomUUID();
	return {
		id,
		nomination_id: parent.id,
		document_kind: 'to_trinh',
		storage_path: `${parent.unitId}/${parent.id}/${id}.pdf`,
		file_name: 'to-trinh-kiem-tra.pdf',
		content_type: 'application/pdf',
		byte_size: 1024,
		...(uploadedBy ? { uploaded_by: uploadedBy } : {})
	};
}

function dossierFileSpec(parentStatus: 'submitted' | 'draft'): RelationSpec {
	return {
		existing: async (w, p, s) => {
			const parent = await nominationIn(w, s, parentStatus);
			const row = await insert(w, 'dossier_file', dossierFileRow(parent, ownerOf(w, p, s)));
			return { ...byId('dossier_file', row), cleanup: parent.cleanup };
		},
		fresh: async (w, _p, s) => {
			const parent = await nominationIn(w, s, parentStatus);
			const row = dossierFileRow(parent);
			return { row, base: { table: 'dossier_file', key: { id: row.id as string } }, cleanup: parent.cleanup };
		},
		update: (r) => ({ file_name: r.file_name })
	};
}

// ---- Replication -------------------------------------------------------------------------------------------------

/** A published exemplary model of a throwaway unit (another unit than any scope's), adopted in the cells. */
async function publishedModel(world: World): Promise<string> {
	const row = { ...storyRow(await throwawayUnit(world), world.others.other, 'published'), kind: 'exemplary_model' };
	return (await insert(world, 'story', row)).id as string;
}

function adoptionSpec(view: boolean): RelationSpec {
	const table = 'model_adoption';
	return {
		// Anonymous readers are granted these columns only (not the officer's note, nor who wrote it).
		columns: view ? 'story_id, unit_id, unit_name, adopted_on' : 'id, story_id, unit_id, adopted_on',
		existing: async (w, p, s) => {
			const storyId = await publishedModel(w);
			const row = await insert(w, table, { story_id: storyId, unit_id: w.unitOf(s), adopted_on: '2026-01-15', created_by: ownerOf(w, p, s) });
			const base = { table, key: { id: row.id as string } };
			return { key: view ? { story_id: storyId, unit_id: w.unitOf(s) } : base.key, base, cleanup: () => remove(w, 'story', { id: storyId }) };
		},
		fresh: async (w, _p, s) => {
			const storyId = await publishedModel(w);
			const row = { story_id: storyId, unit_id: w.unitOf(s), adopted_on: '2026-01-15', note: 'Áp dụng thử' };
			return { row, base: { table, key: { story_id: storyId, unit_id: w.unitOf(s) } }, cleanup: () => remove(w, 'story', { id: storyId }) };
		},
		update: (r) => ({ adopted_on: r.adopted_on })
	};
}

// ---- Writing contest ---------------------------------------------------------------------------------------------

/** An open contest of the grid, taking entries today. */
async function openContest(world: World): Promise<string> {
	const row = await insert(world, 'contest', {
		year: world.year, title: `Cuộc thi kiểm tra quyền ${uniq()}`, opens_on: `${world.year}-01-01`, closes_on: `${world.year}-12-31`, status: 'open'
	});
	return row.id as string;
}

const ENTRY_BODY = 'Bài viết dùng để kiểm tra ma trận quyền của cuộc thi viết về gương điển hình tiên tiến. '.repeat(4);

function contestEntrySpec(status: 'submitted' | 'published'): RelationSpec {
	return {
		// Anonymous readers are granted these columns only (not the account, nor the review).
		columns: 'id, contest_id, pen_name, title, status, published_at',
		existing: async (w, p, s) => {
			const contest = await openContest(w);
			const row = await insert(w, 'contest_entry', {
				contest_id: contest, author_id: ownerOf(w, p, s), pen_name: 'Bút danh thử', title: `Bài dự thi kiểm tra ${uniq()}`, body: ENTRY_BODY,
				status, published_at: status === 'published' ? new Date().toISOString() : null
			});
			return { ...byId('contest_entry', row), cleanup: () => remove(w, 'contest', { id: contest }) };
		},
		fresh: async (w) => {
			const contest = await openContest(w);
			const row = { id: randomUUID(), contest_id: contest, pen_name: 'Bút danh mới', title: `Bài dự thi mới ${uniq()}`, body: ENTRY_BODY };
			return { row, base: { table: 'contest_entry', key: { id: row.id } }, cleanup: () => remove(w, 'contest', { id: contest }) };
		},
		// Bare: the review step submitted → accepted; published: taking it back out of the collection.
		update: () => ({ status: 'accepted' })
	};
}

// ---- Scoring ----------------------------------------------------------------------------------------------------
// Rows in a frozen criteria set or a published round cannot be written by anyone, the service role included: the
// superuser puts them in and takes them out with triggers off (asSuperuser), and nothing else changes.

function columnsOf(row: Row): { names: string; params: string } {
	const names = Object.keys(row);
	return { names: names.join(', '), params: names.map((_, i) => `$${i + 1}`).join(', ') };
}

async function superInsert(world: World, table: string, row: Row): Promise<void> {
	const { names, params } = columnsOf(row);
	await asSuperuser(world.db, [[`insert into public.${table} (${names}) values (${params})`, Object.values(row)]]);
}

async function superDelete(world: World, table: string, key: Key): Promise<void> {
	const names = Object.keys(key);
	const where = names.map((n, i) => `${n}::text = $${i + 1}`).join(' and ');
	await asSuperuser(world.db, [[`delete from public.${table} where ${where}`, Object.values(key)]]);
}

/** A row that only the superuser can make: inserted with triggers off, removed the same way after the cell. */
async function frozenFixture(world: World, table: string, row: Row, key: Key): Promise<Fixture> {
	await superInsert(world, table, row);
	return { key, base: { table, key }, cleanup: () => superDelete(world, table, key) };
}

/** The stage a role writes when it may write one: what a published round must refuse even to its rightful scorer. */
const stageOf = (p: Persona): 'self' | 'cluster' | 'city' => (p.role === 'cluster_lead' ? 'cluster' : p.role === 'city_admin' ? 'city' : 'self');

function criteriaSetSpec(status: 'draft' | 'frozen'): RelationSpec {
	const row = (year: number): Row => ({ id: randomUUID(), year, title: `Bộ tiêu chí kiểm tra quyền ${uniq()}` });
	return {
		existing: async (w) => {
			if (status === 'draft') return byId('criteria_set', await insert(w, 'criteria_set', row(GRID_SCORING_YEARS.draftFixture)));
			const r: Row = { ...row(GRID_SCORING_YEARS.frozenFixture), status: 'frozen', frozen_at: new Date().toISOString() };
			return frozenFixture(w, 'criteria_set', r, { id: r.id as string });
		},
		fresh: async (w) => {
			// A frozen set is never created as such: freezing is a step of a draft.
			const r = status === 'draft' ? row(GRID_SCORING_YEARS.draftFresh) : { ...row(GRID_SCORING_YEARS.frozenFresh), status: 'frozen' };
			const key = { id: r.id as string };
			return { row: r, base: { table: 'criteria_set', key }, cleanup: () => superDelete(w, 'criteria_set', key) };
		},
		update: (r) => ({ title: r.title })
	};
}

function groupSpec(set: 'frozen' | 'draft'): RelationSpec {
	const row = (w: World): Row => ({
		id: randomUUID(),
		criteria_set_id: set === 'frozen' ? w.scoring.frozenSet : w.scoring.draftSet,
		code: `g${uniq()}`.slice(0, 12),
		name: 'Nhóm kiểm tra quyền'
	});
	return {
		existing: async (w) => {
			const r = row(w);
			return set === 'frozen' ? frozenFixture(w, 'criterion_group', r, { id: r.id as string }) : byId('criterion_group', await insert(w, 'criterion_group', r));
		},
		fresh: async (w) => {
			const r = row(w);
			const key = { id: r.id as string };
			return { row: r, base: { table: 'criterion_group', key }, cleanup: () => superDelete(w, 'criterion_group', key) };
		},
		update: (r) => ({ name: r.name })
	};
}

function criterionSpec(set: 'frozen' | 'draft'): RelationSpec {
	const row = (w: World): Row => ({
		id: randomUUID(),
		criteria_set_id: set === 'frozen' ? w.scoring.frozenSet : w.scoring.draftSet,
		group_id: set === 'frozen' ? w.scoring.frozenGroup : w.scoring.draftGroup,
		code: `c${uniq()}`.slice(0, 12),
		name: 'Tiêu chí kiểm tra quyền',
		kind: 'base',
		max_points: 10
	});
	return {
		existing: async (w) => {
			const r = row(w);
			return set === 'frozen' ? frozenFixture(w, 'criterion', r, { id: r.id as string }) : byId('criterion', await insert(w, 'criterion', r));
		},
		fresh: async (w) => {
			const r = row(w);
			const key = { id: r.id as string };
			return { row: r, base: { table: 'criterion', key }, cleanup: () => superDelete(w, 'criterion', key) };
		},
		update: (r) => ({ name: r.name })
	};
}

function decisionRow(kind: 'publish' | 'correction' = 'publish'): Row {
	return {
		id: randomUUID(),
		year: GRID_SCORING_YEARS.frozen,
		kind,
		number: `grid-${uniq()}`,
		signed_on: `${GRID_SCORING_YEARS.frozen}-07-10`,
		title: 'Quyết định kiểm tra quyền',
		reason: kind === 'correction' ? 'Lý do kiểm tra quyền' : null
	};
}

function roundSpec(status: 'open' | 'published'): RelationSpec {
	// Rounds of the grid's frozen set (this year's rounds are the seed's: a round is unique per year and period).
	const row = (w: World, period: 'mid_year' | 'year_end'): Row => ({ id: randomUUID(), year: GRID_SCORING_YEARS.frozen, period, criteria_set_id: w.scoring.frozenSet });
	return {
		existing: async (w) => {
			if (status === 'open') return byId('assessment_round', await insert(w, 'assessment_round', row(w, 'year_end')));
			const d = decisionRow();
			const r: Row = { ...row(w, 'year_end'), status: 'published', published_at: new Date().toISOString(), decision_id: d.id };
			await superInsert(w, 'decision', d);
			const fixture = await frozenFixture(w, 'assessment_round', r, { id: r.id as string });
			return { ...fixture, cleanup: async () => (await fixture.cleanup?.(), await superDelete(w, 'decision', { id: d.id as string })) };
		},
		fresh: async (w) => {
			const key = { id: randomUUID() };
			if (status === 'open') {
				return { row: { ...row(w, 'mid_year'), ...key }, base: { table: 'assessment_round', key }, cleanup: () => superDelete(w, 'assessment_round', key) };
			}
			// Born published, with a real decision: only the policy (a new round is open) stands in the way.
			const d = await insert(w, 'decision', decisionRow());
			const r = { ...row(w, 'mid_year'), ...key, status: 'published', published_at: new Date().toISOString(), decision_id: d.id };
			const cleanup = async () => {
				await superDelete(w, 'assessment_round', key);
				await superDelete(w, 'decision', { id: d.id as string });
			};
			return { row: r, base: { table: 'assessment_round', key }, cleanup };
		},
		update: (r) => ({ period: r.period })
	};
}

type ScoreState = 'self' | 'cluster' | 'city' | 'published';

function scoreSpec(state: ScoreState): RelationSpec {
	const row = (w: World, p: Persona, s: Scope): Row => ({
		round_id: state === 'published' ? w.scoring.publishedRound : w.scoring.openRound,
		unit_id: w.unitOf(s),
		criterion_id: w.scoring.criterion,
		stage: state === 'published' ? stageOf(p) : state,
		points: 5,
		reason: null
	});
	const keyOf = (r: Row): Key => ({ round_id: r.round_id as string, unit_id: r.unit_id as string, criterion_id: r.criterion_id as string, stage: r.stage as string });
	return {
		existing: async (w, p, s) => {
			const r = row(w, p, s);
			if (state === 'published') return frozenFixture(w, 'score', r, keyOf(r));
			await insert(w, 'score', r);
			return { key: keyOf(r), base: { table: 'score', key: keyOf(r) } };
		},
		fresh: async (w, p, s) => {
			const r = row(w, p, s);
			return { row: r, base: { table: 'score', key: keyOf(r) }, cleanup: () => superDelete(w, 'score', keyOf(r)) };
		},
		update: (r) => ({ points: r.points })
	};
}

function evidenceSpec(state: 'open' | 'published'): RelationSpec {
	const row = (w: World, s: Scope): Row => ({
		id: randomUUID(),
		round_id: state === 'published' ? w.scoring.publishedRound : w.scoring.openRound,
		unit_id: w.unitOf(s),
		criterion_id: w.scoring.criterion,
		kind: 'link',
		url: `https://example.org/minh-chung/${uniq()}`,
		caption: 'Minh chứng kiểm tra quyền'
	});
	return {
		existing: async (w, _p, s) => {
			const r = row(w, s);
			return state === 'published' ? frozenFixture(w, 'evidence', r, { id: r.id as string }) : byId('evidence', await insert(w, 'evidence', r));
		},
		fresh: async (w, _p, s) => {
			const r = row(w, s);
			const key = { id: r.id as string };
			return { row: r, base: { table: 'evidence', key }, cleanup: () => superDelete(w, 'evidence', key) };
		},
		update: (r) => ({ caption: r.caption })
	};
}

/** A unit's result in this year's open or published round (the base row of the standings view too). */
function resultSpec(relation: 'unit_result' | 'standings', state: 'open' | 'published'): RelationSpec {
	const row = (w: World, s: Scope): Row => ({
		round_id: state === 'published' ? w.scoring.publishedRound : w.scoring.openRound,
		unit_id: w.unitOf(s),
		cluster_id: w.clusterOf(s),
		total: 42,
		rank: 1
	});
	const keyOf = (r: Row): Key => ({ round_id: r.round_id as string, unit_id: r.unit_id as string });
	return {
		existing: async (w, _p, s) => {
			const r = row(w, s);
			if (state === 'published') return frozenFixture(w, 'unit_result', r, keyOf(r));
			// The world's units have a result in the open round since they joined their cluster; set it to the fixture.
			const { error } = await w.service.from('unit_result').upsert(r);
			if (error) throw new Error(`fixture unit_result: ${error.message}`);
			return { key: keyOf(r), base: { table: 'unit_result', key: keyOf(r) } };
		},
		fresh: async (w, _p, s) => {
			const r = row(w, s);
			if (state === 'open') await w.service.from('unit_result').delete().match(keyOf(r));
			const { cluster_id: _c, rank: _r, ...viewRow } = r;
			return { row: relation === 'standings' ? viewRow : r, base: { table: 'unit_result', key: keyOf(r) }, cleanup: () => superDelete(w, 'unit_result', keyOf(r)) };
		},
		update: (r) => ({ total: r.total })
	};
}

export const relationSpecs: Record<string, RelationSpec> = {
	unit: {
		existing: async (w) => byId('unit', { id: await throwawayUnit(w) }),
		fresh: async () => {
			const row = { id: randomUUID(), code: `grid-${uniq()}`, name: `Đơn vị mới ${uniq()}`, kind: 'xa' };
			return { row, base: { table: 'unit', key: { id: row.id } } };
		},
		update: (r) => ({ name: r.name })
	},
	unit_lineage: {
		existing: async (w, _p, s) =>
			byId('unit_lineage', await insert(w, 'unit_lineage', { from_unit_id: await throwawayUnit(w), to_unit_id: w.unitOf(s), change: 'reorganise', effective_on: '2025-07-01' })),
		fresh: async (w, _p, s) => {
			const row = { id: randomUUID(), from_unit_id: await throwawayUnit(w), to_unit_id: w.unitOf(s), change: 'merge', effective_on: '2025-07-01' };
			return { row, base: { table: 'unit_lineage', key: { id: row.id } } };
		},
		update: (r) => ({ note: r.note })
	},
	cluster: {
		existing: async (w, _p, s) => byId('cluster', await insert(w, 'cluster', { year: w.year, name: `Cụm thử ${uniq()}`, head_unit_id: w.unitOf(s) })),
		fresh: async (w, _p, s) => {
			const row = { id: randomUUID(), year: w.year, name: `Cụm mới ${uniq()}`, head_unit_id: w.unitOf(s) };
			return { row, base: { table: 'cluster', key: { id: row.id } } };
		},
		update: (r) => ({ name: r.name })
	},
	cluster_member: {
		existing: async (w, _p, s) => {
			const row = await insert(w, 'cluster_member', { cluster_id: w.clusterOf(s), unit_id: await throwawayUnit(w) });
			const key = { cluster_id: row.cluster_id as string, unit_id: row.unit_id as string };
			return { key, base: { table: 'cluster_member', key } };
		},
		fresh: async (w, _p, s) => {
			const row = { cluster_id: w.clusterOf(s), unit_id: await throwawayUnit(w) };
			return { row, base: { table: 'cluster_member', key: row } };
		},
		update: (r) => ({ unit_id: r.unit_id })
	},
	cluster_leader_assignment: {
		existing: async (w, _p, s) => {
			const key = { cluster_id: w.clusterOf(s), user_id: w.spare };
			await insert(w, 'cluster_leader_assignment', key);
			return { key, base: { table: 'cluster_leader_assignment', key } };
		},
		fresh: async (w, _p, s) => {
			const row = { cluster_id: w.clusterOf(s), user_id: w.spare };
			return { row, base: { table: 'cluster_leader_assignment', key: row } };
		},
		update: (r) => ({ user_id: r.user_id })
	},
	membership: {
		existing: async (w, p, s) => byId('membership', await insert(w, 'membership', membershipRow(w, p, s))),
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), ...membershipRow(w, p, s) };
			return { row, base: { table: 'membership', key: { id: row.id } } };
		},
		update: (r) => ({ role: r.role })
	},
	profile: {
		// Everyone in the world has a profile already; the owner's row is the fixture.
		existing: async (w, p, s) => {
			const key = { user_id: ownerOf(w, p, s) };
			return { key, base: { table: 'profile', key } };
		},
		fresh: async (w, p, s) => {
			const userId = ownerOf(w, p, s);
			await w.service.from('profile').delete().eq('user_id', userId);
			return { row: { user_id: userId, full_name: `Tên mới ${uniq()}` }, base: { table: 'profile', key: { user_id: userId } } };
		},
		update: (r) => ({ full_name: r.full_name }),
		afterInsert: async (w, row) => {
			const { error } = await w.service.from('profile').upsert({ user_id: row.user_id, full_name: 'Người thử (khôi phục)' });
			if (error) throw new Error(`restore profile: ${error.message}`);
		}
	},
	story: {
		existing: async (w, p, s) => byId('story', await storyIn(w, p, s)),
		fresh: async (w, p, s) => {
			const { author_id: _author, status: _status, published_at: _published, ...row } = storyRow(w.unitOf(s), ownerOf(w, p, s), 'submitted');
			return { row, base: { table: 'story', key: { id: row.id as string } } };
		},
		update: (r) => ({ kind: r.kind })
	},
	story_photo: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s);
			return byId('story_photo', await insert(w, 'story_photo', photoRow(w.unitOf(s), story.id as string)));
		},
		fresh: async (w, p, s) => {
			const story = await storyIn(w, p, s);
			const row = photoRow(w.unitOf(s), story.id as string);
			return { row, base: { table: 'story_photo', key: { id: row.id as string } } };
		},
		update: (r) => ({ caption: r.caption })
	},
	public_story: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			return byId('story', story);
		},
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), title: `Không được tạo ${uniq()}`, unit_id: w.unitOf(s) };
			return { row, base: { table: 'story', key: { id: row.id } } };
		},
		update: (r) => ({ title: r.title })
	},
	public_story_photo: {
		existing: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			return byId('story_photo', await insert(w, 'story_photo', photoRow(w.unitOf(s), story.id as string)));
		},
		fresh: async (w, p, s) => {
			const story = await storyIn(w, p, s, 'published');
			const row = photoRow(w.unitOf(s), story.id as string);
			return { row, base: { table: 'story_photo', key: { id: row.id as string } } };
		},
		update: (r) => ({ caption: r.caption })
	},
	my_membership: {
		// This year's membership of the scope's owner (the view shows only the signed-in person's own).
		existing: async (w, p, s) => {
			const owner = ownerOf(w, p, s);
			const { data, error } = await w.service.from('membership').select('id').eq('user_id', owner).eq('year', w.year).limit(1).single();
			if (error) throw new Error(`fixture my_membership: ${error.message}`);
			const key = { id: (data as { id: string }).id };
			return { key, base: { table: 'membership', key } };
		},
		fresh: async (w, p, s) => {
			const row = { id: randomUUID(), role: 'reporter', unit_id: w.unitOf(s), year: w.year };
			return { row, base: { table: 'membership', key: { id: row.id } } };
		},
		update: (r) => ({ role: r.role })
	},
	plan: planSpec('published'),
	'plan (draft)': planSpec('draft'),
	milestone: milestoneSpec('published'),
	'milestone (draft plan)': milestoneSpec('draft'),
	movement: movementSpec('launched'),
	'movement (draft)': movementSpec('draft'),
	catalogue_version: {
		existing: async (w) =>
			byId('catalogue_version', await insert(w, 'catalogue_version', { code: `grid-${uniq()}`, name: 'Danh mục kiểm tra', legal_basis: 'Căn cứ kiểm tra', valid_from: '2000-01-01' })),
		fresh: async () => {
			const row = { id: randomUUID(), code: `grid-${uniq()}`, name: 'Danh mục mới', legal_basis: 'Căn cứ mới', valid_from: '2000-01-01' };
			return { row, base: { table: 'catalogue_version', key: { id: row.id } } };
		},
		update: (r) => ({ name: r.name })
	},
	emulation_title: {
		existing: async (w) =>
			byId(
				'emulation_title',
				await insert(w, 'emulation_title', { catalogue_version_id: w.catalogue, code: `g_${uniq()}`, name: 'Danh hiệu kiểm tra', applies_to: 'collective', conferred_by: 'Thành phố' })
			),
		fresh: async (w) => {
			const row = { id: randomUUID(), catalogue_version_id: w.catalogue, code: `g_${uniq()}`, name: 'Danh hiệu mới', applies_to: 'individual', conferred_by: 'Thành phố' };
			return { row, base: { table: 'emulation_title', key: { id: row.id } } };
		},
		update: (r) => ({ name: r.name })
	},
	registration: registrationSpec('submitted'),
	'registration (draft)': registrationSpec('draft'),
	registration_title: registrationTitleSpec('submitted'),
	'registration_title (draft registration)': registrationTitleSpec('draft'),
	covenant: covenantSpec('open'),
	'covenant (draft)': covenantSpec('draft'),
	covenant_signature: {
		// A signature of the scope's unit on its cluster's open covenant (the covenant goes with the signature).
		existing: async (w, p, s) => {
			const cv = await insert(w, 'covenant', covenantRow(w, s, 'open'));
			const key = { covenant_id: cv.id as string, unit_id: w.unitOf(s) };
			await insert(w, 'covenant_signature', { ...key, signed_by: ownerOf(w, p, s), signer_name: 'Người ký thử' });
			return { key, base: { table: 'covenant_signature', key }, cleanup: () => remove(w, 'covenant', { id: cv.id as string }) };
		},
		fresh: async (w, _p, s) => {
			const cv = await insert(w, 'covenant', covenantRow(w, s, 'open'));
			const row = { covenant_id: cv.id as string, unit_id: w.unitOf(s) };
			return { row, base: { table: 'covenant_signature', key: row }, cleanup: () => remove(w, 'covenant', { id: cv.id as string }) };
		},
		update: (r) => ({ signer_name: r.signer_name })
	},
	milestone_report: {
		// The scope's unit reports the grid plan's unit milestone done; `self` is a report the acting person made.
		existing: async (w, p, s) =>
			byId('milestone_report', await insert(w, 'milestone_report', { milestone_id: w.reportMilestone, unit_id: w.unitOf(s), reported_by: ownerOf(w, p, s) })),
		fresh: async (w, _p, s) => {
			// The id is the server's (not granted); a unit reports a milestone once, so these two find the row.
			const row = { milestone_id: w.reportMilestone, unit_id: w.unitOf(s), note: 'Đã gửi' };
			return { row, base: { table: 'milestone_report', key: { milestone_id: row.milestone_id, unit_id: row.unit_id } } };
		},
		update: (r) => ({ note: r.note })
	},
	milestone_status: {
		// A unit milestone added for the cell to this year's published plan: the view's row for the scope's unit.
		existing: async (w, _p, s) => {
			const ms = await insert(w, 'milestone', milestoneRow(w.plans.current, w.year));
			return { key: { milestone_id: ms.id as string, unit_id: w.unitOf(s) }, base: { table: 'milestone', key: { id: ms.id as string } } };
		},
		fresh: async (w, _p, s) => {
			const row = { milestone_id: randomUUID(), unit_id: w.unitOf(s), code: `g_${uniq()}`, title: 'Không được tạo' };
			return { row, base: { table: 'milestone', key: { id: row.milestone_id } } };
		},
		update: (r) => ({ title: r.title })
	},
	calendar_token: {
		// The hash is never granted to clients: the select cell reads what people may see of their own address.
		columns: 'user_id, created_at',
		existing: async (w, p, s) => {
			const key = { user_id: ownerOf(w, p, s) };
			await insert(w, 'calendar_token', { ...key, token_sha256: hex64() });
			return { key, base: { table: 'calendar_token', key } };
		},
		fresh: async (w, p, s) => {
			const row = { user_id: ownerOf(w, p, s), token_sha256: hex64() };
			return { row, base: { table: 'calendar_token', key: { user_id: row.user_id } } };
		},
		update: (r) => ({ created_at: r.created_at })
	},
	criteria_set: criteriaSetSpec('frozen'),
	'criteria_set (draft)': criteriaSetSpec('draft'),
	criterion_group: groupSpec('frozen'),
	'criterion_group (draft set)': groupSpec('draft'),
	criterion: criterionSpec('frozen'),
	'criterion (draft set)': criterionSpec('draft'),
	decision: {
		existing: async (w) => byId('decision', await insert(w, 'decision', decisionRow())),
		fresh: async () => {
			// The id is the server's (not granted); a decision's number is unique in its year.
			const { id: _id, ...row } = decisionRow();
			return { row, base: { table: 'decision', key: { year: String(row.year), number: row.number as string } } };
		},
		update: (r) => ({ title: r.title })
	},
	assessment_round: roundSpec('open'),
	'assessment_round (published)': roundSpec('published'),
	score: scoreSpec('self'),
	'score (cluster stage)': scoreSpec('cluster'),
	'score (city stage)': scoreSpec('city'),
	'score (published round)': scoreSpec('published'),
	evidence: evidenceSpec('open'),
	'evidence (published round)': evidenceSpec('published'),
	score_history: {
		// A change of the scope's unit's cluster score in the open round (history rows are written by the trigger only).
		existing: async (w, _p, s) => {
			const row = await insert(w, 'score_history', {
				round_id: w.scoring.openRound,
				unit_id: w.unitOf(s),
				criterion_id: w.scoring.criterion,
				stage: 'cluster',
				old_points: 5,
				new_points: 6,
				reason: 'Lịch sử kiểm tra quyền'
			});
			return byId('score_history', { id: String(row.id) });
		},
		fresh: async (w, _p, s) => {
			const reason = `Không được ghi ${uniq()}`;
			const row = { round_id: w.scoring.openRound, unit_id: w.unitOf(s), criterion_id: w.scoring.criterion, stage: 'cluster', old_points: 5, new_points: 6, reason };
			return { row, base: { table: 'score_history', key: { reason } } };
		},
		update: (r) => ({ reason: r.reason })
	},
	award_form: {
		existing: async (w) =>
			byId(
				'award_form',
				await insert(w, 'award_form', {
					catalogue_version_id: w.catalogue, code: `g_${uniq()}`, name: 'Hình thức kiểm tra quyền', applies_to: ['individual'],
					proposers: ['unit'], conferred_by: 'Thành phố', requirements: { ad_hoc: ['to_trinh'] }
				})
			),
		fresh: async (w) => {
			const row = {
				id: randomUUID(), catalogue_version_id: w.catalogue, code: `g_${uniq()}`, name: 'Hình thức mới', applies_to: ['collective'],
				proposers: ['unit'], conferred_by: 'Thành phố', requirements: { year_end: ['to_trinh'] }
			};
			return { row, base: { table: 'award_form', key: { id: row.id } } };
		},
		update: (r) => ({ name: r.name })
	},
	council_setting: {
		existing: async (w) => {
			await w.service.from('council_setting').delete().eq('year', THRESHOLD_YEARS.fixture);
			const row = await insert(w, 'council_setting', { year: THRESHOLD_YEARS.fixture, threshold_percent: 50 });
			const key = { year: String(row.year) };
			return { key, base: { table: 'council_setting', key } };
		},
		fresh: async () => {
			const row = { year: THRESHOLD_YEARS.fresh, threshold_percent: 60 };
			return { row, base: { table: 'council_setting', key: { year: String(row.year) } } };
		},
		update: (r) => ({ threshold_percent: r.threshold_percent })
	},
	nomination: nominationSpec('submitted'),
	'nomination (draft)': nominationSpec('draft'),
	'nomination (appraised)': nominationSpec('appraised'),
	dossier_file: dossierFileSpec('submitted'),
	'dossier_file (draft nomination)': dossierFileSpec('draft'),
	appraisal: {
		// A passed appraisal: the trigger moves its nomination on to 'appraised'; the fixture stamps when (the service
		// role has no auth.uid(), so the workflow guard keeps the stamps as given and sets none).
		existing: async (w, _p, s) => {
			const parent = await nominationIn(w, s, 'cluster_reviewed');
			const row = await insert(w, 'appraisal', { nomination_id: parent.id, appraised_by: w.spare, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: true, outcome: 'passed' });
			const { error } = await w.service.from('nomination').update({ appraised_at: new Date().toISOString() }).eq('id', parent.id);
			if (error) throw new Error(`fixture appraisal: ${error.message}`);
			return { ...byId('appraisal', row), cleanup: parent.cleanup };
		},
		fresh: async (w, _p, s) => {
			// One appraisal of a fresh nomination: its id is the server's (not granted), so the nomination finds it.
			const parent = await nominationIn(w, s, 'cluster_reviewed');
			const row = { nomination_id: parent.id, standards_ok: true, conditions_ok: true, procedure_ok: true, documents_ok: false, outcome: 'returned', note: 'Thiếu tài liệu (kiểm tra quyền)' };
			return { row, base: { table: 'appraisal', key: { nomination_id: parent.id } }, cleanup: parent.cleanup };
		},
		update: (r) => ({ note: r.note })
	},
	council_vote: {
		existing: async (w, p, s) => {
			const parent = await nominationIn(w, s, 'voting');
			const key = { nomination_id: parent.id, voter_id: ownerOf(w, p, s) };
			await insert(w, 'council_vote', { ...key, vote: 'approve' });
			return { key, base: { table: 'council_vote', key }, cleanup: parent.cleanup };
		},
		fresh: async (w, _p, s) => {
			const parent = await nominationIn(w, s, 'voting');
			const row = { nomination_id: parent.id, vote: 'approve' };
			return { row, base: { table: 'council_vote', key: { nomination_id: parent.id } }, cleanup: parent.cleanup };
		},
		update: (r) => ({ vote: r.vote })
	},
	nomination_event: {
		// Written by the service role on a submitted nomination (its own 'created' event is there too); keyed by reason.
		existing: async (w, _p, s) => {
			const parent = await nominationIn(w, s, 'submitted');
			const reason = `Nhật ký kiểm tra quyền ${uniq()}`;
			await insert(w, 'nomination_event', { nomination_id: parent.id, action: 'edited', reason });
			const key = { reason };
			return { key, base: { table: 'nomination_event', key }, cleanup: parent.cleanup };
		},
		fresh: async (w, _p, s) => {
			const parent = await nominationIn(w, s, 'submitted');
			const reason = `Không được ghi ${uniq()}`;
			const row = { nomination_id: parent.id, action: 'edited', reason };
			return { row, base: { table: 'nomination_event', key: { reason } }, cleanup: parent.cleanup };
		},
		update: (r) => ({ reason: r.reason })
	},
	model_adoption: adoptionSpec(false),
	public_model_adoption: adoptionSpec(true),
	contest: {
		existing: async (w) => byId('contest', { id: await openContest(w) }),
		fresh: async (w) => {
			const row = { id: randomUUID(), year: w.year, title: `Cuộc thi mới ${uniq()}`, opens_on: `${w.year}-01-01`, closes_on: `${w.year}-12-31` };
			return { row, base: { table: 'contest', key: { id: row.id } } };
		},
		update: (r) => ({ title: r.title })
	},
	contest_entry: contestEntrySpec('submitted'),
	'contest_entry (published)': contestEntrySpec('published'),
	public_contest_entry: {
		columns: 'id, contest_id, pen_name, title, published_at',
		existing: async (w, p, s) => {
			const f = await contestEntrySpec('published').existing(w, p, s);
			return { key: f.key, base: f.base, cleanup: f.cleanup };
		},
		fresh: async (w) => {
			const contest = await openContest(w);
			const row = { id: randomUUID(), contest_id: contest, pen_name: 'Không được', title: `Không được ghi ${uniq()}`, body: ENTRY_BODY };
			return { row, base: { table: 'contest_entry', key: { id: row.id } }, cleanup: () => remove(w, 'contest', { id: contest }) };
		},
		update: (r) => ({ title: r.title })
	},
	unit_result: resultSpec('unit_result', 'open'),
	'unit_result (published round)': resultSpec('unit_result', 'published'),
	standings: resultSpec('standings', 'open'),
	'standings (published round)': resultSpec('standings', 'published')
};
