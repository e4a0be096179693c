/**
 * The police organisation below the regions (polisområden, lokalpolisområden and the kommuner they
 * cover, with periods), as the agreements subgraph publishes it (`policeOrganisation`), and the rules
 * that read it: which kommuner a unit covers on a day, and which units cover a kommun. The agreements
 * subgraph applies the same rules to its own rows and the other subgraphs to their copy, so that
 * the rule exists once. Dates are YYYY-MM-DD; a null end of a period is open.
 */
import { municipalities } from './index';

/** A period; null where no source states that end (open). The end is the period's last day. */
export interface OrganisationPeriod {
  validFrom: string | null;
  validTo: string | null;
}

/** A polisområde. */
export interface OrganisationDistrict extends OrganisationPeriod {
  id: string;
  name: string;
  policeRegionCode: string;
}

/** A lokalpolisområde. */
export interface OrganisationArea extends OrganisationPeriod {
  id: string;
  name: string;
  policeRegionCode: string;
  /** Its polisområde, where a source names it. */
  policeDistrictId: string | null;
}

/** A kommun a unit (a lokalpolisområde or a polisområde itself) covers, for a period. */
export interface OrganisationLink extends OrganisationPeriod {
  unit: string;
  unitKind: 'LPO' | 'DISTRICT';
  municipalityCode: string;
  /** The unit covers only part of the kommun. */
  part: boolean;
}

/** A reorganisation: `predecessorId` continues as `successorId` from `on`. */
export interface OrganisationSuccession {
  predecessorId: string;
  successorId: string;
  on: string;
}

/** The organisation at one revision. */
export interface OrganisationSnapshot {
  /** Raised by every change to the organisation (0: nothing registered yet). */
  revision: number;
  districts: readonly OrganisationDistrict[];
  localPoliceAreas: readonly OrganisationArea[];
  links: readonly OrganisationLink[];
  /** The reorganisations, where the copy holds them (the agreements subgraph's own rows do). */
  successions?: readonly OrganisationSuccession[];
}

/**
 * What a subgraph uses while it has no copy of the organisation: no unit covers anything, not even a
 * region (without the copy no one can tell which of its kommuner a lokalpolisområde covers).
 */
export const EMPTY_ORGANISATION: OrganisationSnapshot = Object.freeze({ revision: -1, districts: [], localPoliceAreas: [], links: [] });

/** The kinds of police unit: lokalpolisområde, polisområde, polisregion. */
export type PoliceUnitKind = 'LPO' | 'DISTRICT' | 'REGION';

/** A police unit by kind and id (a region by its code). */
export interface PoliceUnitRef {
  kind: PoliceUnitKind;
  id: string;
}

/** Whether `on` lies in the period. */
export function periodContains(period: OrganisationPeriod, on: string): boolean {
  return (period.validFrom === null || period.validFrom <= on) && (period.validTo === null || on <= period.validTo);
}

interface Index {
  areas: Map<string, OrganisationArea>;
  districts: Map<string, OrganisationDistrict>;
  linksOf: Map<string, OrganisationLink[]>;
  linksOfKommun: Map<string, OrganisationLink[]>;
  areasOfDistrict: Map<string, OrganisationArea[]>;
  successorsOf: Map<string, string[]>;
}

const indexes = new WeakMap<OrganisationSnapshot, Index>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The snapshot's lookups, computed once per snapshot (a snapshot is never changed). */
function indexOf(snapshot: OrganisationSnapshot): Index {
  let index = indexes.get(snapshot);
  if (index) return index;
  index = {
    areas: new Map(snapshot.localPoliceAreas.map((area) => [area.id, area])),
    districts: new Map(snapshot.districts.map((district) => [district.id, district])),
    linksOf: new Map(),
    linksOfKommun: new Map(),
    areasOfDistrict: new Map(),
    successorsOf: new Map(),
  };
  for (const link of snapshot.links) {
    push(index.linksOf, `${link.unitKind}:${link.unit}`, link);
    push(index.linksOfKommun, link.municipalityCode, link);
  }
  for (const area of snapshot.localPoliceAreas) if (area.policeDistrictId) push(index.areasOfDistrict, area.policeDistrictId, area);
  for (const succession of snapshot.successions ?? []) push(index.successorsOf, succession.predecessorId, succession.successorId);
  indexes.set(snapshot, index);
  return index;
}

/** The lokalpolisområde with this id, or undefined. */
export function findLocalPoliceArea(snapshot: OrganisationSnapshot, id: string): OrganisationArea | undefined {
  return indexOf(snapshot).areas.get(id);
}

/** The polisområde with this id, or undefined. */
export function findPoliceDistrict(snapshot: OrganisationSnapshot, id: string): OrganisationDistrict | undefined {
  return indexOf(snapshot).districts.get(id);
}

/** The kommuner (SCB codes) a lokalpolisområde covers on a day: its links valid then, while it exists. */
function areaKommuner(index: Index, area: OrganisationArea, on: string): string[] {
  if (!periodContains(area, on)) return [];
  return (index.linksOf.get(`LPO:${area.id}`) ?? []).filter((link) => periodContains(link, on)).map((link) => link.municipalityCode);
}

/** Whether some registered lokalpolisområde covers the kommun (wholly or in part) on a day. */
function coveredByAnArea(index: Index, municipalityCode: string, on: string): boolean {
  return (index.linksOfKommun.get(municipalityCode) ?? []).some((link) => {
    const area = link.unitKind === 'LPO' ? index.areas.get(link.unit) : undefined;
    return area !== undefined && periodContains(link, on) && periodContains(area, on);
  });
}

