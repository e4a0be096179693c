import { type AuditEntryData, auditEntry, changedFields, IMPORT_TRANSACTION_OPTIONS, type RefusedRow, type SubgraphContext, writeAudits } from '@samverkan/schema';
import type { PrismaClient, Tx } from '../db';
import { checkOrganisationFile } from './csv-format';
import { planImport } from './plan';
import { dayOf as day, periodData, type UnitKind } from './rules';
import { bumpRevision, currentRevision, loadOrganisation, lockOrganisation, type OrganisationState, UNIT_ENTITY, unitSnapshot } from './state';

/** What importing one file did (or, in a dry run, would do). */
export interface OrganisationImportSummary {
  fileName: string;
  dryRun: boolean;
  /** Rows in the file, without the header. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: RefusedRow[];
  /** The organisation's revision after the import. */
  revision: number;
}

export interface OrganisationImportOptions {
  /** Who imports, as the audit trail names them. */
  writer: SubgraphContext;
  /** Called as records (units, links, successions) are written: written so far, and the total to write. */
  onProgress?: (done: number, total: number) => void;
}

/** The audit trail's operation of an import. */
export const IMPORT_OPERATION = 'importPoliceOrganisation';
const CHUNK = 200;

/**
 * Imports a police organisation CSV: every row is checked on its own, then, in one transaction
 * under the organisation's lock, against the file and the stored units. The good rows are written
 * where they differ from what is stored, each changed unit audited once, the revision raised once
 * if anything changed. Importing the same file again changes nothing. A dry run writes nothing.
 */
export async function importPoliceOrganisation(
  db: PrismaClient,
  file: { fileName: string; bytes: Buffer; dryRun?: boolean },
  options: OrganisationImportOptions,
): Promise<OrganisationImportSummary> {
  const checked = checkOrganisationFile(new TextDecoder('utf-8').decode(file.bytes));
  return db.$transaction(async (tx) => {
    await lockOrganisation(tx);
    const stored = await loadOrganisation(tx);
    const plan = planImport(stored, checked.records);
    const count = (change: string) => plan.changes.filter((c) => c.change === change).length;
    const refused = [...checked.refused, ...plan.refused].sort((a, b) => a.line - b.line);
    const summary = { fileName: file.fileName, dryRun: file.dryRun ?? false, rows: checked.rows, inserted: count('INSERT'), updated: count('UPDATE'), unchanged: count('UNCHANGED'), refused };
    const steps = file.dryRun ? [] : writeSteps(tx, stored, plan.next);
    const total = steps.reduce((sum, step) => sum + step.rows, 0);
    options.onProgress?.(0, total);
    let done = 0;
    for (const step of steps) {
      await step.run();
      const before = done;
      done += step.rows;
      if (Math.floor(done / CHUNK) > Math.floor(before / CHUNK) || done === total) options.onProgress?.(done, total);
    }
    const audits = file.dryRun ? [] : unitAudits(stored, plan.next, options.writer);
    await writeAudits(tx, audits);
    const revision = audits.length ? await bumpRevision(tx) : await currentRevision(tx);
    return { ...summary, revision };
  }, IMPORT_TRANSACTION_OPTIONS);
}

interface Step {
  rows: number;
  run(): Promise<unknown>;
}

const differs = (a: object | undefined, b: object) => a === undefined || JSON.stringify(a) !== JSON.stringify(b);

/** Writes in chunks; `counted` false for what accompanies the records (their sources), which progress does not count. */
function chunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>, counted = true): Step[] {
  const steps: Step[] = [];
  for (let at = 0; at < items.length; at += CHUNK) {
    const chunk = items.slice(at, at + CHUNK);
    steps.push({ rows: counted ? chunk.length : 0, run: () => write(chunk) });
  }
  return steps;
}

