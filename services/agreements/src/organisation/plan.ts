import { isPoliceRegionCode } from '@samverkan/geo';
import type { RefusedRow } from '@samverkan/schema';
import type { OrganisationRow, RecordKind } from './csv-format';
import { closesCycle, municipalityProblem, periodsOverlap, regionProblem, type UnitKind } from './rules';
import { linkKey, type OrganisationState, setLink, sourceKey, successionKey, unitKey } from './state';

/*
 * What a checked file would make of the stored organisation: each row resolved against the rows
 * of the file and the stored units (districts first, then lokalpolisområden, links and successions,
 * so the order of rows does not matter), refused with its line when it cannot be, and applied to a
 * copy of the state otherwise. The import then writes the difference between the two states.
 */

export type RowChange = 'INSERT' | 'UPDATE' | 'UNCHANGED';

export interface OrganisationPlan {
  next: OrganisationState;
  changes: { line: number; change: RowChange }[];
  refused: RefusedRow[];
}

const ORDER: readonly RecordKind[] = ['district', 'lpo', 'link', 'succession'];

/** A deep enough copy of the state to change without touching the stored one. */
function copyOf(state: OrganisationState): OrganisationState {
  return {
    districts: new Map(state.districts),
    areas: new Map(state.areas),
    links: new Map(state.links),
    successions: new Map(state.successions),
    sources: new Map([...state.sources].map(([key, list]) => [key, [...list]])),
  };
}

const same = (a: object | undefined, b: object) => a !== undefined && JSON.stringify(a) === JSON.stringify({ ...a, ...b });