/**
 * The kommuner (SCB codes, sorted) a unit covers on a day. A lokalpolisområde: its kommuner then.
 * A polisområde: its own kommuner and its lokalpolisområden's. A polisregion: those of its kommuner
 * that no registered lokalpolisområde covers that day, so that police of a whole region never act
 * over a lokalpolisområde. An unknown unit covers nothing, and nothing is covered without a copy
 * ({@link EMPTY_ORGANISATION}).
 */
export function coveredBy(snapshot: OrganisationSnapshot, unit: PoliceUnitRef, on: string): string[] {
  if (snapshot.revision === EMPTY_ORGANISATION.revision) return [];
  const index = indexOf(snapshot);
  const codes = new Set<string>();
  switch (unit.kind) {
    case 'LPO': {
      const area = index.areas.get(unit.id);
      if (area) for (const code of areaKommuner(index, area, on)) codes.add(code);
      break;
    }
    case 'DISTRICT': {
      const district = index.districts.get(unit.id);
      if (!district || !periodContains(district, on)) break;
      for (const link of index.linksOf.get(`DISTRICT:${district.id}`) ?? []) if (periodContains(link, on)) codes.add(link.municipalityCode);
      for (const area of index.areasOfDistrict.get(district.id) ?? []) for (const code of areaKommuner(index, area, on)) codes.add(code);
      break;
    }
    case 'REGION':
      for (const municipality of municipalities) {
        if (municipality.policeRegionCode === unit.id && !coveredByAnArea(index, municipality.code, on)) codes.add(municipality.code);
      }
      break;
  }
  return [...codes].sort();
}

/** The units covering a kommun on a day. */
export interface UnitsCovering {
  localPoliceAreas: OrganisationArea[];
  districts: OrganisationDistrict[];
  /** The kommun's polisregion (null for an unknown kommun). */
  policeRegionCode: string | null;
  /** Whether the region itself is the police party there: no lokalpolisområde covers the kommun that day. */
  regionCovers: boolean;
}

/** The lokalpolisområden, polisområden and region that cover a kommun on a day, each list by id. */
export function unitsCovering(snapshot: OrganisationSnapshot, municipalityCode: string, on: string): UnitsCovering {
  const index = indexOf(snapshot);
  const areas = new Map<string, OrganisationArea>();
  const districts = new Map<string, OrganisationDistrict>();
  for (const link of index.linksOfKommun.get(municipalityCode) ?? []) {
    if (!periodContains(link, on)) continue;
    if (link.unitKind === 'LPO') {
      const area = index.areas.get(link.unit);
      if (!area || !periodContains(area, on)) continue;
      areas.set(area.id, area);
      const district = area.policeDistrictId ? index.districts.get(area.policeDistrictId) : undefined;
      if (district && periodContains(district, on)) districts.set(district.id, district);
    } else {
      const district = index.districts.get(link.unit);
      if (district && periodContains(district, on)) districts.set(district.id, district);
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const policeRegionCode = municipalities.find((m) => m.code === municipalityCode)?.policeRegionCode ?? null;
  return { localPoliceAreas: [...areas.values()].sort(byId), districts: [...districts.values()].sort(byId), policeRegionCode, regionCovers: policeRegionCode !== null && areas.size === 0 };
}

/** Whether a unit with this kind and id is registered (a region: one of the seven) and lies in `policeRegionCode`. */
export function unitInRegion(snapshot: OrganisationSnapshot, unit: PoliceUnitRef, policeRegionCode: string): boolean {
  switch (unit.kind) {
    case 'LPO':
      return findLocalPoliceArea(snapshot, unit.id)?.policeRegionCode === policeRegionCode;
    case 'DISTRICT':
      return findPoliceDistrict(snapshot, unit.id)?.policeRegionCode === policeRegionCode;
    case 'REGION':
      return unit.id === policeRegionCode && municipalities.some((m) => m.policeRegionCode === unit.id);
  }
}

/** The lokalpolisområden that continue `id` (its successors, theirs, and so on), by id. */
export function successorsOf(snapshot: OrganisationSnapshot, id: string): string[] {
  const { successorsOf: edges } = indexOf(snapshot);
  const seen = new Set<string>();
  const stack = [...(edges.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next) || next === id) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return [...seen].sort();
}

/** A unit's name in messages: the registered name, or "polisregion X". */
export function unitName(snapshot: OrganisationSnapshot, unit: PoliceUnitRef): string {
  switch (unit.kind) {
    case 'LPO':
      return findLocalPoliceArea(snapshot, unit.id)?.name ?? `lokalpolisområde "${unit.id}"`;
    case 'DISTRICT':
      return findPoliceDistrict(snapshot, unit.id)?.name ?? `polisområde "${unit.id}"`;
    case 'REGION':
      return `polisregion ${unit.id}`;
  }
}

/** A plain lokalpolisområde and its kommuner, open-ended (for tests and fixtures). */
export interface PlainArea {
  id: string;
  name: string;
  policeRegionCode: string;
  municipalityCodes: readonly string[];
}

/** A snapshot of lokalpolisområden with open periods and no polisområden (for tests and fixtures). */
export function snapshotOfAreas(areas: readonly PlainArea[], revision = 1): OrganisationSnapshot {
  const open = { validFrom: null, validTo: null };
  return {
    revision,
    districts: [],
    localPoliceAreas: areas.map((area) => ({ id: area.id, name: area.name, policeRegionCode: area.policeRegionCode, policeDistrictId: null, ...open })),
    links: areas.flatMap((area) => area.municipalityCodes.map((code) => ({ unit: area.id, unitKind: 'LPO' as const, municipalityCode: code, part: false, ...open }))),
  };
}
