import { coveredBy, EMPTY_ORGANISATION, findMunicipality, municipalities, type OrganisationSnapshot, policeRegions } from '@samverkan/geo';
import { todayInSweden } from '@samverkan/schema';
import { indicatorCatalogue, type IndicatorFact, UNIT_RANGES } from '@samverkan/schema';
import { type ResultArea, resolveArea } from '../results/areas';
import type { ResultInput } from '../results/write';
import { type InstrumentSeed, instrumentSeeds } from '../reference/instruments';

/**
 * Demo data: plausible, made-up trygghetsmätning results for all 290 kommuner, the lokalpolisområden
 * the police organisation registers (today's, with today's kommuner) and the seven polisregioner, year by year. The same seed gives the same values.
 * Every value is stored with origin DEMO and never shown unless a query asks for demo values.
 *
 * Each polisregion's kommuner answer that region's instrument, as in reality: Syd's (index and per
 * cent), Stockholm's (per cent only), and for the other regions, whose instruments the hub does not
 * describe yet, a made-up instrument flagged as demo.
 */

/** Options of {@link generateDemoData}. */
export interface DemoOptions {
  /** The seed of the generator. @default 2016 */
  seed?: number;
  /** First year. @default 2016 */
  from?: number;
  /** Last year. @default 2025 */
  to?: number;
  /** The police organisation whose lokalpolisområden get demo values. @default none: kommuner and regions only */
  organisation?: OrganisationSnapshot;
}

export const DEMO_DEFAULTS = { seed: 2016, from: 2016, to: 2025 } as const;

/** A made-up instrument of a region the hub has no instrument for. */
export interface DemoInstrument extends InstrumentSeed {
  demo: true;
}

/** The instrument each polisregion's kommuner answer in the demo data. */
export function demoInstrumentOf(policeRegionCode: string): InstrumentSeed | DemoInstrument {
  const real = instrumentSeeds.find((instrument) => instrument.policeRegionCode === policeRegionCode);
  if (real) return real;
  const region = policeRegions.find((r) => r.code === policeRegionCode);
  return {
    code: `DEMO_${policeRegionCode}`,
    name: `Demo: trygghetsmätning i polisregion ${region?.name ?? policeRegionCode} (påhittad)`,
    organiser: 'Demodata (påhittad)',
    policeRegionCode,
    firstYear: null,
    units: ['INDEX_0_6', 'PERCENT'],
    description: 'Finns inte: ett påhittat mätinstrument för demonstrationer och prestandamätningar. Alla dess värden är demodata.',
    source: 'Samverkan hub: demodatagenerator',
    demo: true,
  };
}

