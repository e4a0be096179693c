import { lockRow, type Snapshot } from '@samverkan/schema';
import type { Tx } from '../db';
import { isoOf, type Period, periodOf, type UnitKind } from './rules';

/*
 * The police organisation as plain values (dates as ISO text), read from the tables in a handful of
 * queries: what an import compares a file with, and what the audit trail snapshots of a unit are
 * built from, so that an imported change and a mutation record the same fields.
 */

export interface DistrictValues extends Period {
  id: string;
  name: string;
  policeRegionCode: string;
}

export interface AreaValues extends Period {
  id: string;
  name: string;
  policeRegionCode: string;
  policeDistrictId: string | null;
  nameStated: boolean;
}

export interface LinkValues extends Period {
  unitKind: UnitKind;
  unitId: string;
  municipalityCode: string;
  part: boolean;
}

export interface SuccessionValues {
  predecessorId: string;
  successorId: string;
  on: string;
}

export interface SourceValues {
  title: string;
  publishedOn: string | null;
  url: string | null;
  note: string | null;
  attestsOn: string | null;
}

/** The whole organisation below the regions, keyed as the tables are. */
export interface OrganisationState {
  districts: Map<string, DistrictValues>;
  areas: Map<string, AreaValues>;
  /** By {@link linkKey}. */
  links: Map<string, LinkValues>;
  /** By {@link successionKey}. */
  successions: Map<string, SuccessionValues>;
  /** By {@link unitKey}. */
  sources: Map<string, SourceValues[]>;
}

export const unitKey = (kind: UnitKind, id: string) => `${kind}:${id}`;
export const linkKey = (kind: UnitKind, id: string, municipalityCode: string) => `${kind}:${id}:${municipalityCode}`;
export const successionKey = (predecessorId: string, successorId: string) => `${predecessorId}>${successorId}`;
/** Sources of a unit are one per title and publication day. */
export const sourceKey = (source: Pick<SourceValues, 'title' | 'publishedOn'>) => `${source.title}|${source.publishedOn ?? ''}`;

/** Reads the organisation (or one unit's part of it, with `only`). */
export async function loadOrganisation(tx: Tx, only?: { kind: UnitKind; id: string }): Promise<OrganisationState> {
  const lpo = only?.kind === 'LPO' ? only.id : undefined;
  const district = only?.kind === 'DISTRICT' ? only.id : undefined;
  const skipDistricts = only !== undefined && !district;
  const skipAreas = only !== undefined && !lpo;
  const [districts, areas, areaLinks, districtLinks, successions, sources] = [
    skipDistricts ? [] : await tx.policeDistrict.findMany({ where: { id: district } }),
    skipAreas ? [] : await tx.localPoliceArea.findMany({ where: { id: lpo } }),
    skipAreas ? [] : await tx.localPoliceAreaMunicipality.findMany({ where: { localPoliceAreaId: lpo } }),
    skipDistricts ? [] : await tx.policeDistrictMunicipality.findMany({ where: { policeDistrictId: district } }),
    skipAreas ? [] : await tx.localPoliceAreaSuccession.findMany({ where: lpo ? { OR: [{ predecessorId: lpo }, { successorId: lpo }] } : {} }),
    await tx.organisationSource.findMany({ where: only ? (lpo ? { localPoliceAreaId: lpo } : { policeDistrictId: district }) : { policeRegionCode: null }, orderBy: { id: 'asc' } }),
  ];
  const state: OrganisationState = { districts: new Map(), areas: new Map(), links: new Map(), successions: new Map(), sources: new Map() };
  for (const row of districts) state.districts.set(row.id, { id: row.id, name: row.name, policeRegionCode: row.policeRegionCode, ...periodOf(row) });
  for (const row of areas) {
    state.areas.set(row.id, { id: row.id, name: row.name, policeRegionCode: row.policeRegionCode, policeDistrictId: row.policeDistrictId, nameStated: row.nameStated, ...periodOf(row) });
  }
  for (const row of areaLinks) setLink(state, { unitKind: 'LPO', unitId: row.localPoliceAreaId, municipalityCode: row.municipalityCode, part: row.part, ...periodOf(row) });
  for (const row of districtLinks) setLink(state, { unitKind: 'DISTRICT', unitId: row.policeDistrictId, municipalityCode: row.municipalityCode, part: row.part, ...periodOf(row) });
  for (const row of successions) state.successions.set(successionKey(row.predecessorId, row.successorId), { predecessorId: row.predecessorId, successorId: row.successorId, on: isoOf(row.on)! });
  for (const row of sources) {
    const unit = row.localPoliceAreaId ? unitKey('LPO', row.localPoliceAreaId) : unitKey('DISTRICT', row.policeDistrictId!);
    const values = { title: row.title, publishedOn: isoOf(row.publishedOn), url: row.url, note: row.note, attestsOn: isoOf(row.attestsOn) };
    state.sources.set(unit, [...(state.sources.get(unit) ?? []), values]);
  }
  return state;
}

