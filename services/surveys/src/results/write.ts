import { type AuditEntryData, changedFields, writeAudits } from '@samverkan/schema';
import type { Prisma, ResultOrigin } from '../generated/prisma/client';
import type { ResultArea } from './areas';

/** One result to store: what the import command and the demo generator both write. */
export interface ResultInput {
  instrumentCode: string;
  year: number;
  indicatorCode: string;
  area: ResultArea;
  value: number;
  respondents: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  origin: ResultOrigin;
}

/** What a write did: rows added, rows whose values changed, rows already as given. */
export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The id of an instrument's round in a year, e.g. "POLISEN_SYD-2025". */
export function surveyIdOf(instrumentCode: string, year: number): string {
  return `${instrumentCode}-${year}`;
}

/**
 * A result's id, the same in every installation: the MD5 of its natural key (survey round,
 * indicator, area level, area code, delområde, origin, joined by "|"), written as a UUID. The
 * migration 20261202030000_stable_reference_ids gives results stored before it the same ids.
 */
export const RESULT_ID_SQL = (row: string) =>
  `md5(concat_ws('|', ${row}."surveyId", ${row}."indicatorCode", ${row}."areaLevel"::text, ${row}."areaCode", ${row}."subAreaName", ${row}."origin"::text))::uuid::text`;

/** Rows per INSERT statement: large enough to be fast, small enough for a smooth progress bar. */
const CHUNK_SIZE = 2000;

/**
 * The columns of one bulk upsert, sent as one array parameter each and unnested in SQL: a chunk of
 * 2,000 results is one statement. A row that exists with the same values is left untouched (the
 * `WHERE … IS DISTINCT FROM` clause), so writing the same results twice changes nothing. Each row
 * written comes back with its audited values before (null when inserted) and after.
 */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::"AreaLevel"[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
    $11::float8[], $12::int[], $13::float8[], $14::float8[], $15::"ResultOrigin"[], $16::text[])
    AS r("surveyId", "instrumentCode", "year", "indicatorCode", "areaLevel", "areaCode", "subAreaName", "municipalityCode", "policeRegionCode",
      "countyCode", "value", "respondents", "ciLow", "ciHigh", "origin", "importId")
),
old AS (
  SELECT s."id", s."value", s."respondents", s."ciLow", s."ciHigh"
  FROM "SurveyResult" s JOIN input i ON s."surveyId" = i."surveyId" AND s."indicatorCode" = i."indicatorCode" AND s."areaLevel" = i."areaLevel"
    AND s."areaCode" = i."areaCode" AND s."subAreaName" = i."subAreaName" AND s."origin" = i."origin"
),
written AS (
  INSERT INTO "SurveyResult" ("id", "surveyId", "instrumentCode", "year", "indicatorCode", "areaLevel", "areaCode", "subAreaName",
    "municipalityCode", "policeRegionCode", "countyCode", "value", "respondents", "ciLow", "ciHigh", "origin", "importId", "updatedAt")
  SELECT ${RESULT_ID_SQL('input')}, input.*, now() FROM input
  ON CONFLICT ("surveyId", "indicatorCode", "areaLevel", "areaCode", "subAreaName", "origin") DO UPDATE SET
    "value" = EXCLUDED."value", "respondents" = EXCLUDED."respondents", "ciLow" = EXCLUDED."ciLow", "ciHigh" = EXCLUDED."ciHigh",
    "importId" = EXCLUDED."importId", "updatedAt" = now()
  WHERE ("SurveyResult"."value", "SurveyResult"."respondents", "SurveyResult"."ciLow", "SurveyResult"."ciHigh")
    IS DISTINCT FROM (EXCLUDED."value", EXCLUDED."respondents", EXCLUDED."ciLow", EXCLUDED."ciHigh")
  RETURNING "id", "value", "respondents", "ciLow", "ciHigh", (xmax = 0) AS inserted
)
SELECT w."id", w.inserted,
  jsonb_build_object('value', w."value", 'respondents', w."respondents", 'ciLow', w."ciLow", 'ciHigh', w."ciHigh") AS after,
  CASE WHEN o."id" IS NULL THEN NULL
    ELSE jsonb_build_object('value', o."value", 'respondents', o."respondents", 'ciLow', o."ciLow", 'ciHigh', o."ciHigh") END AS before
