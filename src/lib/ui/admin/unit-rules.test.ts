import { describe, expect, it } from 'vitest';
import type { LineageEdge, UnitRow } from '$lib/remote/admin-api';
import { currentYearInHanoi, filterUnits, isCurrentOn, lineageOf } from './unit-rules';

const unit = (id: string, name: string, kind: UnitRow['kind'], validFrom: string, validTo: string | null = null): UnitRow => ({
	id,
	code: id,
	name,
	kind,
	validFrom,
	validTo
});
const units = [
	unit('ba-dinh', 'Quận Ba Đình', 'quan', '2008-08-01', '2025-07-01'),
	unit('dong-da', 'Quận Đống Đa', 'quan', '2008-08-01', '2025-07-01'),
	unit('phuong-ba-dinh', 'Phường Ba Đình', 'phuong', '2025-07-01'),
	unit('phuong-giang-vo', 'Phường Giảng Võ', 'phuong', '2025-07-01')
];

describe('unit validity and filters', () => {
	it('treats valid_to as exclusive: a district ending on 01/07/2025 is history on that day', () => {
		expect(isCurrentOn(units[0]!, '2025-06-30')).toBe(true);
		expect(isCurrentOn(units[0]!, '2025-07-01')).toBe(false);
		expect(isCurrentOn(units[2]!, '2025-07-01')).toBe(true);
	});

	it('filters by validity and kind, and searches without accents', () => {
		const base = { query: '', kind: '', today: '2026-01-01' } as const;
		expect(filterUnits(units, { ...base, validity: 'current' }).map((u) => u.id)).toEqual(['phuong-ba-dinh', 'phuong-giang-vo']);
		expect(filterUnits(units, { ...base, validity: 'historical', kind: 'quan' })).toHaveLength(2);
		expect(filterUnits(units, { ...base, validity: 'all', query: 'ba dinh' }).map((u) => u.id)).toEqual(['phuong-ba-dinh', 'ba-dinh']);
	});

	it('ranks an exact accented match before a folded one', () => {
		const found = filterUnits(units, { query: 'Quận Ba Đình', kind: '', validity: 'all', today: '2026-01-01' });
		expect(found[0]?.id).toBe('ba-dinh');
	});

	it('gives the emulation year in Hanoi, not UTC', () => {
		expect(currentYearInHanoi(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
	});
});

describe('lineage both ways', () => {
	const edges: LineageEdge[] = [
		{ fromUnitId: 'ba-dinh', toUnitId: 'phuong-giang-vo', change: 'reorganise', effectiveOn: '2025-07-01' },
		{ fromUnitId: 'dong-da', toUnitId: 'phuong-giang-vo', change: 'reorganise', effectiveOn: '2025-07-01' },
		{ fromUnitId: 'ba-dinh', toUnitId: 'phuong-ba-dinh', change: 'reorganise', effectiveOn: '2025-07-01' }
	];
	const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;

	it('says what a new ward was formerly and what an old district is now', () => {
		expect(lineageOf('phuong-giang-vo', edges, nameOf).formerly.map((l) => l.name)).toEqual(['Quận Ba Đình', 'Quận Đống Đa']);
		expect(lineageOf('ba-dinh', edges, nameOf).nowIs.map((l) => l.name)).toEqual(['Phường Ba Đình', 'Phường Giảng Võ']);
		expect(lineageOf('ba-dinh', edges, nameOf).formerly).toEqual([]);
	});
});
