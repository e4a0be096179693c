/**
 * The catalogue of trygghetsmätning indicators, shared by every subgraph: the surveys subgraph
 * serves it and checks results against it, and the actions subgraph checks that a follow-up's
 * indicator codes exist. Codes are stable; names and descriptions are Swedish, as the surveys
 * word them.
 */

/** The units results come in. */
export type IndicatorUnit = 'INDEX_0_6' | 'PERCENT';

/** Whether a higher value is worse (a problem, worry) or better (confidence, reporting). */
export type IndicatorDirection = 'HIGHER_IS_WORSE' | 'HIGHER_IS_BETTER';

/** The kinds of indicator: problem, otrygghet, utsatthet, förtroende för polisen, oro. */
export type IndicatorCategory = 'PROBLEMS' | 'UNSAFETY' | 'VICTIMISATION' | 'CONFIDENCE_IN_POLICE' | 'WORRY';

/** One indicator of the catalogue. */
export interface IndicatorFact {
  code: string;
  /** Swedish name, as in the published tables. */
  name: string;
  description: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  category: IndicatorCategory;
}

/** The range a unit's values must lie in (both ends included). */
export const UNIT_RANGES: Readonly<Record<IndicatorUnit, { min: number; max: number; label: string }>> = {
  INDEX_0_6: { min: 0, max: 6, label: 'index 0–6' },
  PERCENT: { min: 0, max: 100, label: 'per cent 0–100' },
};

export const indicatorCatalogue: readonly IndicatorFact[] = [
  {
    code: 'PROBLEM_INDEX',
    name: 'Problemindex (totalt)',
    description: 'Hur stora de lokala problemen upplevs vara, sammanvägt över enkätens problemfrågor: 0 = i stort sett inget problem, 6 = ett mycket stort problem.',
    unit: 'INDEX_0_6',
    direction: 'HIGHER_IS_WORSE',
    category: 'PROBLEMS',
  },
  {
    code: 'UNSAFE_OUTDOORS',
    name: 'Otrygg utomhus sent en kväll',
    description: 'Andel som känner sig ganska eller mycket otrygga ute ensamma sent en kväll i sitt område.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_WORSE',
    category: 'UNSAFETY',
  },
  {
    code: 'WORRIED_ASSAULT',
    name: 'Orolig att bli överfallen eller misshandlad',
    description: 'Andel som är ganska eller mycket oroliga att bli överfallna eller misshandlade.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_WORSE',
    category: 'WORRY',
  },
  {
    code: 'EXPOSED_TO_CRIME',
    name: 'Utsatt för brott',
    description: 'Andel som uppger att de utsatts för något brott under de senaste tolv månaderna.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_WORSE',
    category: 'VICTIMISATION',
  },
  {
    code: 'EXPOSED_TO_VOLUME_CRIME',
    name: 'Utsatt för mängdbrott',
    description: 'Andel som uppger att de utsatts för stöld, inbrott eller skadegörelse under de senaste tolv månaderna.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_WORSE',
    category: 'VICTIMISATION',
  },
  {
    code: 'REPORTING_RATE',
    name: 'Anmälningsbenägenhet',
    description: 'Andel av de utsatta som anmälde brottet till polisen.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    category: 'VICTIMISATION',
  },
  {
    code: 'POLICE_CARE_LOCAL',
    name: 'Polisen bryr sig om lokala problem',
    description: 'Andel som instämmer i att polisen bryr sig om de lokala problemen i området.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    category: 'CONFIDENCE_IN_POLICE',
  },
  {
    code: 'CONFIDENCE_IN_POLICE',
    name: 'Förtroende för polisen',
    description: 'Andel med ganska eller mycket stort förtroende för polisens arbete i området.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    category: 'CONFIDENCE_IN_POLICE',
  },
];

const indicatorByCode = new Map(indicatorCatalogue.map((indicator) => [indicator.code, indicator]));

/** The catalogue's indicator with this code, or undefined. */
export function findIndicator(code: string): IndicatorFact | undefined {
  return indicatorByCode.get(code);
}

/** Whether `value` lies within the unit's range. */
export function isWithinUnitRange(unit: IndicatorUnit, value: number): boolean {
  const range = UNIT_RANGES[unit];
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}
