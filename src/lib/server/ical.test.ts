import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { deadlineAt } from '$lib/domain/deadline';
import { buildCalendarFeed, milestoneUid, type CalendarFeedRow } from './ical';

const NOW = new Date('2026-11-25T03:00:00Z');

function row(over: Partial<CalendarFeedRow> = {}): CalendarFeedRow {
	const dueOn = over.due_on ?? '2027-01-14';
	return {
		milestone_id: '6c0a9a59-5a57-4d0e-9a3c-1d2f3b4c5d6e',
		year: 2027,
		code: 'registration',
		title: 'Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm 2027',
		deliverable: 'Kế hoạch công tác thi đua, khen thưởng; đăng ký danh hiệu gửi Cụm thi đua',
		responsible: 'unit',
		due_on: dueOn,
		deadline_at: deadlineAt(dueOn).toISOString(),
		updated_at: '2026-12-28T02:00:00Z',
		...over
	};
}

function parse(ics: string): ICAL.Component {
	return new ICAL.Component(ICAL.parse(ics));
}

function events(ics: string): ICAL.Event[] {
	return parse(ics)
		.getAllSubcomponents('vevent')
		.map((c) => new ICAL.Event(c));
}

/** The instant an alarm fires: its TRIGGER duration counted from the event's end (RELATED=END). */
function alarmInstants(event: ICAL.Event): string[] {
	return event.component.getAllSubcomponents('valarm').map((alarm) => {
		const trigger = alarm.getFirstProperty('trigger');
		expect(trigger?.getParameter('related')).toBe('END');
		const duration = trigger?.getFirstValue() as ICAL.Duration;
		return new Date(event.endDate.toJSDate().getTime() + duration.toSeconds() * 1000).toISOString();
	});
}

