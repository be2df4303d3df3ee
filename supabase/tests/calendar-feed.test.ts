// The calendar feed end to end below HTTP: a unit officer issues a secret token with supabase-js, the anonymous
// `calendar_feed` RPC answers that token's milestones, the app's iCalendar builder turns them into a feed, and ical.js
// reads it back with the right local times. Also: rotating and turning off the address, and what others can see.
import type { SupabaseClient } from '@supabase/supabase-js';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineAt } from '$lib/domain/deadline';
import { buildCalendarFeed, milestoneUid, type CalendarFeedRow } from '$lib/server/ical';
import { anonClient, demo, signedIn } from './helpers';

/** The seeded plan of this year is the 2023 timetable shifted to the current year in Hanoi. */
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
/** What a unit officer delivers (responsible 'unit') or signs (the cluster's covenant), with the plan's dates. */
const OFFICER_MILESTONES: Record<string, { dueOn: string; title: string }> = {
	registration: { dueOn: `${YEAR}-01-14`, title: `Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm ${YEAR}` },
	covenant: { dueOn: `${YEAR}-02-18`, title: 'Tổ chức ký kết giao ước và đăng ký thi đua' },
	kncc_nomination: { dueOn: `${YEAR}-03-24`, title: 'Đề nghị xét tặng Kỷ niệm chương "Vì sự nghiệp Đại đoàn kết dân tộc"' },
	award_dossiers: { dueOn: `${YEAR}-11-10`, title: `Tổ chức xét và gửi hồ sơ đề nghị khen thưởng tổng kết năm ${YEAR}` }
};
const FEED_COLUMNS = ['code', 'deadline_at', 'deliverable', 'due_on', 'milestone_id', 'responsible', 'title', 'updated_at', 'year'];

let officer: SupabaseClient;
let officerId: string;

async function issueToken(client: SupabaseClient): Promise<string> {
	const { data, error } = await client.rpc('issue_calendar_token');
	expect(error).toBeNull();
	expect(data).toMatch(/^[0-9a-f]{48}$/);
	return data as string;
}

async function feedRows(token: string): Promise<CalendarFeedRow[]> {
	const { data, error } = await anonClient().rpc('calendar_feed', { p_token: token });
	expect(error).toBeNull();
	return data as CalendarFeedRow[];
}

beforeAll(async () => {
	officer = await signedIn(demo.officerBaDinh);
	officerId = (await officer.auth.getUser()).data.user!.id;
});

afterAll(async () => {
	await officer.from('calendar_token').delete().eq('user_id', officerId);
});

