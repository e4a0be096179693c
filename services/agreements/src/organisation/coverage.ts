import { policeRegions } from '@samverkan/geo';
import type { Tx } from '../db';
import { periodWhere, type UnitKind } from './rules';

/*
 * Which police units cover which kommuner on a day, read from the stored organisation. A unit
 * covers a kommun on a day when the unit's period and its link's period both contain the day.
 */

type Reader = Pick<Tx, 'localPoliceArea' | 'localPoliceAreaMunicipality' | 'policeDistrict' | 'policeDistrictMunicipality' | 'municipality'>;

/** The links of lokalpolisområden valid on `on`, whose area is valid then too. */
const areaLinksOn = (on: string) => ({ ...periodWhere(on), localPoliceArea: periodWhere(on) });
/** The links of polisområden valid on `on`, whose district is valid then too. */
const districtLinksOn = (on: string) => ({ ...periodWhere(on), policeDistrict: periodWhere(on) });

/** The units covering a kommun on a day: its lokalpolisområden, its polisområden (their own links or their areas') and its region. */
export async function unitsCovering(tx: Reader, municipalityCode: string, on: string) {
  const municipality = await tx.municipality.findUnique({ where: { code: municipalityCode }, select: { county: { select: { policeRegionCode: true } } } });
  const localPoliceAreas = await tx.localPoliceArea.findMany({
    where: { ...periodWhere(on), municipalities: { some: { municipalityCode, ...periodWhere(on) } } },
    orderBy: { id: 'asc' },
  });
  const areaDistricts = localPoliceAreas.map((area) => area.policeDistrictId).filter((id): id is string => id !== null);
  const policeDistricts = await tx.policeDistrict.findMany({
    where: { AND: [periodWhere(on), { OR: [{ id: { in: areaDistricts } }, { municipalities: { some: { municipalityCode, ...periodWhere(on) } } }] }] },
    orderBy: { id: 'asc' },
  });
  return { localPoliceAreas, policeDistricts, policeRegionCode: municipality?.county.policeRegionCode ?? null };
}

/** The kommuner (SCB codes, sorted) a unit covers on a day; a region covers those of its kommuner no lokalpolisområde covers. */
export async function kommunerCoveredBy(tx: Reader, unit: { kind: UnitKind | 'REGION'; id: string }, on: string): Promise<string[]> {
  if (unit.kind === 'REGION') {
    const [coverage] = await uncoveredOn(tx, on, unit.id);
    return coverage?.uncovered ?? [];
  }
  const areaLinks = await tx.localPoliceAreaMunicipality.findMany({
    where: { ...areaLinksOn(on), ...(unit.kind === 'LPO' ? { localPoliceAreaId: unit.id } : { localPoliceArea: { ...periodWhere(on), policeDistrictId: unit.id } }) },
    select: { municipalityCode: true },
  });
  const districtLinks = unit.kind === 'DISTRICT'
    ? await tx.policeDistrictMunicipality.findMany({ where: { ...districtLinksOn(on), policeDistrictId: unit.id }, select: { municipalityCode: true } })
    : [];
  return [...new Set([...areaLinks, ...districtLinks].map((link) => link.municipalityCode))].sort();
}

/** One region's coverage on a day. */
export interface RegionCoverage {
  policeRegionCode: string;
  /** Kommuner in the region. */
  municipalities: number;
  /** Kommuner a lokalpolisområde covers (wholly or in part). */
  covered: number;
  /** The kommuner no lokalpolisområde covers, by code. */
  uncovered: string[];
}

/** Per region (or for one), in Polisen's order, the kommuner no lokalpolisområde covers on a day. */
export async function uncoveredOn(tx: Reader, on: string, policeRegionCode?: string | null): Promise<RegionCoverage[]> {
  const inRegion = policeRegionCode ? { county: { policeRegionCode } } : {};
  const municipalities = await tx.municipality.findMany({ where: inRegion, select: { code: true, county: { select: { policeRegionCode: true } } }, orderBy: { code: 'asc' } });
  const links = await tx.localPoliceAreaMunicipality.findMany({ where: { ...areaLinksOn(on), municipality: inRegion }, select: { municipalityCode: true }, distinct: ['municipalityCode'] });
  const covered = new Set(links.map((link) => link.municipalityCode));
  const regions = new Map<string, RegionCoverage>();
  for (const { code, county } of municipalities) {
    const region = regions.get(county.policeRegionCode) ?? { policeRegionCode: county.policeRegionCode, municipalities: 0, covered: 0, uncovered: [] };
    region.municipalities += 1;
    if (covered.has(code)) region.covered += 1;
    else region.uncovered.push(code);
    regions.set(county.policeRegionCode, region);
  }
  const order = policeRegions.map((region) => region.code);
  return [...regions.values()].sort((a, b) => order.indexOf(a.policeRegionCode) - order.indexOf(b.policeRegionCode));
}