export function planImport(stored: OrganisationState, records: readonly OrganisationRow[]): OrganisationPlan {
  const next = copyOf(stored);
  const plan: OrganisationPlan = { next, changes: [], refused: [] };
  /** The line each record key was first given on, and the lines of refused units by unit key. */
  const given = new Map<string, OrganisationRow>();
  const refusedUnits = new Map<string, number>();

  const refuse = (row: OrganisationRow, column: string, reason: string) => {
    plan.refused.push({ line: row.line, column, reason });
    if (row.kind === 'district' || row.kind === 'lpo') refusedUnits.set(unitKey(row.kind === 'lpo' ? 'LPO' : 'DISTRICT', row.id), row.line);
  };
  const unknownUnit = (row: OrganisationRow, column: string, id: string, what: string) => {
    const line = refusedUnits.get(unitKey('LPO', id)) ?? refusedUnits.get(unitKey('DISTRICT', id));
    refuse(row, column, line ? `${id} was refused on line ${line}` : `no ${what} has the id "${id}" in the file or the hub`);
  };
  const addSource = (row: OrganisationRow, kind: UnitKind, id: string): boolean => {
    const list = next.sources.get(unitKey(kind, id)) ?? [];
    if (list.some((source) => sourceKey(source) === sourceKey(row.source))) return false;
    next.sources.set(unitKey(kind, id), [...list, row.source]);
    return true;
  };
  const record = (row: OrganisationRow, existed: boolean, changed: boolean) =>
    plan.changes.push({ line: row.line, change: !existed ? 'INSERT' : changed ? 'UPDATE' : 'UNCHANGED' });
  /** Refuses a second row for the same record; true when the row is the first. */
  const first = (row: OrganisationRow, key: string, what: string) => {
    const earlier = given.get(key);
    if (!earlier) given.set(key, row);
    else refuse(row, 'id', `line ${earlier.line} already gives ${what}`);
    return !earlier;
  };

  const rows = [...records].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.line - b.line);
  for (const row of rows) {
    const { id, parent } = row;
    const period = { validFrom: row.validFrom, validTo: row.validTo };
    if (row.kind === 'district') {
      const problem = regionProblem(parent);
      if (problem) refuse(row, 'parent', problem);
      else if (next.areas.has(id)) refuse(row, 'id', `"${id}" is a lokalpolisområde's id`);
      else if (stored.districts.has(id) && stored.districts.get(id)!.policeRegionCode !== parent) refuse(row, 'parent', `polisområde ${id} belongs to ${stored.districts.get(id)!.policeRegionCode}; it cannot move to another region`);
      else if (first(row, unitKey('DISTRICT', id), `polisområde ${id}`)) {
        const values = { id, name: row.name, policeRegionCode: parent, ...period };
        const unchanged = same(stored.districts.get(id), values);
        next.districts.set(id, values);
        record(row, stored.districts.has(id), addSource(row, 'DISTRICT', id) || !unchanged);
      }
    } else if (row.kind === 'lpo') {
      const district = isPoliceRegionCode(parent) ? null : next.districts.get(parent);
      if (district === undefined) unknownUnit(row, 'parent', parent, 'polisregion or polisområde');
      else if (next.districts.has(id)) refuse(row, 'id', `"${id}" is a polisområde's id`);
      else if (first(row, unitKey('LPO', id), `lokalpolisområde ${id}`)) {
        const was = stored.areas.get(id);
        const values = { id, name: row.name, policeRegionCode: district?.policeRegionCode ?? parent, policeDistrictId: district?.id ?? null, nameStated: was?.nameStated ?? true, ...period };
        const unchanged = same(was, values);
        next.areas.set(id, values);
        record(row, was !== undefined, addSource(row, 'LPO', id) || !unchanged);
      }
    } else if (row.kind === 'link') {
      const unitKind: UnitKind | null = next.areas.has(id) ? 'LPO' : next.districts.has(id) ? 'DISTRICT' : null;
      if (!unitKind) {
        unknownUnit(row, 'id', id, 'lokalpolisområde or polisområde');
        continue;
      }
      const unit = unitKind === 'LPO' ? next.areas.get(id)! : next.districts.get(id)!;
      const key = linkKey(unitKind, id, row.municipalityCode);
      const earlier = given.get(key);
      const problem = municipalityProblem(row.municipalityCode, unit.policeRegionCode);
      if (problem) refuse(row, 'municipality_code', problem);
      else if (earlier) {
        refuse(row, 'valid_from', periodsOverlap(earlier, period)
          ? `overlaps the period of line ${earlier.line} for ${id} in kommun ${row.municipalityCode}`
          : `line ${earlier.line} already gives ${id} a period in kommun ${row.municipalityCode}; a unit has one period per kommun`);
      } else {
        given.set(key, row);
        const values = { unitKind, unitId: id, municipalityCode: row.municipalityCode, part: row.part, ...period };
        const unchanged = same(stored.links.get(key), values);
        setLink(next, values);
        record(row, stored.links.has(key), addSource(row, unitKind, id) || !unchanged);
      }
    } else {
      const key = successionKey(id, parent);
      if (!next.areas.has(id)) unknownUnit(row, 'id', id, 'lokalpolisområde');
      else if (!next.areas.has(parent)) unknownUnit(row, 'parent', parent, 'lokalpolisområde');
      else if (closesCycle(successorsOf(next, key), id, parent)) refuse(row, 'parent', `${id} → ${parent} would close a cycle of successions`);
      else if (first(row, key, `the succession ${id} → ${parent}`)) {
        const values = { predecessorId: id, successorId: parent, on: row.validFrom! };
        const unchanged = same(stored.successions.get(key), values);
        next.successions.set(key, values);
        record(row, stored.successions.has(key), addSource(row, 'LPO', id) || !unchanged);
      }
    }
  }
  plan.refused.sort((a, b) => a.line - b.line);
  return plan;
}

/** Predecessor → successors, without the succession `except` (the one being replaced). */
function successorsOf(state: OrganisationState, except: string): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [key, s] of state.successions) {
    if (key !== except) edges.set(s.predecessorId, [...(edges.get(s.predecessorId) ?? []), s.successorId]);
  }
  return edges;
}