describe('calendar feed of a unit officer', () => {
	it("carries this year's plan milestones of a unit officer, with the right local deadlines, through iCalendar", async () => {
		const rows = await feedRows(await issueToken(officer));
		const thisYear = rows.filter((r) => r.year === YEAR);
		expect(thisYear.map((r) => r.code).sort()).toEqual(Object.keys(OFFICER_MILESTONES).sort());
		for (const r of rows) expect(new Date(r.deadline_at).getTime()).toBe(deadlineAt(r.due_on).getTime());

		const ics = buildCalendarFeed({ rows, now: new Date() });
		const calendar = new ICAL.Component(ICAL.parse(ics));
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		const events = new Map(
			calendar.getAllSubcomponents('vevent').map((c) => {
				const event = new ICAL.Event(c);
				return [event.uid, event] as const;
			})
		);
		expect(events.size).toBe(rows.length);
		for (const r of thisYear) {
			const expected = OFFICER_MILESTONES[r.code]!;
			const event = events.get(milestoneUid(r.milestone_id));
			expect(event, r.code).toBeDefined();
			expect(event!.summary).toBe(`Hạn: ${expected.title}`);
			// "trước ngày D" closes at 00:00 of D in Hanoi, i.e. 17:00 UTC the day before.
			const [y, m, d] = expected.dueOn.split('-').map(Number) as [number, number, number];
			expect(event!.endDate.toJSDate().toISOString()).toBe(new Date(Date.UTC(y, m - 1, d - 1, 17)).toISOString());
			expect(event!.endDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
			expect(ics).toContain(`DTEND;TZID=Asia/Ho_Chi_Minh:${expected.dueOn.replaceAll('-', '')}T000000\r\n`);
			const [dd, mm] = [expected.dueOn.slice(8, 10), expected.dueOn.slice(5, 7)];
			expect(event!.description).toContain(`trước ngày ${dd}/${mm}/${YEAR}`);
		}
	});

	it('answers plan columns only: no person, unit or token in the rows', async () => {
		const rows = await feedRows(await issueToken(officer));
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(Object.keys(r).sort()).toEqual(FEED_COLUMNS);
		const ics = buildCalendarFeed({ rows, now: new Date() });
		expect(ics).not.toMatch(/Trần Thị Dung|canbo\.badinh|ATTENDEE|ORGANIZER/);
	});

	it('leaves out milestones of clusters and the council, which a unit officer does not deliver', async () => {
		const codes = (await feedRows(await issueToken(officer))).map((r) => r.code);
		expect(codes).not.toContain('mid_year_review');
		expect(codes).not.toContain('year_end_scoring');
		expect(codes).not.toContain('council_review');
	});
});

describe('the secret address', () => {
	it('stops answering the old token once a new one is issued, and keeps milestone UIDs', async () => {
		const old = await issueToken(officer);
		const before = await feedRows(old);
		const fresh = await issueToken(officer);
		expect(fresh).not.toBe(old);
		expect(await feedRows(old)).toEqual([]);
		const after = await feedRows(fresh);
		expect(after.map((r) => r.milestone_id)).toEqual(before.map((r) => r.milestone_id));
	});

	it('stops answering once the person turns it off, and shows them it is gone', async () => {
		const token = await issueToken(officer);
		const mine = await officer.from('calendar_token').select('user_id, created_at');
		expect(mine.data).toEqual([{ user_id: officerId, created_at: expect.any(String) }]);
		const deleted = await officer.from('calendar_token').delete().eq('user_id', officerId).select('user_id');
		expect(deleted.data).toHaveLength(1);
		expect(await feedRows(token)).toEqual([]);
		expect((await officer.from('calendar_token').select('user_id')).data).toEqual([]);
	});

	it('answers no rows to an unknown token and to a holder whose roles have no milestone; only the holder\'s is valid', async () => {
		expect(await feedRows('0'.repeat(48))).toEqual([]);
		expect((await anonClient().rpc('calendar_token_valid', { p_token: '0'.repeat(48) })).data).toBe(false);
		const reporter = await signedIn(demo.reporterBaDinh);
		const token = await issueToken(reporter);
		expect(await feedRows(token)).toEqual([]);
		// Known address, nothing to show yet: the endpoint answers an empty calendar, not "gone".
		expect((await anonClient().rpc('calendar_token_valid', { p_token: token })).data).toBe(true);
		await reporter.from('calendar_token').delete().neq('user_id', '00000000-0000-0000-0000-000000000000');
		expect((await anonClient().rpc('calendar_token_valid', { p_token: token })).data).toBe(false);
	});

	it('is issued only to a signed-in person, who sees only their own address and never its hash', async () => {
		const anonymous = await anonClient().rpc('issue_calendar_token');
		expect(anonymous.error).not.toBeNull();
		await issueToken(officer);
		const other = await signedIn(demo.officerDongAnh);
		expect((await other.from('calendar_token').select('user_id').eq('user_id', officerId)).data).toEqual([]);
		const hash = await officer.from('calendar_token').select('token_sha256');
		expect(hash.error).not.toBeNull();
		const removed = await other.from('calendar_token').delete().eq('user_id', officerId).select('user_id');
		expect(removed.data ?? []).toEqual([]);
		expect((await officer.from('calendar_token').select('user_id')).data).toHaveLength(1);
	});
});