/** The writes that turn `stored` into `next`: creates in chunks, each changed record on its own. */
function writeSteps(tx: Tx, stored: OrganisationState, next: OrganisationState): Step[] {
  const created = <T>(map: Map<string, T>, was: Map<string, T>) => [...map].filter(([key]) => !was.has(key)).map(([, value]) => value);
  const changed = <T extends object>(map: Map<string, T>, was: Map<string, T>) => [...map].filter(([key, value]) => was.has(key) && differs(was.get(key), value)).map(([, value]) => value);
  const newLinks = created(next.links, stored.links);
  const changedLinks = changed(next.links, stored.links);
  const sources = [...next.sources].flatMap(([key, list]) => list.slice(stored.sources.get(key)?.length ?? 0).map((source) => ({ key, source })));
  const unitOf = (key: string) => {
    const [kind, id] = key.split(':') as [UnitKind, string];
    return kind === 'LPO' ? { localPoliceAreaId: id } : { policeDistrictId: id };
  };
  return [
    ...chunks(created(next.districts, stored.districts), (rows) => tx.policeDistrict.createMany({ data: rows.map((d) => ({ ...d, ...periodData(d) })) })),
    ...changed(next.districts, stored.districts).map((d) => ({ rows: 1, run: () => tx.policeDistrict.update({ where: { id: d.id }, data: { ...d, ...periodData(d), version: { increment: 1 } } }) })),
    ...chunks(created(next.areas, stored.areas), (rows) => tx.localPoliceArea.createMany({ data: rows.map((a) => ({ ...a, ...periodData(a) })) })),
    ...changed(next.areas, stored.areas).map((a) => ({ rows: 1, run: () => tx.localPoliceArea.update({ where: { id: a.id }, data: { ...a, ...periodData(a), version: { increment: 1 } } }) })),
    ...chunks(newLinks.filter((l) => l.unitKind === 'LPO'), (rows) =>
      tx.localPoliceAreaMunicipality.createMany({ data: rows.map((l) => ({ localPoliceAreaId: l.unitId, municipalityCode: l.municipalityCode, part: l.part, ...periodData(l) })) })),
    ...chunks(newLinks.filter((l) => l.unitKind === 'DISTRICT'), (rows) =>
      tx.policeDistrictMunicipality.createMany({ data: rows.map((l) => ({ policeDistrictId: l.unitId, municipalityCode: l.municipalityCode, part: l.part, ...periodData(l) })) })),
    ...changedLinks.map((l) => ({
      rows: 1,
      run: () =>
        l.unitKind === 'LPO'
          ? tx.localPoliceAreaMunicipality.update({ where: { localPoliceAreaId_municipalityCode: { localPoliceAreaId: l.unitId, municipalityCode: l.municipalityCode } }, data: { part: l.part, ...periodData(l) } })
          : tx.policeDistrictMunicipality.update({ where: { policeDistrictId_municipalityCode: { policeDistrictId: l.unitId, municipalityCode: l.municipalityCode } }, data: { part: l.part, ...periodData(l) } }),
    })),
    ...chunks(created(next.successions, stored.successions), (rows) => tx.localPoliceAreaSuccession.createMany({ data: rows.map((s) => ({ ...s, on: day(s.on)! })) })),
    ...changed(next.successions, stored.successions).map((s) => ({
      rows: 1,
      run: () => tx.localPoliceAreaSuccession.update({ where: { predecessorId_successorId: { predecessorId: s.predecessorId, successorId: s.successorId } }, data: { on: day(s.on)! } }),
    })),
    ...chunks(sources, (rows) =>
      tx.organisationSource.createMany({ data: rows.map(({ key, source }) => ({ ...unitOf(key), ...source, publishedOn: day(source.publishedOn), attestsOn: day(source.attestsOn) })) }), false),
    // A unit's version follows every change to its snapshot (its links, successions and sources too).
    ...versionSteps(tx, stored, next),
  ];
}

/** The units whose snapshot changes but whose own row is not updated above: their version still moves on. */
function versionSteps(tx: Tx, stored: OrganisationState, next: OrganisationState): Step[] {
  const moved = (kind: UnitKind) =>
    changedUnits(stored, next, kind).filter((id) => {
      const map = kind === 'LPO' ? [stored.areas, next.areas] : [stored.districts, next.districts];
      return map[0]!.has(id) && !differs(map[0]!.get(id), map[1]!.get(id)!);
    });
  const areas = moved('LPO');
  const districts = moved('DISTRICT');
  return [
    ...(areas.length ? [{ rows: 0, run: () => tx.localPoliceArea.updateMany({ where: { id: { in: areas } }, data: { version: { increment: 1 } } }) }] : []),
    ...(districts.length ? [{ rows: 0, run: () => tx.policeDistrict.updateMany({ where: { id: { in: districts } }, data: { version: { increment: 1 } } }) }] : []),
  ];
}

/** The ids of the units of a kind whose snapshot differs between the two states. */
function changedUnits(stored: OrganisationState, next: OrganisationState, kind: UnitKind): string[] {
  const ids = kind === 'LPO' ? next.areas.keys() : next.districts.keys();
  return [...ids].filter((id) => JSON.stringify(unitSnapshot(stored, kind, id)) !== JSON.stringify(unitSnapshot(next, kind, id)));
}

/** One audit entry per unit whose snapshot the import changes (created units from nothing). */
function unitAudits(stored: OrganisationState, next: OrganisationState, writer: SubgraphContext): AuditEntryData[] {
  return (['DISTRICT', 'LPO'] as const).flatMap((kind) =>
    changedUnits(stored, next, kind).map((id) => {
      const before = unitSnapshot(stored, kind, id);
      const after = unitSnapshot(next, kind, id)!;
      return auditEntry(writer, IMPORT_OPERATION, { type: UNIT_ENTITY[kind], key: id }, changedFields(before, after, Object.keys(after)));
    }),
  );
}
