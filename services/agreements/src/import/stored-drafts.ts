import type { Tx } from '../db';
import type { Party } from '../generated/prisma/client';
import type { LifecycleRecord } from '../lifecycle/record';

/*
 * The stored agreements and medborgarlöften of a kommun as an import compares them before it writes
 * (compare before write): each section's records read in one batch — the rows, then each part for
 * all of them in one query — in the shape the draft's writes give them, so that a record the file
 * gives unchanged is found so without writing.
 */

/** A signatory or a source as the draft writes them (`writeDocuments`). */
interface Documents {
  signatories: readonly { name: string; title: string; party: Party; position: number }[];
  sources: readonly { title: string; publishedOn: Date | null; url: string | null; note: string | null }[];
}

/** A stored record as an import compares it: the lifecycle record (for the read and change rules, and the check before signing) and all the import writes of it. */
export interface StoredDraft extends LifecycleRecord {
  /** The record's own row: the draft's fields are compared with its columns. */
  row: Readonly<Record<string, unknown>>;
  externalId: string | null;
  decidedOn: Date | null;
  decidedBy: string | null;
  /** The kind's own parts, as `partsOf` gives a draft's. */
  parts: unknown;
  documents: Documents;
}

/** A value as compared: a day or time as its ISO text, missing as null. */
function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** Rows whose order is not stored (a set, or parts without a position), compared in a fixed order. */
export function unordered(rows: readonly unknown[]): string[] {
  return rows.map((row) => JSON.stringify(row, (_key, value: unknown) => comparable(value))).sort();
}

/** A draft's signatories and sources as stored, or as the draft gives them: signatories by position, sources in no order. */
export function documentsContent(documents: Documents) {
  return {
    signatories: [...documents.signatories].sort((a, b) => a.position - b.position).map((s) => ({ name: s.name, title: s.title, party: s.party, position: s.position })),
    sources: unordered(documents.sources.map((s) => ({ title: s.title, publishedOn: s.publishedOn, url: s.url, note: s.note }))),
  };
}

/** What an import writes of a record, for {@link sameContent}. */
export interface DraftContent {
  fields: Readonly<Record<string, unknown>>;
  parts: unknown;
  documents: Documents;
  state: string;
  signedOn: Date | null;
  decidedOn: Date | null;
  decidedBy: string | null;
  previousId: string | null;
  approvals: readonly Party[];
}

/**
 * Whether the stored record holds what the import would write: its draft's fields (each column the
 * draft writes), its parts, signatories and sources, and the lifecycle columns and approvals the
 * import sets. The external id and kommun it was found by are equal already.
 */
export function sameContent(stored: StoredDraft, wanted: DraftContent): boolean {
  const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => comparable(v));
  const fields = Object.entries(wanted.fields).every(([column, value]) => json(stored.row[column]) === json(value));
  return (
    fields &&
    json(stored.parts) === json(wanted.parts) &&
    json(documentsContent(stored.documents)) === json(documentsContent(wanted.documents)) &&
    json([stored.state, stored.signedOn, stored.decidedOn, stored.decidedBy, stored.previousId]) ===
      json([wanted.state, wanted.signedOn, wanted.decidedOn, wanted.decidedBy, wanted.previousId]) &&
    json([...stored.approvedParties].sort()) === json([...wanted.approvals].sort())
  );
}

/** Groups rows by their owner's id. */
function byOwner<Row>(rows: readonly Row[], ownerOf: (row: Row) => string | null): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const owner = ownerOf(row);
    if (owner === null) continue;
    const group = groups.get(owner);
    if (group) group.push(row);
    else groups.set(owner, [row]);
  }
  return groups;
}

/** The agreement's parts as its draft writes them (`writeParts`): lokalpolisområden (a set), fokusområden and styrdokument by position. */
export function agreementParts(parts: {
  localPoliceAreaIds: readonly string[];
  focusAreas: readonly { focusAreaCode: string; position: number; title: string; description: string | null }[];
  steeringIds: readonly { steeringDocumentId: string; position: number }[];
}) {
  return {
    localPoliceAreaIds: [...parts.localPoliceAreaIds].sort(),
    focusAreas: [...parts.focusAreas].sort((a, b) => a.position - b.position).map((f) => ({ code: f.focusAreaCode, position: f.position, title: f.title, description: f.description })),
    steeringDocumentIds: [...parts.steeringIds].sort((a, b) => a.position - b.position).map((d) => d.steeringDocumentId),
  };
}

