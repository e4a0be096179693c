import { fileNameOf } from './file-name';
import type { Column, Row, TableDefinition, TableParams } from './types';

/** The part of an `indicatorComparison` answer the ranking reads. */
interface ComparisonAnswer {
  indicatorComparison: {
    indicator: { code: string; name: string; unit: 'INDEX_0_6' | 'PERCENT' };
    instrument: { code: string; name: string; demo: boolean } | null;
    year: number;
    baseYear: number | null;
    median: number | null;
    countryValue: number | null;
    rows: {
      area: { code: string; name: string; policeRegionCode: string | null };
      value: number;
      rank: number;
      percentile: number;
      previousValue: number | null;
      changeFromPreviousYear: number | null;
      baseValue: number | null;
      changeFromBaseYear: number | null;
      policeRegionValue: number | null;
      result: { respondents: number | null; demo: boolean };
    }[];
  };
}

const UNIT_NAMES = { INDEX_0_6: 'index 0–6', PERCENT: 'procent' } as const;

const columns: readonly Column[] = [
  { key: 'rank', header: 'Rang', kind: 'integer' },
  { key: 'code', header: 'Kommunkod', kind: 'text' },
  { key: 'name', header: 'Kommun', kind: 'text' },
  { key: 'policeRegion', header: 'Polisregion', kind: 'text' },
  { key: 'indicator', header: 'Indikator', kind: 'text' },
  { key: 'year', header: 'År', kind: 'integer' },
  { key: 'value', header: 'Värde', kind: 'decimal', decimals: 2 },
  { key: 'unit', header: 'Enhet', kind: 'text' },
  { key: 'respondents', header: 'Antal svarande (n)', kind: 'integer' },
  { key: 'percentile', header: 'Percentil', kind: 'decimal', decimals: 1 },
  { key: 'previousValue', header: 'Föregående år', kind: 'decimal', decimals: 2 },
  { key: 'changeFromPreviousYear', header: 'Förändring mot föregående år', kind: 'decimal', decimals: 2 },
  { key: 'baseYear', header: 'Basår', kind: 'integer' },
  { key: 'baseValue', header: 'Värde basåret', kind: 'decimal', decimals: 2 },
  { key: 'changeFromBaseYear', header: 'Förändring mot basåret', kind: 'decimal', decimals: 2 },
  { key: 'median', header: 'Median', kind: 'decimal', decimals: 2 },
  { key: 'policeRegionValue', header: 'Polisregionens värde', kind: 'decimal', decimals: 2 },
  { key: 'countryValue', header: 'Rikets värde', kind: 'decimal', decimals: 2 },
  { key: 'instrument', header: 'Mätinstrument', kind: 'text' },
  { key: 'demo', header: 'DEMO', kind: 'text' },
];

/** Rangordning: the kommuner of a region, a län or the country ranked on one indicator in one year. */
export const rankingTable: TableDefinition = {
  name: 'rangordning',
  title: 'Rangordning av kommuner',
  description: 'Rangordning: the kommuner of a polisregion, a län or the whole country ranked on one indicator of the trygghetsmätning in one year, with median, the region\'s and the country\'s value and the change from the previous year and a base year.',
  parameters: [
    { name: 'indicator', type: 'indicator', required: true, description: 'Indikator: its code, e.g. UNSAFE_OUTDOORS.' },
    { name: 'year', type: 'year', required: true, description: 'År: four digits, e.g. 2025.' },
    { name: 'policeRegion', type: 'policeRegion', required: false, description: 'Polisregion: only its kommuner, e.g. SYD.' },
    { name: 'county', type: 'county', required: false, description: 'Län: only its kommuner, SCB code, e.g. 12.' },
    { name: 'baseYear', type: 'year', required: false, description: 'Basår: also the change since this year.' },
    { name: 'instrument', type: 'instrument', required: false, description: 'Mätinstrument: needed only where the kommuner answer several, e.g. POLISEN_SYD.' },
    { name: 'includeDemo', type: 'boolean', required: false, description: 'Med demodata: also made-up demo values, each row marked DEMO (false by default).' },
  ],
  operationName: 'Rangordning',
  document: /* GraphQL */ `query Rangordning($indicator: ID!, $year: Int!, $baseYear: Int, $policeRegion: ID, $county: ID, $instrument: ID, $origins: [ResultOrigin!]) {
  indicatorComparison(indicator: $indicator, year: $year, baseYear: $baseYear, policeRegion: $policeRegion, county: $county, instrument: $instrument, origins: $origins) {
    indicator { code name unit }
    instrument { code name demo }
    year
    baseYear
    median
    countryValue
    rows {
      area { code name policeRegionCode }
      value
      rank
      percentile
      previousValue
      changeFromPreviousYear
      baseValue
      changeFromBaseYear
      policeRegionValue
      result { respondents demo }
    }
  }
}`,
  variables: (params: TableParams) => ({
    indicator: params.indicator,
    year: params.year,
    baseYear: params.baseYear ?? null,
    policeRegion: params.policeRegion ?? null,
    county: params.county ?? null,
    instrument: params.instrument ?? null,
    origins: params.includeDemo === true ? ['PUBLISHED', 'DEMO'] : ['PUBLISHED'],
  }),
  columns,
  rows(data: unknown, params: TableParams): Row[] {
    const comparison = (data as ComparisonAnswer | null)?.indicatorComparison;
    if (!comparison) return [];
    const includeDemo = params.includeDemo === true;
    return comparison.rows
      // The API gives published values only unless asked; a demo row never slips into a published table.
      .filter((row) => includeDemo || !row.result.demo)
      .map((row) => ({
        rank: row.rank,
        code: row.area.code,
        name: row.area.name,
        policeRegion: row.area.policeRegionCode,
        indicator: comparison.indicator.name,
        year: comparison.year,
        value: row.value,
        unit: UNIT_NAMES[comparison.indicator.unit] ?? comparison.indicator.unit,
        respondents: row.result.respondents,
        percentile: row.percentile,
        previousValue: row.previousValue,
        changeFromPreviousYear: row.changeFromPreviousYear,
        baseYear: row.baseValue === null ? null : comparison.baseYear,
        baseValue: row.baseValue,
        changeFromBaseYear: row.changeFromBaseYear,
        median: comparison.median,
        policeRegionValue: row.policeRegionValue,
        countryValue: comparison.countryValue,
        instrument: comparison.instrument?.name ?? null,
        demo: row.result.demo ? 'DEMO' : null,
      }));
  },
  fileName: (params: TableParams, format = 'csv') =>
    fileNameOf(['rangordning', String(params.indicator ?? '').toLowerCase(), params.policeRegion, params.county !== undefined && `lan-${params.county}`, !params.policeRegion && !params.county && 'riket', params.year, params.baseYear !== undefined && `bas-${params.baseYear}`, params.includeDemo === true && 'med-demo'], format),
};
