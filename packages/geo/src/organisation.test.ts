import { coveredBy, EMPTY_ORGANISATION, type OrganisationSnapshot, successorsOf, unitInRegion, unitsCovering } from './index';

/** Trelleborg split in two from 2026 (a made-up reorganisation), and a polisområde with Lund and a kommun of its own. */
const SNAPSHOT: OrganisationSnapshot = {
  revision: 3,
  districts: [{ id: 'syd-a', name: 'Polisområde A', policeRegionCode: 'SYD', validFrom: null, validTo: null }],
  localPoliceAreas: [
    { id: 'lund', name: 'Lokalpolisområde Lund', policeRegionCode: 'SYD', policeDistrictId: 'syd-a', validFrom: null, validTo: null },
    { id: 'trelleborg', name: 'Lokalpolisområde Trelleborg', policeRegionCode: 'SYD', policeDistrictId: null, validFrom: null, validTo: '2025-12-31' },
    { id: 'trelleborg-v', name: 'Lokalpolisområde Trelleborg väst', policeRegionCode: 'SYD', policeDistrictId: null, validFrom: '2026-01-01', validTo: null },
  ],
  links: [
    { unit: 'lund', unitKind: 'LPO', municipalityCode: '1281', part: false, validFrom: null, validTo: null },
    { unit: 'syd-a', unitKind: 'DISTRICT', municipalityCode: '1282', part: false, validFrom: null, validTo: null },
    { unit: 'trelleborg', unitKind: 'LPO', municipalityCode: '1287', part: false, validFrom: null, validTo: null },
    { unit: 'trelleborg', unitKind: 'LPO', municipalityCode: '1233', part: false, validFrom: null, validTo: null },
    { unit: 'trelleborg-v', unitKind: 'LPO', municipalityCode: '1233', part: false, validFrom: '2026-01-01', validTo: null },
  ],
  successions: [{ predecessorId: 'trelleborg', successorId: 'trelleborg-v', on: '2026-01-01' }],
};

describe('the police organisation rules', () => {
  it('gives a lokalpolisområde its kommuner on a day, within both its own period and its links\'', () => {
    expect(coveredBy(SNAPSHOT, { kind: 'LPO', id: 'trelleborg' }, '2025-12-31')).toEqual(['1233', '1287']);
    expect(coveredBy(SNAPSHOT, { kind: 'LPO', id: 'trelleborg' }, '2026-01-01')).toEqual([]);
    expect(coveredBy(SNAPSHOT, { kind: 'LPO', id: 'trelleborg-v' }, '2026-01-01')).toEqual(['1233']);
    expect(coveredBy(SNAPSHOT, { kind: 'LPO', id: 'atlantis' }, '2026-01-01')).toEqual([]);
  });

  it('gives a polisområde its own kommuner and its areas\'', () => {
    expect(coveredBy(SNAPSHOT, { kind: 'DISTRICT', id: 'syd-a' }, '2025-01-01')).toEqual(['1281', '1282']);
  });

  it('gives a region only the kommuner no lokalpolisområde covers that day', () => {
    const before = coveredBy(SNAPSHOT, { kind: 'REGION', id: 'SYD' }, '2025-06-01');
    expect(before).toHaveLength(58 - 3);
    expect(before).toContain('1282'); // a polisområde's own kommun is still the region's to sign for
    expect(before).not.toContain('1281');
    const after = coveredBy(SNAPSHOT, { kind: 'REGION', id: 'SYD' }, '2026-06-01');
    expect(after).toContain('1287'); // the split left Trelleborg's kommun without an area
    expect(coveredBy({ ...EMPTY_ORGANISATION, revision: 0 }, { kind: 'REGION', id: 'NORD' }, '2026-01-01')).toContain('2584');
    expect(coveredBy(EMPTY_ORGANISATION, { kind: 'REGION', id: 'NORD' }, '2026-01-01')).toEqual([]); // no copy: no coverage
  });

  it('names the units covering a kommun', () => {
    expect(unitsCovering(SNAPSHOT, '1281', '2025-01-01')).toMatchObject({ localPoliceAreas: [{ id: 'lund' }], districts: [{ id: 'syd-a' }], policeRegionCode: 'SYD', regionCovers: false });
    expect(unitsCovering(SNAPSHOT, '2584', '2025-01-01')).toEqual({ localPoliceAreas: [], districts: [], policeRegionCode: 'NORD', regionCovers: true });
  });

  it('follows successions and checks a unit\'s region', () => {
    expect(successorsOf(SNAPSHOT, 'trelleborg')).toEqual(['trelleborg-v']);
    expect(unitInRegion(SNAPSHOT, { kind: 'LPO', id: 'lund' }, 'SYD')).toBe(true);
    expect(unitInRegion(SNAPSHOT, { kind: 'LPO', id: 'lund' }, 'NORD')).toBe(false);
    expect(unitInRegion(SNAPSHOT, { kind: 'REGION', id: 'NORD' }, 'NORD')).toBe(true);
    expect(unitInRegion(SNAPSHOT, { kind: 'REGION', id: 'X' }, 'X')).toBe(false);
  });
});