/** The medborgarlöfte's parts as its draft writes them: promises by position, fokusområden (a set). */
export function promiseParts(parts: { promises: readonly { position: number; text: string; targetCount: number | null }[]; focusAreaCodes: readonly string[] }) {
  return {
    promises: [...parts.promises].sort((a, b) => a.position - b.position).map((p) => ({ position: p.position, text: p.text, targetCount: p.targetCount })),
    focusAreaCodes: [...parts.focusAreaCodes].sort(),
  };
}

/** The kommun's stored agreements with these external ids: seven queries however many. */
export async function storedAgreements(tx: Tx, municipalityCode: string, externalIds: readonly string[]): Promise<Map<string, StoredDraft>> {
  if (!externalIds.length) return new Map();
  const rows = await tx.agreement.findMany({ where: { municipalityCode, externalId: { in: [...externalIds] } } });
  if (!rows.length) return new Map();
  const where = { where: { agreementId: { in: rows.map((row) => row.id) } } };
  const areas = byOwner(await tx.agreementLocalPoliceArea.findMany(where), (r) => r.agreementId);
  const approvals = byOwner(await tx.approval.findMany(where), (r) => r.agreementId);
  const focusAreas = byOwner(await tx.agreementFocusArea.findMany(where), (r) => r.agreementId);
  const steering = byOwner(await tx.agreementSteeringDocument.findMany(where), (r) => r.agreementId);
  const signatories = byOwner(await tx.signatory.findMany(where), (r) => r.agreementId);
  const sources = byOwner(await tx.sourceDocument.findMany(where), (r) => r.agreementId);
  return new Map(
    rows.map((row) => {
      const localPoliceAreaIds = (areas.get(row.id) ?? []).map((a) => a.localPoliceAreaId);
      const stored: StoredDraft = {
        ...row,
        row,
        localPoliceAreaIds,
        approvedParties: (approvals.get(row.id) ?? []).map((a) => a.party),
        parts: agreementParts({ localPoliceAreaIds, focusAreas: focusAreas.get(row.id) ?? [], steeringIds: steering.get(row.id) ?? [] }),
        documents: { signatories: signatories.get(row.id) ?? [], sources: sources.get(row.id) ?? [] },
      };
      return [row.externalId!, stored];
    }),
  );
}

/** The kommun's stored medborgarlöften with these external ids: six queries however many. */
export async function storedPromises(tx: Tx, municipalityCode: string, externalIds: readonly string[]): Promise<Map<string, StoredDraft>> {
  if (!externalIds.length) return new Map();
  const rows = await tx.citizenPromise.findMany({ where: { municipalityCode, externalId: { in: [...externalIds] } } });
  if (!rows.length) return new Map();
  const ids = rows.map((row) => row.id);
  const where = { where: { citizenPromiseId: { in: ids } } };
  const approvals = byOwner(await tx.promiseApproval.findMany(where), (r) => r.citizenPromiseId);
  const promises = byOwner(await tx.promiseItem.findMany(where), (r) => r.citizenPromiseId);
  const focusAreas = byOwner(await tx.citizenPromiseFocusArea.findMany(where), (r) => r.citizenPromiseId);
  const signatories = byOwner(await tx.signatory.findMany(where), (r) => r.citizenPromiseId);
  const sources = byOwner(await tx.sourceDocument.findMany(where), (r) => r.citizenPromiseId);
  return new Map(
    rows.map((row) => {
      const stored: StoredDraft = {
        ...row,
        row,
        localPoliceAreaIds: row.localPoliceAreaId ? [row.localPoliceAreaId] : [],
        approvedParties: (approvals.get(row.id) ?? []).map((a) => a.party),
        parts: promiseParts({ promises: promises.get(row.id) ?? [], focusAreaCodes: (focusAreas.get(row.id) ?? []).map((f) => f.focusAreaCode) }),
        documents: { signatories: signatories.get(row.id) ?? [], sources: sources.get(row.id) ?? [] },
      };
      return [row.externalId!, stored];
    }),
  );
}
