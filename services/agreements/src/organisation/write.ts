import { badInput, forbidden, type SubgraphContext, versionedChange, type VersionedChange, auditCreated } from '@samverkan/schema';
import type { Tx } from '../db';
import { closesCycle, municipalityProblem, optionalDate, type Period, periodData, periodProblem, regionProblem, unitIdProblem, type UnitKind } from './rules';
import { bumpRevision, loadOrganisation, lockOrganisation, storedUnitSnapshot, UNIT_ENTITY } from './state';

/*
 * The administrators' changes to the police organisation, on the shared write kit: a created unit
 * audited from nothing, every other change a versioned change of the unit (its links and
 * successions are part of its snapshot), each under the organisation's lock and raising its revision.
 */

export interface PeriodInput {
  validFrom?: string | null;
  validTo?: string | null;
}
export interface DistrictInput extends PeriodInput {
  name: string;
}
export interface AreaInput extends PeriodInput {
  name: string;
  /** A polisområde's id, or null for none (the area then belongs to `policeRegion`). */
  policeDistrict?: string | null;
  policeRegion?: string | null;
  nameStated?: boolean | null;
}
export interface LinkInput extends PeriodInput {
  municipalityCode: string;
  part?: boolean | null;
}

function requireAdmin(writer: SubgraphContext): void {
  if (writer.actor.role !== 'admin') throw forbidden('Only an administrator may change the police organisation.');
}

function checkedId(id: string): string {
  const problem = unitIdProblem(id);
  if (problem) throw badInput(`${problem}.`, { argument: 'id' });
  return id;
}

function checkedPeriod(input: PeriodInput, argument = 'input'): Period {
  const from = optionalDate(input.validFrom);
  const to = optionalDate(input.validTo);
  if (typeof from === 'string' || typeof to === 'string') throw badInput(`${typeof from === 'string' ? from : to}.`, { argument });
  const period = { validFrom: from.date, validTo: to.date };
  const problem = periodProblem(period);
  if (problem) throw badInput(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`, { argument });
  return period;
}

function checkedRegion(code: string | null | undefined, argument: string): string {
  const problem = regionProblem(code ?? '');
  if (problem) throw badInput(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`, { argument });
  return code!;
}

/** The area's region and district from its input: the district's region, or the region given. */
async function placeOf(tx: Tx, input: AreaInput): Promise<{ policeRegionCode: string; policeDistrictId: string | null }> {
  if (!input.policeDistrict) return { policeRegionCode: checkedRegion(input.policeRegion, 'input.policeRegion'), policeDistrictId: null };
  const district = await tx.policeDistrict.findUnique({ where: { id: input.policeDistrict } });
  if (!district) throw badInput(`No polisområde has the id "${input.policeDistrict}".`, { argument: 'input.policeDistrict' });
  if (input.policeRegion && input.policeRegion !== district.policeRegionCode) {
    throw badInput(`Polisområde ${district.id} belongs to ${district.policeRegionCode}, not ${input.policeRegion}.`, { argument: 'input.policeRegion' });
  }
  return { policeRegionCode: district.policeRegionCode, policeDistrictId: district.id };
}

async function refuseTakenId(tx: Tx, id: string): Promise<void> {
  const [district, area] = [await tx.policeDistrict.findUnique({ where: { id } }), await tx.localPoliceArea.findUnique({ where: { id } })];
  if (district || area) throw badInput(`The id "${id}" is taken (by a ${district ? 'polisområde' : 'lokalpolisområde'}).`, { argument: 'input.id' });
}

/** Creates a polisområde. */
export async function createPoliceDistrict(tx: Tx, writer: SubgraphContext, input: DistrictInput & { id: string; policeRegion: string }): Promise<string> {
  requireAdmin(writer);
  await lockOrganisation(tx);
  const id = checkedId(input.id);
  await refuseTakenId(tx, id);
  const data = { id, name: input.name.trim(), policeRegionCode: checkedRegion(input.policeRegion, 'input.policeRegion'), ...periodData(checkedPeriod(input)) };
  await tx.policeDistrict.create({ data });
  await auditCreated(tx, writer, 'createPoliceDistrict', { type: UNIT_ENTITY.DISTRICT, key: id }, (t, key) => storedUnitSnapshot(t, 'DISTRICT', key));
  await bumpRevision(tx);
  return id;
}

/** Creates a lokalpolisområde in a polisområde or directly in a region. */
export async function createLocalPoliceArea(tx: Tx, writer: SubgraphContext, input: AreaInput & { id: string }): Promise<string> {
  requireAdmin(writer);
  await lockOrganisation(tx);
  const id = checkedId(input.id);
  await refuseTakenId(tx, id);
  const data = { id, name: input.name.trim(), nameStated: input.nameStated ?? true, ...(await placeOf(tx, input)), ...periodData(checkedPeriod(input)) };
  await tx.localPoliceArea.create({ data });
  await auditCreated(tx, writer, 'createLocalPoliceArea', { type: UNIT_ENTITY.LPO, key: id }, (t, key) => storedUnitSnapshot(t, 'LPO', key));
  await bumpRevision(tx);
  return id;
}

type UnitRow = { version: number; policeRegionCode: string };

