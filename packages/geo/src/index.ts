/**
 * Swedish geography facts shared by every part of the hub: Polisen's seven polisregioner, the 21 län
 * and the 290 kommuner, with their official codes. The data are in `data/` with their credit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KOMMUN_COPIES_SETTING, kommunCopies, kommunCopiesOf } from './bench-copies';
import { parseCsvRecords } from './csv';

export { BENCH_DATABASE_PREFIX, FIRST_COPY_CODE, type KommunCopy, KOMMUN_COPIES_SETTING, kommunCopies, kommunCopiesOf, MAX_KOMMUN_COPIES } from './bench-copies';
export { type CsvLine, parseCsv, parseCsvLines, parseCsvRecords } from './csv';

/** A polisregion (police region). */
export interface PoliceRegionFact {
  /** Stable code: NORD, MITT, STOCKHOLM, OST, VAST, SYD or BERGSLAGEN. */
  code: string;
  /** Name as Polisen writes it, e.g. "Syd". */
  name: string;
}

/** A län (county). */
export interface CountyFact {
  /** SCB two-digit code, e.g. "12". */
  code: string;
  /** Full name, e.g. "Skåne län". */
  name: string;
  /** Short name, e.g. "Skåne". */
  shortName: string;
  /** The polisregion the län belongs to. */
  policeRegionCode: string;
}

/** A kommun (municipality). */
export interface MunicipalityFact {
  /** SCB four-digit code, e.g. "1281". */
  code: string;
  /** Name, e.g. "Lund". */
  name: string;
  /** The län's two-digit code. */
  countyCode: string;
  /** The polisregion, through the län. */
  policeRegionCode: string;
}

/** The folder of the data files (the same from `src/` and from `dist/`). */
export const GEO_DATA_DIR = path.join(__dirname, '..', 'data');

function read(file: string): Record<string, string>[] {
  return parseCsvRecords(fs.readFileSync(path.join(GEO_DATA_DIR, file), 'utf8'));
}

const regionRows = read('police-regions.csv');

/** The seven polisregioner, in the order Polisen lists them. */
export const policeRegions: readonly PoliceRegionFact[] = regionRows.map((row) => ({
  code: row.police_region_code!,
  name: row.police_region_name!,
}));

const regionOfCounty = new Map<string, string>(
  regionRows.flatMap((row) => row.county_codes!.split(' ').map((county) => [county, row.police_region_code!] as const)),
);

/** The 21 län, by code. */
export const counties: readonly CountyFact[] = read('counties.csv').map((row) => {
  const policeRegionCode = regionOfCounty.get(row.county_code!);
  if (!policeRegionCode) throw new Error(`län ${row.county_code} belongs to no polisregion in police-regions.csv`);
  return { code: row.county_code!, name: row.county_name!, shortName: row.county_name_short!, policeRegionCode };
});

const countyByCode = new Map(counties.map((county) => [county.code, county]));

const realMunicipalities: readonly MunicipalityFact[] = read('municipalities.csv').map((row) => {
  const county = countyByCode.get(row.county_code!);
  if (!county) throw new Error(`kommun ${row.municipality_code} names an unknown län ${row.county_code}`);
  return { code: row.municipality_code!, name: row.municipality_name_short!, countyCode: county.code, policeRegionCode: county.policeRegionCode };
});

const copies = kommunCopies();
if (copies > 0) {
  process.stderr.write(`${KOMMUN_COPIES_SETTING}=${copies}: ${copies * realMunicipalities.length} synthetic kommuner besides the ${realMunicipalities.length}, for the benchmark.\n`);
}

/**
 * The 290 kommuner, by code. Only in the benchmark's growth scenario, also the synthetic copies
 * that `SAMVERKAN_BENCH_KOMMUN_COPIES` asks for (bench-copies.ts; refused outside benchmark databases).
 */
export const municipalities: readonly MunicipalityFact[] = [
  ...realMunicipalities,
  ...kommunCopiesOf(realMunicipalities, copies).map(({ code, name, countyCode, policeRegionCode }) => ({ code, name, countyCode, policeRegionCode })),
];

const municipalityByCode = new Map(municipalities.map((municipality) => [municipality.code, municipality]));

/** The kommun with this SCB code, or undefined. */
export function findMunicipality(code: string): MunicipalityFact | undefined {
  return municipalityByCode.get(code);
}

/** Whether `code` is a polisregion's code. */
export function isPoliceRegionCode(code: string): boolean {
  return policeRegions.some((region) => region.code === code);
}

/** Whether `code` is a län's code. */
export function isCountyCode(code: string): boolean {
  return countyByCode.has(code);
}

export {
  coveredBy,
  EMPTY_ORGANISATION,
  findLocalPoliceArea,
  findPoliceDistrict,
  type OrganisationArea,
  type OrganisationDistrict,
  type OrganisationLink,
  type OrganisationPeriod,
  type OrganisationSnapshot,
  type OrganisationSuccession,
  type PlainArea,
  periodContains,
  type PoliceUnitKind,
  type PoliceUnitRef,
  snapshotOfAreas,
  successorsOf,
  unitInRegion,
  unitName,
  type UnitsCovering,
  unitsCovering,
} from './organisation';