export function setLink(state: OrganisationState, link: LinkValues): void {
  state.links.set(linkKey(link.unitKind, link.unitId, link.municipalityCode), link);
}

const indexes = new WeakMap<OrganisationState, { links: Map<string, LinkValues[]>; successions: Map<string, SuccessionValues[]> }>();

/** The links by unit and successions by predecessor of a state no longer being changed, computed once (snapshots are taken of every unit). */
function byUnit(state: OrganisationState) {
  let index = indexes.get(state);
  if (!index) {
    index = { links: new Map(), successions: new Map() };
    for (const link of state.links.values()) {
      const key = unitKey(link.unitKind, link.unitId);
      index.links.set(key, [...(index.links.get(key) ?? []), link]);
    }
    for (const succession of state.successions.values()) index.successions.set(succession.predecessorId, [...(index.successions.get(succession.predecessorId) ?? []), succession]);
    indexes.set(state, index);
  }
  return index;
}

const periodText = (period: Period) => `${period.validFrom ?? ''}–${period.validTo ?? ''}`;

/**
 * A unit's audited fields: its own, its kommuner (code, part, period), its successions and its
 * sources, each list sorted, so that the same organisation always gives the same snapshot.
 */
export function unitSnapshot(state: OrganisationState, kind: UnitKind, id: string): Snapshot | null {
  const unit = kind === 'LPO' ? state.areas.get(id) : state.districts.get(id);
  if (!unit) return null;
  const { links, successions } = byUnit(state);
  const ownLinks = links.get(unitKey(kind, id)) ?? [];
  const ownSuccessions = successions.get(id) ?? [];
  return {
    ...unit,
    municipalities: ownLinks.map((l) => `${l.municipalityCode}${l.part ? ' (part)' : ''} ${periodText(l)}`).sort(),
    ...(kind === 'LPO' ? { successors: ownSuccessions.map((s) => `${s.successorId} ${s.on}`).sort() } : {}),
    sources: (state.sources.get(unitKey(kind, id)) ?? []).map((s) => [s.title, s.publishedOn, s.url, s.note, s.attestsOn].map((v) => v ?? '').join(' | ')).sort(),
  };
}

/** The audit trail's entity type of a unit. */
export const UNIT_ENTITY: Record<UnitKind, string> = { LPO: 'LocalPoliceArea', DISTRICT: 'PoliceDistrict' };

/** Reads one unit's snapshot from the tables (for the write kit). */
export async function storedUnitSnapshot(tx: Tx, kind: UnitKind, id: string): Promise<Snapshot | null> {
  return unitSnapshot(await loadOrganisation(tx, { kind, id }), kind, id);
}

/** Raises the organisation's revision once, in the write's transaction; the other subgraphs' copies compare it. */
export async function bumpRevision(tx: Tx): Promise<number> {
  const row = await tx.organisationRevision.upsert({ where: { id: 1 }, create: { id: 1, revision: 1 }, update: { revision: { increment: 1 } } });
  return row.revision;
}

/** The organisation's revision (0 before anything is written). */
export async function currentRevision(tx: Pick<Tx, 'organisationRevision'>): Promise<number> {
  return (await tx.organisationRevision.findUnique({ where: { id: 1 } }))?.revision ?? 0;
}

/**
 * Serialises every write to the organisation: one row lock, taken first in each write's
 * transaction (the overlap and cycle rules are checked in code, so two writers must not interleave).
 */
export async function lockOrganisation(tx: Tx): Promise<void> {
  await tx.organisationRevision.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  await lockRow(tx, 'OrganisationRevision', 1);
}