/** A versioned change of one unit under the organisation's lock, raising the revision; answers the unit's id. */
async function unitChange(tx: Tx, writer: SubgraphContext, operation: string, kind: UnitKind, id: string, version: number | null, write: VersionedChange<Tx, UnitRow>['write']): Promise<string> {
  await lockOrganisation(tx);
  await versionedChange<Tx, UnitRow>(tx, writer, operation, {
    entityType: UNIT_ENTITY[kind],
    noun: kind === 'LPO' ? 'lokalpolisområde' : 'polisområde',
    id,
    version,
    load: (t, key) => (kind === 'LPO' ? t.localPoliceArea.findUnique({ where: { id: key } }) : t.policeDistrict.findUnique({ where: { id: key } })),
    mayRead: () => true,
    authorize: () => requireAdmin(writer),
    snapshot: (t, key) => storedUnitSnapshot(t, kind, key),
    write,
  });
  await bumpRevision(tx);
  return id;
}

/** Changes a polisområde's name and period. */
export function updatePoliceDistrict(tx: Tx, writer: SubgraphContext, id: string, version: number, input: DistrictInput): Promise<string> {
  return unitChange(tx, writer, 'updatePoliceDistrict', 'DISTRICT', id, version, async (t) => {
    await t.policeDistrict.update({ where: { id }, data: { name: input.name.trim(), ...periodData(checkedPeriod(input)), version: { increment: 1 } } });
  });
}

/** Changes a lokalpolisområde's name, place (polisområde or region) and period. */
export function updateLocalPoliceArea(tx: Tx, writer: SubgraphContext, id: string, version: number, input: AreaInput): Promise<string> {
  return unitChange(tx, writer, 'updateLocalPoliceArea', 'LPO', id, version, async (t) => {
    const place = await placeOf(t, input);
    const outside = await t.localPoliceAreaMunicipality.findFirst({ where: { localPoliceAreaId: id, municipality: { county: { policeRegionCode: { not: place.policeRegionCode } } } } });
    if (outside) throw badInput(`Kommun ${outside.municipalityCode} of ${id} lies outside ${place.policeRegionCode}: change the area's kommuner first.`, { argument: 'input' });
    const data = { name: input.name.trim(), ...place, ...(input.nameStated != null ? { nameStated: input.nameStated } : {}), ...periodData(checkedPeriod(input)) };
    await t.localPoliceArea.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  });
}

/** Replaces a unit's kommuner (each with its period), all in the unit's region, one period per kommun. */
export function setPoliceUnitMunicipalities(tx: Tx, writer: SubgraphContext, unit: { kind: UnitKind; id: string }, links: readonly LinkInput[]): Promise<string> {
  return unitChange(tx, writer, 'setPoliceUnitMunicipalities', unit.kind, unit.id, null, async (t, row) => {
    const region = row.policeRegionCode;
    const seen = new Set<string>();
    const data = links.map((link, index) => {
      const problem = municipalityProblem(link.municipalityCode, region) ?? (seen.has(link.municipalityCode) ? `kommun ${link.municipalityCode} is given twice; a unit has one period per kommun` : null);
      if (problem) throw badInput(`links[${index}]: ${problem}.`, { argument: `links.${index}` });
      seen.add(link.municipalityCode);
      return { municipalityCode: link.municipalityCode, part: link.part ?? false, ...periodData(checkedPeriod(link, `links.${index}`)) };
    });
    if (unit.kind === 'LPO') {
      await t.localPoliceAreaMunicipality.deleteMany({ where: { localPoliceAreaId: unit.id } });
      await t.localPoliceAreaMunicipality.createMany({ data: data.map((link) => ({ ...link, localPoliceAreaId: unit.id })) });
      await t.localPoliceArea.update({ where: { id: unit.id }, data: { version: { increment: 1 } } });
    } else {
      await t.policeDistrictMunicipality.deleteMany({ where: { policeDistrictId: unit.id } });
      await t.policeDistrictMunicipality.createMany({ data: data.map((link) => ({ ...link, policeDistrictId: unit.id })) });
      await t.policeDistrict.update({ where: { id: unit.id }, data: { version: { increment: 1 } } });
    }
  });
}

/** Records that a lokalpolisområde continues as others (split, merge, rename) from a day. */
export function recordLocalPoliceAreaSuccession(tx: Tx, writer: SubgraphContext, predecessor: string, successors: readonly string[], on: string): Promise<string> {
  const day = checkedPeriod({ validFrom: on }, 'on');
  return unitChange(tx, writer, 'recordLocalPoliceAreaSuccession', 'LPO', predecessor, null, async (t) => {
    const state = await loadOrganisation(t);
    const edges = new Map<string, string[]>();
    for (const s of state.successions.values()) edges.set(s.predecessorId, [...(edges.get(s.predecessorId) ?? []), s.successorId]);
    for (const successor of successors) {
      if (!state.areas.has(successor)) throw badInput(`No lokalpolisområde has the id "${successor}".`, { argument: 'successors' });
      if (closesCycle(edges, predecessor, successor)) throw badInput(`${predecessor} → ${successor} would close a cycle of successions.`, { argument: 'successors' });
      const data = { on: periodData(day).validFrom! };
      await t.localPoliceAreaSuccession.upsert({ where: { predecessorId_successorId: { predecessorId: predecessor, successorId: successor } }, create: { predecessorId: predecessor, successorId: successor, ...data }, update: data });
    }
    await t.localPoliceArea.update({ where: { id: predecessor }, data: { version: { increment: 1 } } });
  });
}