/** The demo instruments (made-up ones only; real instruments are reference data). */
export function demoInstruments(): DemoInstrument[] {
  return policeRegions.map((region) => demoInstrumentOf(region.code)).filter((instrument): instrument is DemoInstrument => 'demo' in instrument);
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same numbers everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from a seed and a text key (FNV-1a), so each kommun draws the same values whatever the order. */
function seedOf(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function normal(next: () => number): number {
  // Box–Muller; 1 - next() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** How each indicator follows a kommun's latent level of problems (z): mean, spread per unit z, noise. */
const SHAPE: Record<string, { mean: number; perZ: number; noise: number; perYear: number }> = {
  PROBLEM_INDEX: { mean: 1.6, perZ: 0.35, noise: 0.06, perYear: 0.01 },
  UNSAFE_OUTDOORS: { mean: 22, perZ: 7, noise: 1.5, perYear: 0.2 },
  WORRIED_ASSAULT: { mean: 16, perZ: 5, noise: 1.2, perYear: 0.15 },
  EXPOSED_TO_CRIME: { mean: 12, perZ: 3, noise: 1, perYear: -0.05 },
  EXPOSED_TO_VOLUME_CRIME: { mean: 15, perZ: 4, noise: 1, perYear: -0.1 },
  REPORTING_RATE: { mean: 55, perZ: -5, noise: 2, perYear: 0.1 },
  POLICE_CARE_LOCAL: { mean: 45, perZ: -6, noise: 2, perYear: -0.1 },
  CONFIDENCE_IN_POLICE: { mean: 68, perZ: -6, noise: 1.5, perYear: -0.1 },
};

function rounded(indicator: IndicatorFact, value: number): number {
  const range = UNIT_RANGES[indicator.unit];
  const clamped = Math.min(range.max, Math.max(range.min, value));
  return indicator.unit === 'INDEX_0_6' ? Math.round(clamped * 100) / 100 : Math.round(clamped * 10) / 10;
}

function area(level: ResultArea['level'], code: string, organisation: OrganisationSnapshot = EMPTY_ORGANISATION): ResultArea {
  const resolved = resolveArea(organisation, level, code);
  if (typeof resolved === 'string') throw new Error(`demo data: ${resolved}`);
  return resolved;
}

/** Generates the demo results (kommuner first, then lokalpolisområden and polisregioner as unweighted means). */
export function generateDemoResults(options: DemoOptions = {}): ResultInput[] {
  const { seed, from, to } = { ...DEMO_DEFAULTS, ...options };
  const organisation = options.organisation ?? EMPTY_ORGANISATION;
  const today = todayInSweden();
  const results: ResultInput[] = [];
  /** value by indicator, year and kommun, for the area means */
  const kommunValue = new Map<string, { value: number; respondents: number }>();
  const key = (indicator: string, year: number, code: string) => `${indicator}|${year}|${code}`;

  for (const municipality of municipalities) {
    const instrument = demoInstrumentOf(municipality.policeRegionCode);
    const next = random(seedOf(seed, municipality.code));
    const level = normal(next); // the kommun's latent level of problems
    const drift = normal(next) * 0.5; // its own trend, in units of the indicator's yearly change
    const size = 300 + Math.floor(next() * 1500); // respondents in a typical year
    for (const indicator of indicatorCatalogue) {
      if (!instrument.units.includes(indicator.unit)) continue;
      const shape = SHAPE[indicator.code];
      if (!shape) continue;
      for (let year = from; year <= to; year += 1) {
        const trend = (shape.perYear + drift * Math.abs(shape.perYear || shape.noise / 10)) * (year - from);
        const value = rounded(indicator, shape.mean + shape.perZ * level + trend + normal(next) * shape.noise);
        const respondents = Math.max(50, Math.round(size * (0.9 + next() * 0.2)));
        kommunValue.set(key(indicator.code, year, municipality.code), { value, respondents });
        results.push({
          instrumentCode: instrument.code,
          year,
          indicatorCode: indicator.code,
          area: area('MUNICIPALITY', municipality.code),
          value,
          respondents,
          ciLow: null,
          ciHigh: null,
          origin: 'DEMO',
        });
      }
    }
  }

  // Lokalpolisområden and polisregioner: the unweighted mean of their kommuner (as Kolada forms groups).
  const groups = [
    ...organisation.localPoliceAreas.map((lpo) => ({
      level: 'LOCAL_POLICE_AREA' as const,
      code: lpo.id,
      region: lpo.policeRegionCode,
      members: coveredBy(organisation, { kind: 'LPO', id: lpo.id }, today),
    })),
    ...policeRegions.map((region) => ({
      level: 'POLICE_REGION' as const,
      code: region.code,
      region: region.code,
      members: municipalities.filter((m) => m.policeRegionCode === region.code).map((m) => m.code),
    })),
  ];
  for (const group of groups) {
    const instrument = demoInstrumentOf(group.region);
    if (group.members.some((code) => findMunicipality(code)?.policeRegionCode !== group.region)) continue;
    for (const indicator of indicatorCatalogue) {
      for (let year = from; year <= to; year += 1) {
        const values = group.members.map((code) => kommunValue.get(key(indicator.code, year, code))).filter((v) => v !== undefined);
        if (values.length !== group.members.length || values.length === 0) continue;
        results.push({
          instrumentCode: instrument.code,
          year,
          indicatorCode: indicator.code,
          area: area(group.level, group.code, organisation),
          value: rounded(indicator, values.reduce((sum, v) => sum + v.value, 0) / values.length),
          respondents: values.reduce((sum, v) => sum + v.respondents, 0),
          ciLow: null,
          ciHigh: null,
          origin: 'DEMO',
        });
      }
    }
  }
  return results;
}
