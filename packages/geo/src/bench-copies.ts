/**
 * Synthetic copies of the kommuner, for the benchmark's growth scenario only (`npm run bench`
 * measures the national overview at 29, 290 and 2,900 kommuner). Production never sets the setting:
 * without it the hub knows exactly the 290 kommuner of `data/municipalities.csv`.
 *
 * With `SAMVERKAN_BENCH_KOMMUN_COPIES=n` every process that loads `@samverkan/geo` (the subgraphs
 * and the gateway) knows n copies of each kommun besides the originals: codes from 3000 on (SCB's
 * codes end at 2584, so no real kommun has one), named "Lund (kopia 1)", in the original's län. The
 * agreements subgraph then seeds them as kommuner, so the setting is refused — the process does not
 * start — unless every database the process is configured with is a benchmark database (named
 * `samverkan_bench_…`), and at least one is: a deployment (whose databases have other names) or
 * the embedded default (no database URL) never gets invented kommuner.
 */
import type { MunicipalityFact } from './index';

/** The environment variable. */
export const KOMMUN_COPIES_SETTING = 'SAMVERKAN_BENCH_KOMMUN_COPIES';
/** The most copies (codes 3000 + 9 × 290 − 1 = 5609 stay four digits). */
export const MAX_KOMMUN_COPIES = 9;
/** The first copy's code; SCB's kommun codes end at 2584. */
export const FIRST_COPY_CODE = 3000;
/** What a benchmark database's name begins with (bench/src/dataset.ts). */
export const BENCH_DATABASE_PREFIX = 'samverkan_bench_';

/** A synthetic kommun and the real one it copies. */
export interface KommunCopy extends MunicipalityFact {
  /** The code of the kommun it copies. */
  copyOf: string;
  /** Which copy, 1 to {@link MAX_KOMMUN_COPIES}. */
  copy: number;
}

/** The database name of a PostgreSQL URL, or null when it is not a URL. */
function databaseName(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || null;
  } catch {
    return null;
  }
}

/**
 * How many copies of each kommun the environment asks for.
 *
 * @param env the process's environment: `SAMVERKAN_BENCH_KOMMUN_COPIES` (0 to 9), and the database
 *   settings (`*DATABASE_URL`, `POSTGRES_URL`) it checks.
 * @returns the number of copies. @default 0 (no copies: the 290 kommuner) when the setting is unset, empty or 0
 * @throws when the setting is not a whole number from 0 to 9, or when it asks for copies and a
 *   database setting names another database than a benchmark one, or none is set.
 */
export function kommunCopies(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[KOMMUN_COPIES_SETTING]?.trim();
  if (!value || value === '0') return 0;
  const copies = Number(value);
  if (!Number.isInteger(copies) || copies < 0 || copies > MAX_KOMMUN_COPIES) {
    throw new Error(`${KOMMUN_COPIES_SETTING}="${value}": give a whole number from 0 to ${MAX_KOMMUN_COPIES} (copies of each kommun, for the benchmark only).`);
  }
  const databases = Object.entries(env).filter(([name, url]) => url && (name.endsWith('DATABASE_URL') || name === 'POSTGRES_URL'));
  const others = databases.filter(([, url]) => !databaseName(url!)?.startsWith(BENCH_DATABASE_PREFIX)).map(([name]) => name);
  if (databases.length === 0 || others.length > 0) {
    throw new Error(
      `${KOMMUN_COPIES_SETTING} adds synthetic kommuner for the benchmark and is refused outside it: ` +
        (others.length ? `${others.join(', ')} name${others.length === 1 ? 's' : ''} no ${BENCH_DATABASE_PREFIX}… database.` : 'no database setting names a benchmark database.'),
    );
  }
  return copies;
}

/** `copies` synthetic copies of each of `originals` (copy by copy, each in the originals' order). */
export function kommunCopiesOf(originals: readonly MunicipalityFact[], copies: number): KommunCopy[] {
  return Array.from({ length: copies }, (_, i) =>
    originals.map((m, index) => ({
      ...m,
      code: String(FIRST_COPY_CODE + i * originals.length + index),
      name: `${m.name} (kopia ${i + 1})`,
      copyOf: m.code,
      copy: i + 1,
    })),
  ).flat();
}
