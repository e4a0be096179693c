import { counties, findMunicipality, municipalities, policeRegions } from '@samverkan/geo';
import { type AreaScope, municipalityCodesIn, UNIT_RANGES } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { AreaLevel, Indicator, Prisma, ResultOrigin, SurveyInstrument } from '../generated/prisma/client';
import { findIndicatorOrFail } from './selection';

/*
 * Why a comparison, a trend or a kommun's standing found no values. Worked out only for an empty
 * answer, from two grouped statements whatever the number of areas: the question's results at any
 * year and of any origin, counted by year, origin and instrument; and the instruments that cover
 * the scope. The checks run in a fixed order, so each answer has one reason: no areas at the level,
 * no instrument, only values of another origin, values in other years, nothing at all.
 */

export type EmptyReason =
  | 'NO_AREAS_AT_LEVEL'
  | 'NO_INSTRUMENT_FOR_AREA'
  | 'ONLY_DEMO_VALUES'
  | 'ONLY_PUBLISHED_VALUES'
  | 'NO_PUBLISHED_RESULTS_FOR_YEAR'
  | 'NOTHING_PUBLISHED';

/** Why an answer has no rows, in words and as a code. */
export interface EmptyAnswer {
  reason: EmptyReason;
  message: string;
  /** The years with published values of the indicator for the scope and level (any instrument, or the one asked for). */
  yearsWithPublishedResults: number[];
  /** The instruments that report the indicator for the scope; for NO_INSTRUMENT_FOR_AREA, those that cover it and report other things. */
  instruments: SurveyInstrument[];
}

/** An empty question, in the terms its explanation needs. */
export interface EmptyQuestion {
  indicator: Pick<Indicator, 'code' | 'name' | 'unit'>;
  /** The instrument asked for, if any. */
  instrument: SurveyInstrument | null;
  level: AreaLevel;
  scope: AreaScope;
  /** The results' filter of the scope at the level (the comparison's own). */
  where: Prisma.SurveyResultWhereInput;
  from: number;
  to: number;
  origins: readonly ResultOrigin[];
  /**
   * The areas of the level in the scope, for a level whose areas are registered apart from the
   * results (lokalpolisområden); null for the others (kommuner always exist, delområden only in results).
   */
  areasAtLevel: readonly string[] | null;
}

/** The question's results at any year and of any origin, one entry per year, origin and instrument that has some. */
export interface ResultGroup {
  year: number;
  origin: ResultOrigin;
  instrumentCode: string;
}

const LEVEL_PLURAL: Record<AreaLevel, string> = {
  COUNTRY: 'the country',
  POLICE_REGION: 'the polisregioner',
  LOCAL_POLICE_AREA: 'the lokalpolisområden',
  MUNICIPALITY: 'the kommuner',
  SUB_AREA: 'the delområden',
};

/** "Lund, Burlöv and Kävlinge". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Years as runs: "2018 and 2019", "2016–2025", "2016–2020 and 2023". */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    if (j - i >= 2) runs.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k += 1) runs.push(String(sorted[k]));
    i = j + 1;
  }
  return listed(runs);
}

/** The scope in words: "polisregion Syd", "Skåne län", "Lund", "the 12 kommuner asked for", "Sweden". */
function scopeName(scope: AreaScope): string {
  switch (scope.kind) {
    case 'country':
      return 'Sweden';
    case 'policeRegion':
      return `polisregion ${policeRegions.find((r) => r.code === scope.code)?.name ?? scope.code}`;
    case 'county':
      return counties.find((c) => c.code === scope.code)?.name ?? `län ${scope.code}`;
    case 'municipalities':
      return scope.codes.length <= 3 ? listed(scope.codes.map((code) => findMunicipality(code)?.name ?? code)) : `the ${scope.codes.length} kommuner asked for`;
  }
}

/** What was compared: "Lund" for one kommun's own values, otherwise "the kommuner of polisregion Syd". */
function subjectOf(level: AreaLevel, scope: AreaScope): string {
  if (level === 'MUNICIPALITY' && scope.kind === 'municipalities' && scope.codes.length === 1) return scopeName(scope);
  const of = level === 'LOCAL_POLICE_AREA' && scope.kind === 'municipalities' ? 'covering' : 'in';
  return `${LEVEL_PLURAL[level]} ${of} ${scopeName(scope)}`;
}

