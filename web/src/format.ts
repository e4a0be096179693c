/** Swedish number, date and status words for the page. */

const numberFormats = new Map<number, Intl.NumberFormat>();
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return format.format(value).replace('\u2212', '−');
}

/** A change with its sign (+0,12 / −0,05). */
export function formatChange(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  return `${value > 0 ? '+' : ''}${formatNumber(value, digits)}`;
}

export const UNIT_WORDS: Record<string, string> = { INDEX_0_6: 'index 0–6', PERCENT: 'procent' };

export function formatValue(value: number | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined) return '–';
  return unit === 'PERCENT' ? `${formatNumber(value, 1)} %` : formatNumber(value, 2);
}

export const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'Utkast',
  COMMISSIONED: 'Uppdrag',
  UPCOMING: 'Kommande',
  ACTIVE: 'Gällande',
  EXPIRED: 'Utgången',
  SUPERSEDED: 'Ersatt',
  WITHDRAWN: 'Återkallad',
  UNDATED: 'Odaterad',
};

export const ACTION_STATUS_WORDS: Record<string, string> = { PLANNED: 'Planerad', ONGOING: 'Pågående', DONE: 'Genomförd', CANCELLED: 'Avbruten' };

export const OUTCOME_WORDS: Record<string, string> = { EFFECTIVE: 'Effektiv', PARTLY: 'Delvis effektiv', NOT_EFFECTIVE: 'Inte effektiv', TOO_EARLY: 'För tidigt att säga' };

export const PARTY_WORDS: Record<string, string> = { MUNICIPALITY: 'Kommunen', POLICE: 'Polisen' };

export const TREND_WORDS: Record<string, string> = { INCREASING: 'ökar', DECREASING: 'minskar', STABLE: 'oförändrad', UNKNOWN: 'okänd' };

/** Why a kommun has no value on the map, in the page's words. */
export const EMPTY_WORDS: Record<string, string> = {
  NO_INSTRUMENT_FOR_AREA: 'inget mätinstrument',
  ONLY_DEMO_VALUES: 'bara demovärden',
  ONLY_PUBLISHED_VALUES: 'bara publicerade värden',
  NO_PUBLISHED_RESULTS_FOR_YEAR: 'inget resultat det året',
  NOTHING_PUBLISHED: 'inget publicerat resultat',
  NO_AREAS_AT_LEVEL: 'inga områden på nivån',
  OTHER_INSTRUMENT: 'annat mätinstrument',
};

/** Today in Sweden, YYYY-MM-DD. */
export function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function formatDate(date: string | null | undefined): string {
  return date ?? '–';
}