describe('buildCalendarFeed', () => {
	it('writes a VCALENDAR that ical.js parses back, published, named and refreshed', () => {
		const ics = buildCalendarFeed({ rows: [row()], now: NOW });
		const cal = parse(ics);
		expect(cal.name).toBe('vcalendar');
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(cal.getFirstPropertyValue('prodid')).toMatch(/^-\/\//);
		expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Tiến độ thi đua – khen thưởng (MTTQ Hà Nội)');
		expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
		expect(String(cal.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
		expect(String(cal.getFirstPropertyValue('x-published-ttl'))).toBe('PT6H');
		expect(cal.getFirstPropertyValue('x-wr-caldesc')).toBe(
			'Các mốc tiến độ của kế hoạch công tác thi đua – khen thưởng của Ủy ban MTTQ Việt Nam thành phố Hà Nội theo vai trò của bạn.'
		);
	});

	it('uses CRLF line ends and folds every line to at most 75 octets', () => {
		const long = 'Hồ sơ đề nghị Ủy ban Trung ương MTTQ Việt Nam khen thưởng; tổng kết, chấm điểm. '.repeat(6);
		const ics = buildCalendarFeed({ rows: [row({ deliverable: long, title: long })], now: NOW });
		expect(ics.endsWith('END:VCALENDAR')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = ics.split('\r\n');
		const octets = lines.map((line) => new TextEncoder().encode(line).length);
		expect(Math.max(...octets)).toBeLessThanOrEqual(75);
		expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
		// TextDecoder with fatal: a UTF-8 sequence split by a fold would throw here.
		for (const line of lines) new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line));
	});

	it('carries a VTIMEZONE for Asia/Ho_Chi_Minh at +0700, and the events use it', () => {
		const ics = buildCalendarFeed({ rows: [row()], now: NOW });
		const zones = parse(ics).getAllSubcomponents('vtimezone');
		expect(zones).toHaveLength(1);
		expect(zones[0]?.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
		expect(String(zones[0]?.getFirstSubcomponent('standard')?.getFirstPropertyValue('tzoffsetto'))).toBe('+07:00');
		expect(ics).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20270114T000000\r\n');
		expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20270113T230000\r\n');
		const [event] = events(ics);
		expect(event?.endDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
	});

	it('ends each event exactly at the deadline: due 14/01/2027 closes at 2027-01-13T17:00:00Z', () => {
		const [event] = events(buildCalendarFeed({ rows: [row()], now: NOW }));
		expect(event?.endDate.toJSDate().toISOString()).toBe('2027-01-13T17:00:00.000Z');
		expect(event?.startDate.toJSDate().toISOString()).toBe('2027-01-13T16:00:00.000Z');
	});

	it('gives the same local times whatever the server process time zone is', () => {
		const before = process.env.TZ;
		try {
			process.env.TZ = 'America/Los_Angeles';
			const west = buildCalendarFeed({ rows: [row()], now: NOW });
			process.env.TZ = 'Pacific/Kiritimati';
			const east = buildCalendarFeed({ rows: [row()], now: NOW });
			expect(west).toBe(east);
			expect(west).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20270114T000000\r\n');
		} finally {
			if (before === undefined) delete process.env.TZ;
			else process.env.TZ = before;
		}
	});

	it('writes DTSTAMP and LAST-MODIFIED in UTC', () => {
		const ics = buildCalendarFeed({ rows: [row()], now: NOW });
		expect(ics).toContain('DTSTAMP:20261125T030000Z\r\n');
		expect(ics).toContain('LAST-MODIFIED:20261228T020000Z\r\n');
		const [event] = events(ics);
		expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-25T03:00:00Z');
	});

	it('names the event "Hạn: <title>" and describes deliverable, deadline and who delivers', () => {
		const [event] = events(buildCalendarFeed({ rows: [row()], now: NOW, appUrl: 'https://thidua.example/app/deadlines' }));
		expect(event?.summary).toBe('Hạn: Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm 2027');
		expect(event?.description).toBe(
			[
				'Sản phẩm: Kế hoạch công tác thi đua, khen thưởng; đăng ký danh hiệu gửi Cụm thi đua',
				'Thời hạn: trước ngày 14/01/2027 (hết hạn lúc 00:00 ngày 14/01/2027, giờ Hà Nội).',
				'Thực hiện: Đơn vị',
				'Kế hoạch công tác thi đua, khen thưởng năm 2027.',
				'Xem tiến độ trong ứng dụng: https://thidua.example/app/deadlines'
			].join('\n')
		);
		expect(event?.component.getFirstPropertyValue('url')).toBe('https://thidua.example/app/deadlines');
		expect(event?.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
	});

	it('round-trips long Vietnamese text with commas, semicolons, backslashes and new lines', () => {
		const title = 'Tổng kết; chấm điểm, xếp loại\\các đơn vị\nđợt 2 — "Vì người nghèo – không để ai bị bỏ lại phía sau"';
		const deliverable = `${'Báo cáo, biểu mẫu; danh sách đề nghị khen thưởng\\ghi chú\r\ndòng mới. '.repeat(8)}Hết`;
		const [event] = events(buildCalendarFeed({ rows: [row({ title, deliverable })], now: NOW }));
		expect(event?.summary).toBe(`Hạn: ${title}`);
		expect(event?.description.split('\n')[0]).toBe(`Sản phẩm: ${deliverable.split('\r\n').join('\n').split('\n')[0]}`);
		expect(event?.description).toContain(deliverable.replace(/\r\n/g, '\n'));
	});

	it('reminds 7 days and 1 day before the due date, at 08:00 Hanoi time', () => {
		const [event] = events(buildCalendarFeed({ rows: [row()], now: NOW }));
		expect(alarmInstants(event!)).toEqual(['2027-01-07T01:00:00.000Z', '2027-01-13T01:00:00.000Z']);
		const texts = event!.component.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('description'));
		expect(texts[0]).toBe('Còn 7 ngày: Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm 2027 (trước ngày 14/01/2027)');
		expect(texts[1]).toMatch(/^Hôm nay là ngày cuối: /);
		for (const alarm of event!.component.getAllSubcomponents('valarm')) {
			expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
		}
	});

	it('keeps one UID per milestone across copies, and different milestones apart', () => {
		const a = row({ milestone_id: '00000000-0000-4000-8000-00000000000a' });
		const b = row({ milestone_id: '00000000-0000-4000-8000-00000000000b', code: 'covenant', due_on: '2027-02-18', deadline_at: deadlineAt('2027-02-18').toISOString() });
		const first = events(buildCalendarFeed({ rows: [a, b], now: NOW })).map((e) => e.uid);
		const later = events(buildCalendarFeed({ rows: [b, a], now: new Date('2027-01-01T00:00:00Z') })).map((e) => e.uid);
		expect(first).toEqual([milestoneUid(a.milestone_id), milestoneUid(b.milestone_id)]);
		expect(new Set(later)).toEqual(new Set(first));
		expect(new Set(first).size).toBe(2);
	});

	it('writes an empty but valid calendar when there is no milestone', () => {
		const cal = parse(buildCalendarFeed({ rows: [], now: NOW }));
		expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
		expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
	});

	it('speaks English when asked', () => {
		const [event] = events(buildCalendarFeed({ rows: [row({ responsible: 'council' })], now: NOW, locale: 'en' }));
		expect(event?.summary).toMatch(/^Due: /);
		expect(event?.description).toContain('Responsible: Emulation, Commendation and Discipline Council');
	});
});
