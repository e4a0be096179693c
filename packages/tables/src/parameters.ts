import { ACTION_STATUS_NAMES, COUNTY_CODES, POLICE_REGION_CODES } from './codes';
import { type ParameterContext, type ParameterDefinition, type ParameterIssue, type TableDefinition, type TableParams, TableParameterError } from './types';

/** What a caller hands in: a URL's query string as text, or the workspace's values as they are. */
export type RawParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The longest text a parameter may have; anything longer is refused before it is looked at. */
const MAX_PARAMETER_LENGTH = 100;

const isRealDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Checks one value; returns the checked value, or an issue. */
function check(definition: ParameterDefinition, text: string, context: ParameterContext): { value: string | number | boolean } | { sv: string; en: string } {
  switch (definition.type) {
    case 'year':
      if (!/^\d{4}$/.test(text)) return { sv: `årtalet ska ha fyra siffror, t.ex. 2025, inte "${text}"`, en: `the year must be four digits, e.g. 2025, not "${text}"` };
      return { value: Number(text) };
    case 'date':
      if (!isRealDate(text)) return { sv: `datumet ska skrivas ÅÅÅÅ-MM-DD och finnas, t.ex. 2026-12-01, inte "${text}"`, en: `the date must be a real date written YYYY-MM-DD, e.g. 2026-12-01, not "${text}"` };
      return { value: text };
    case 'policeRegion': {
      const code = text.toUpperCase();
      if (!POLICE_REGION_CODES.includes(code))
        return { sv: `"${text}" är ingen av de sju polisregionerna (${POLICE_REGION_CODES.join(', ')})`, en: `"${text}" is not one of the seven police regions (${POLICE_REGION_CODES.join(', ')})` };
      return { value: code };
    }
    case 'county':
      if (!COUNTY_CODES.includes(text)) return { sv: `"${text}" är ingen länskod (SCB:s två siffror, t.ex. 12 för Skåne)`, en: `"${text}" is not a county code (SCB's two digits, e.g. 12 for Skåne)` };
      return { value: text };
    case 'municipality':
      if (!/^\d{4}$/.test(text)) return { sv: `kommunkoden ska ha fyra siffror, t.ex. 1281 för Lund, inte "${text}"`, en: `the kommun code must be four digits, e.g. 1281 for Lund, not "${text}"` };
      return { value: text };
    case 'indicator': {
      const code = text.toUpperCase();
      if (!/^[A-Z][A-Z0-9_]*$/.test(code) || (context.indicators && !context.indicators.includes(code))) {
        const known = context.indicators ? ` (${context.indicators.join(', ')})` : '';
        return { sv: `okänd indikator "${text}"${known}`, en: `unknown indicator "${text}"${known}` };
      }
      return { value: code };
    }
    case 'instrument':
    case 'focusArea': {
      const code = text.toUpperCase();
      if (!/^[A-Z][A-Z0-9_]*$/.test(code)) return { sv: `"${text}" är ingen kod (versaler, siffror och _)`, en: `"${text}" is not a code (capitals, digits and _)` };
      return { value: code };
    }
    case 'actionStatus': {
      const code = text.toUpperCase();
      if (!(code in ACTION_STATUS_NAMES)) return { sv: `okänd status "${text}" (${Object.keys(ACTION_STATUS_NAMES).join(', ')})`, en: `unknown status "${text}" (${Object.keys(ACTION_STATUS_NAMES).join(', ')})` };
      return { value: code };
    }
    case 'boolean':
      if (['1', 'true', 'ja', 'yes'].includes(text.toLowerCase())) return { value: true };
      if (['0', 'false', 'nej', 'no', ''].includes(text.toLowerCase())) return { value: false };
      return { sv: `"${text}" är varken true eller false`, en: `"${text}" is neither true nor false` };
  }
}

/**
 * Checks a table's parameters: every required one given, none unknown, each value well formed. Returns
 * the checked values (years as numbers, codes in capitals, booleans as booleans); throws a
 * {@link TableParameterError} naming every issue otherwise.
 */
export function parseParameters(table: TableDefinition, raw: RawParams, context: ParameterContext = {}): TableParams {
  const issues: ParameterIssue[] = [];
  const known = new Map(table.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) {
      const names = table.parameters.map((p) => p.name).join(', ');
      issues.push({ parameter: name, sv: `okänd parameter; tabellen ${table.name} tar ${names}`, en: `unknown parameter; the table ${table.name} takes ${names}` });
    }
  }
  const params: Record<string, string | number | boolean> = {};
  for (const definition of table.parameters) {
    const value = raw[definition.name];
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text === '') {
      if (definition.required) issues.push({ parameter: definition.name, sv: 'saknas men måste anges', en: 'is missing but required' });
      continue;
    }
    if (text.length > MAX_PARAMETER_LENGTH) {
      issues.push({ parameter: definition.name, sv: `är längre än ${MAX_PARAMETER_LENGTH} tecken`, en: `is longer than ${MAX_PARAMETER_LENGTH} characters` });
      continue;
    }
    const result = check(definition, text, context);
    if ('value' in result) params[definition.name] = result.value;
    else issues.push({ parameter: definition.name, ...result });
  }
  if (typeof params.baseYear === 'number' && typeof params.year === 'number' && params.baseYear >= params.year) {
    issues.push({ parameter: 'baseYear', sv: `basåret ska vara före året ${params.year}`, en: `the base year must be before the year ${params.year}` });
  }
  if (issues.length) throw new TableParameterError(issues);
  return params;
}
