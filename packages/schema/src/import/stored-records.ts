import type { OnboardingKommun } from './onboarding-file';
import type { RecordImportLog } from './record-log';

/*
 * The stored records of one section of a kommun's part, read in one batch by their external ids
 * before the section's records are compared with them (compare before write: a re-run of a file that
 * changes nothing reads each section once and writes nothing).
 */

/** Reads the stored records of the kommun with these external ids, by external id. */
export type ReadStored<Row> = (externalIds: readonly string[]) => Promise<ReadonlyMap<string, Row>>;

/**
 * A section's stored records: the first question reads every external id of the section at once.
 * Once the import has written anything since (a record inserted or updated: a write may change other
 * records of the kommun, or the same external id may come twice), each question reads its own record
 * again, so that a record is never compared with a value older than the import's own writes.
 */
export class StoredRecords<Row> {
  private batch: Promise<ReadonlyMap<string, Row>> | null = null;
  private writesAtRead = 0;
  private readonly externalIds: ReadonlySet<string>;

  constructor(
    private readonly log: RecordImportLog,
    externalIds: Iterable<string>,
    private readonly read: ReadStored<Row>,
  ) {
    this.externalIds = new Set(externalIds);
  }

  /** The stored record of the kommun with this external id, or null. */
  async get(externalId: string): Promise<Row | null> {
    if (this.batch === null) {
      this.writesAtRead = this.log.writes;
      this.batch = this.read([...this.externalIds]);
    }
    const map = this.externalIds.has(externalId) && this.log.writes === this.writesAtRead ? await this.batch : await this.read([externalId]);
    return map.get(externalId) ?? null;
  }
}

/**
 * The external ids a section of a kommun's part names (trimmed, as the records read them), for one
 * batch; records without a readable one are left out here and refused when they are read.
 */
export function externalIdsOf(kommun: OnboardingKommun, section: string): string[] {
  let items: { item: unknown }[];
  try {
    items = kommun.record.list(section);
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const { item } of items) {
    const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).externalId : undefined;
    if (typeof id === 'string' && id.trim()) ids.push(id.trim());
  }
  return ids;
}