FROM written w LEFT JOIN old o ON o."id" = w."id"`;

/** The audited values of a result, in the order its history lists them. */
interface AuditedValues {
  value: number;
  respondents: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}
const AUDITED_FIELDS = ['value', 'respondents', 'ciLow', 'ciHigh'] as const;

/** A row the upsert wrote: inserted, or updated from `before`. */
interface WrittenRow {
  id: string;
  inserted: boolean;
  before: AuditedValues | null;
  after: AuditedValues;
}

/** Who writes, for the audit trail (a user of the import command, or the reference data loader). */
export interface ResultWriter {
  actorRole: string;
  actorSubject: string;
  /** The import's id, when an import writes. */
  requestId: string | null;
  operation: string;
}

/**
 * Stores results (insert, or update when a value changed), creating the survey rounds they belong
 * to when missing, and records each written result in the audit trail when a `writer` is given
 * (the demo data are not audited). Run it inside a transaction to make a file all-or-nothing.
 * Results must be unique by round, indicator, area and origin (the import checks that first).
 */
export async function writeResults(
  tx: Prisma.TransactionClient,
  results: readonly ResultInput[],
  options: { importId?: string | null; onProgress?: (written: number) => void; writer?: ResultWriter | null } = {},
): Promise<WriteCounts> {
  const rounds = new Map<string, { id: string; instrumentCode: string; year: number }>();
  for (const result of results) {
    const id = surveyIdOf(result.instrumentCode, result.year);
    if (!rounds.has(id)) rounds.set(id, { id, instrumentCode: result.instrumentCode, year: result.year });
  }
  if (rounds.size) await tx.safetySurvey.createMany({ data: [...rounds.values()], skipDuplicates: true });

  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < results.length; start += CHUNK_SIZE) {
    const chunk = results.slice(start, start + CHUNK_SIZE);
    const column = <T>(pick: (result: ResultInput) => T) => chunk.map(pick);
    const written = await tx.$queryRawUnsafe<WrittenRow[]>(
      UPSERT_SQL,
      column((r) => surveyIdOf(r.instrumentCode, r.year)),
      column((r) => r.instrumentCode),
      column((r) => r.year),
      column((r) => r.indicatorCode),
      column((r) => r.area.level),
      column((r) => r.area.code),
      column((r) => r.area.subAreaName),
      column((r) => r.area.municipalityCode),
      column((r) => r.area.policeRegionCode),
      column((r) => r.area.countyCode),
      column((r) => r.value),
      column((r) => r.respondents),
      column((r) => r.ciLow),
      column((r) => r.ciHigh),
      column((r) => r.origin),
      column(() => options.importId ?? null),
    );
    if (options.writer) await writeAudits(tx, auditEntriesOf(options.writer, written));
    const inserted = written.filter((row) => row.inserted).length;
    counts.inserted += inserted;
    counts.updated += written.length - inserted;
    counts.unchanged += chunk.length - written.length;
    options.onProgress?.(start + chunk.length);
  }
  return counts;
}

/** The audit entries of the rows a write changed: the audited fields that differ, compared as every write's audit compares them. */
function auditEntriesOf(writer: ResultWriter, written: readonly WrittenRow[]): AuditEntryData[] {
  return written.map((row) => ({
    ...writer,
    entityType: 'SurveyResult',
    entityKey: row.id,
    changes: Object.entries(changedFields(row.before, row.after, AUDITED_FIELDS)).map(([field, change]) => ({ field, ...change })),
  }));
}