/** The polisregioner a scope lies in (null for the whole country). */
export function regionsOf(scope: AreaScope): string[] | null {
  if (scope.kind === 'country') return null;
  if (scope.kind === 'policeRegion') return [scope.code];
  const wanted = new Set(municipalityCodesIn(scope));
  return [...new Set(municipalities.filter((m) => wanted.has(m.code)).map((m) => m.policeRegionCode))];
}

const unitsOf = (instrument: SurveyInstrument) => listed(instrument.units.map((unit) => UNIT_RANGES[unit].label));

/**
 * Explains an empty answer from the question's result groups and the instruments that cover its
 * scope (a region's own and the national ones, and any instrument that has results there).
 */
export function explainEmptiness(question: EmptyQuestion, groups: readonly ResultGroup[], covering: readonly SurveyInstrument[]): EmptyAnswer {
  const indicator = `${question.indicator.name} (${question.indicator.code})`;
  const subject = subjectOf(question.level, question.scope);
  const period = question.from === question.to ? `${question.from}` : `${question.from}–${question.to}`;
  const publishedYears = [...new Set(groups.filter((g) => g.origin === 'PUBLISHED').map((g) => g.year))].sort((a, b) => a - b);
  const answer = (reason: EmptyReason, message: string, instruments: readonly SurveyInstrument[] = []): EmptyAnswer => ({
    reason,
    message,
    yearsWithPublishedResults: publishedYears,
    instruments: [...instruments],
  });

  if (question.areasAtLevel?.length === 0) {
    return answer('NO_AREAS_AT_LEVEL', `No lokalpolisområde is registered in ${scopeName(question.scope)}, so none has values: ask at level MUNICIPALITY.`);
  }

  const withResults = new Set(groups.map((g) => g.instrumentCode));
  const candidates = question.instrument ? covering.filter((i) => i.code === question.instrument!.code) : covering;
  const reporting = candidates.filter((i) => withResults.has(i.code) || i.units.includes(question.indicator.unit));
  if (!reporting.length) {
    const unit = UNIT_RANGES[question.indicator.unit].label;
    const asked = question.instrument;
    let message: string;
    if (asked) {
      message = candidates.length
        ? `${asked.name} does not report ${indicator}: it reports ${unitsOf(asked)}, the indicator is ${unit}.`
        : `${asked.name} does not cover ${scopeName(question.scope)}${asked.policeRegionCode ? ` (it is polisregion ${asked.policeRegionCode}'s)` : ''}.`;
    } else if (covering.length) {
      message = `No survey instrument reports ${question.indicator.name} (${question.indicator.code}, ${unit}) for ${subject}: ${listed(covering.map((i) => `${i.name} reports ${unitsOf(i)}`))}.`;
    } else {
      message = `No survey instrument the hub knows covers ${scopeName(question.scope)}.`;
    }
    return answer('NO_INSTRUMENT_FOR_AREA', message, asked ? [asked] : covering);
  }

  const asked = new Set(question.origins);
  const inPeriod = groups.filter((g) => g.year >= question.from && g.year <= question.to);
  const demoYears = groups.filter((g) => g.origin === 'DEMO').map((g) => g.year);
  const published = publishedYears.length ? `Published results exist for ${yearRuns(publishedYears)}.` : 'Nothing has been published for it in any year.';
  if (!asked.has('DEMO') && inPeriod.some((g) => g.origin === 'DEMO')) {
    return answer(
      'ONLY_DEMO_VALUES',
      `Only demo values (made up, never published) exist for ${indicator} of ${subject} in ${period}: ask with origins: [DEMO] to see them. ${published}`,
      reporting,
    );
  }
  if (!asked.has('PUBLISHED') && inPeriod.some((g) => g.origin === 'PUBLISHED')) {
    return answer('ONLY_PUBLISHED_VALUES', `No demo values exist for ${indicator} of ${subject} in ${period}, only published results: ask with origins: [PUBLISHED].`, reporting);
  }

  const demoAsked = asked.has('DEMO');
  const askedYears = groups.filter((g) => asked.has(g.origin)).map((g) => g.year);
  const demoNote = demoYears.length ? ` Demo values (made up) exist for ${yearRuns(demoYears)}${demoAsked ? '' : ': ask with origins: [DEMO] to see them'}.` : '';
  if (askedYears.length) {
    const what = demoAsked ? (asked.has('PUBLISHED') ? 'values' : 'demo values') : 'published results';
    return answer('NO_PUBLISHED_RESULTS_FOR_YEAR', `No ${what} for ${indicator} of ${subject} in ${period}. ${published}${demoAsked ? demoNote : ''}`, reporting);
  }
  return answer(
    'NOTHING_PUBLISHED',
    `Nothing has been published for ${indicator} of ${subject} in any year; ${listed(reporting.map((i) => i.name))} could report it.${demoNote}`,
    reporting,
  );
}

/** The instruments that may report for some polisregioner (theirs and the national ones), or for the whole country (all), and those named. */
function coveringInstruments(db: PrismaClient, regions: readonly string[] | null, codes: readonly string[]): Promise<SurveyInstrument[]> {
  const where: Prisma.SurveyInstrumentWhereInput =
    regions === null ? {} : { OR: [{ policeRegionCode: null }, { policeRegionCode: { in: [...regions] } }, { code: { in: [...codes] } }] };
  return db.surveyInstrument.findMany({ where, orderBy: [{ position: 'asc' }, { code: 'asc' }] });
}

/** Why a comparison or a trend is empty: two SQL statements (none when the level has no areas in the scope). */
export async function explainEmptyAnswer(db: PrismaClient, question: EmptyQuestion): Promise<EmptyAnswer> {
  if (question.areasAtLevel?.length === 0) return explainEmptiness(question, [], []);
  const groups = await db.surveyResult.groupBy({
    by: ['year', 'origin', 'instrumentCode'],
    where: {
      AND: [question.where, { indicatorCode: question.indicator.code, areaLevel: question.level }, question.instrument ? { instrumentCode: question.instrument.code } : {}],
    },
    orderBy: [{ year: 'asc' }, { origin: 'asc' }, { instrumentCode: 'asc' }],
  });
  const instruments = await coveringInstruments(db, regionsOf(question.scope), [...new Set(groups.map((g) => g.instrumentCode))]);
  return explainEmptiness(question, groups, instruments);
}

/** What a kommun's standing was asked for. */
export interface StandingQuestion {
  indicatorCode: string;
  year: number;
  origins: readonly ResultOrigin[];
}

/**
 * Why each of `codes` has no standing (no value of the indicator in the year, of the origins asked);
 * the kommuner that have one are left out. Three SQL statements (the indicator, the results grouped
 * by kommun, year, origin and instrument, the instruments) for 1 or 290 kommuner.
 */
export async function explainEmptyStandings(
  db: PrismaClient,
  codes: readonly string[],
  request: StandingQuestion,
): Promise<{ municipalityCode: string; empty: EmptyAnswer }[]> {
  const [indicator, rows] = await Promise.all([
    findIndicatorOrFail(db, request.indicatorCode),
    db.surveyResult.groupBy({
      by: ['areaCode', 'year', 'origin', 'instrumentCode'],
      where: { indicatorCode: request.indicatorCode, areaLevel: 'MUNICIPALITY', areaCode: { in: [...codes] } },
      orderBy: [{ areaCode: 'asc' }, { year: 'asc' }, { origin: 'asc' }],
    }),
  ]);
  const groupsOf = new Map<string, ResultGroup[]>();
  for (const row of rows) {
    const list = groupsOf.get(row.areaCode);
    if (list) list.push(row);
    else groupsOf.set(row.areaCode, [row]);
  }
  const origins = new Set(request.origins);
  const hasStanding = (code: string) => (groupsOf.get(code) ?? []).some((g) => g.year === request.year && origins.has(g.origin));
  const without = codes.filter((code) => findMunicipality(code) && !hasStanding(code));
  if (!without.length) return [];
  const regionOf = (code: string) => findMunicipality(code)!.policeRegionCode;
  const instruments = await coveringInstruments(db, [...new Set(without.map(regionOf))], [...new Set(rows.map((r) => r.instrumentCode))]);
  return without.map((code) => {
    const groups = groupsOf.get(code) ?? [];
    const own = new Set(groups.map((g) => g.instrumentCode));
    const covering = instruments.filter((i) => i.policeRegionCode === null || i.policeRegionCode === regionOf(code) || own.has(i.code));
    const question: EmptyQuestion = {
      indicator,
      instrument: null,
      level: 'MUNICIPALITY',
      scope: { kind: 'municipalities', codes: [code] },
      where: {},
      from: request.year,
      to: request.year,
      origins: request.origins,
      areasAtLevel: null,
    };
    return { municipalityCode: code, empty: explainEmptiness(question, groups, covering) };
  });
}
