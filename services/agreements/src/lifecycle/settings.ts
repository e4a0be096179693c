/*
 * The lifecycle's one setting: how long a record with no stated end counts as in force.
 */

/** The environment variable, its default and its bounds. */
export const OPEN_END_YEARS_SETTING = 'SAMVERKAN_OPEN_END_YEARS';
export const DEFAULT_OPEN_END_YEARS = 4;
const MIN_YEARS = 1;
const MAX_YEARS = 20;

/**
 * Reads `SAMVERKAN_OPEN_END_YEARS`: the years after its start that a signed record with no stated
 * end counts as in force (an integer 1–20; 4 when unset, the longest period in the sources). A
 * value outside that is refused at start-up rather than read as something else.
 */
export function readOpenEndYears(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[OPEN_END_YEARS_SETTING]?.trim();
  if (!raw) return DEFAULT_OPEN_END_YEARS;
  if (!/^\d+$/.test(raw) || Number(raw) < MIN_YEARS || Number(raw) > MAX_YEARS) {
    throw new Error(`${OPEN_END_YEARS_SETTING} must be a whole number of years from ${MIN_YEARS} to ${MAX_YEARS}, got "${raw}".`);
  }
  return Number(raw);
}

let openEndYearsOfProcess: number | undefined;

/** The process's setting, read once (the first time a status is judged). */
export function openEndYears(): number {
  openEndYearsOfProcess ??= readOpenEndYears();
  return openEndYearsOfProcess;
}
