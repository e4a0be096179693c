import { parseIsoDate } from '../dates';
import { badInput } from '../errors';

/*
 * Reading an onboarding file (docs/onboarding-import.md): its envelope, and its untyped JSON with a
 * path (JSON Pointer) for every error.
 */

/** The format name every onboarding file starts with. */
export const ONBOARDING_FORMAT = 'samverkan-onboarding/1';

/** A value of the file that is not what the format says: refused at its path. */
export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON object of the file. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads the values of one JSON object of the file, each error at the value's path. Optional values
 * may be missing or null; members the format does not know are refused (a misspelt field would
 * otherwise be lost without a word).
 */
export class JsonReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string, known?: readonly string[]): JsonReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordFormatError(path, 'must be a JSON object.');
    const unknown = known ? Object.keys(value).filter((key) => !known.includes(key)) : [];
    if (unknown.length) throw new RecordFormatError(`${path}/${unknown[0]}`, `is not a field of this record; the fields are ${known!.join(', ')}.`);
    return new JsonReader(value as JsonObject, path);
  }

  at(key: string): string {
    return `${this.path}/${key}`;
  }

  has(key: string): boolean {
    return this.value[key] != null;
  }

  text(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string') throw new RecordFormatError(this.at(key), value == null ? 'is required (a string).' : 'must be a string.');
    return value;
  }

  optionalText(key: string): string | null {
    return this.has(key) ? this.text(key) : null;
  }

  /** An optional day, `YYYY-MM-DD`, as given (the checks of the mutations take it so). */
  optionalDate(key: string): string | null {
    const value = this.optionalText(key);
    if (value === null) return null;
    try {
      return parseIsoDate(value);
    } catch {
      throw new RecordFormatError(this.at(key), `must be a date, YYYY-MM-DD; got "${value.slice(0, 40)}".`);
    }
  }

  optionalNumber(key: string): number | null {
    const value = this.value[key];
    if (value == null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RecordFormatError(this.at(key), 'must be a number.');
    return value;
  }

  optionalBoolean(key: string): boolean | null {
    const value = this.value[key];
    if (value == null) return null;
    if (typeof value !== 'boolean') throw new RecordFormatError(this.at(key), 'must be true or false.');
    return value;
  }

  /** One of `values`; `fallback` when missing. */
  choice<Value extends string>(key: string, values: readonly Value[], fallback: Value): Value;
  choice<Value extends string>(key: string, values: readonly Value[]): Value | null;
  choice<Value extends string>(key: string, values: readonly Value[], fallback: Value | null = null): Value | null {
    const value = this.value[key];
    if (value == null) return fallback;
    if (!values.includes(value as Value)) throw new RecordFormatError(this.at(key), `must be one of ${values.join(', ')}.`);
    return value as Value;
  }

  /** An array's items with their paths; empty when missing. */
  list(key: string): { item: unknown; path: string }[] {
    const value = this.value[key];
    if (value == null) return [];
    if (!Array.isArray(value)) throw new RecordFormatError(this.at(key), 'must be a JSON array.');
    return value.map((item, index) => ({ item, path: `${this.at(key)}/${index}` }));
  }

  /** An array of strings; empty when missing. */
  texts(key: string): string[] {
    return this.list(key).map(({ item, path }) => {
      if (typeof item !== 'string') throw new RecordFormatError(path, 'must be a string.');
      return item;
    });
  }
}

/** One kommun's part of an onboarding file, with its index in the file. */
export interface OnboardingKommun {
  path: string;
  code: string;
  record: JsonReader;
}

/**
 * Reads an onboarding file's envelope: the format name and the kommuner, each with its code. A file
 * that is not JSON, or of another format, is refused whole (BAD_USER_INPUT). `index` is the first
 * kommun's index in the whole file, when the file is a part of a larger one (paths then name the
 * larger file).
 */
export function readOnboardingFile(text: string, sections: readonly string[], index = 0): OnboardingKommun[] {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw badInput(`Nothing imported: the file is not JSON (${(error as Error).message}).`, { argument: 'file' });
  }
  try {
    const envelope = JsonReader.of(file, '', ['format', 'municipalities']);
    if (envelope.value.format !== ONBOARDING_FORMAT) throw new RecordFormatError('/format', `must be "${ONBOARDING_FORMAT}".`);
    return envelope.list('municipalities').map(({ item }, i) => {
      const path = `/municipalities/${index + i}`;
      const record = JsonReader.of(item, path, ['code', ...sections]);
      return { path, code: record.text('code'), record };
    });
  } catch (error) {
    if (error instanceof RecordFormatError) throw badInput(`Nothing imported: ${error.path || '/'} ${error.message}`, { argument: 'file', path: error.path });
    throw error;
  }
}

/** The members of a kommun's part that each subgraph reads (the other subgraph's are passed over). */
export const ONBOARDING_SECTIONS = ['steeringDocuments', 'agreements', 'citizenPromises', 'situationReports', 'actionPlans', 'actions'] as const;
