import { coveredBy, type OrganisationSnapshot } from '@samverkan/geo';
import { type AreaScope, type AreaScopeArguments, areaScopeArgument, badInput, municipalityCodesIn, UNIT_RANGES } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { AreaLevel, Indicator, Prisma, SurveyInstrument, SurveyResult } from '../generated/prisma/client';

/*
 * What a comparison or a trend takes from the stored results: the areas of its scope, a known
 * indicator, one instrument only (results of different instruments are never ranked together: asking
 * across instruments is refused with the instruments found, and the caller picks one), and one
 * result per area.
 */

const RANKED_LEVELS: readonly AreaLevel[] = ['MUNICIPALITY', 'LOCAL_POLICE_AREA', 'SUB_AREA'];

/**
 * The filter of a scope (one polisregion, one län, named kommuner, or none: the whole country) at a
 * level, checked. Lokalpolisområden are those of the police organisation on `on` (the last day the
 * question asks about).
 */
export function scopeWhere(level: AreaLevel, args: AreaScopeArguments, organisation: OrganisationSnapshot, on: string): Prisma.SurveyResultWhereInput {
  const scope = areaScopeArgument(args);
  if (!RANKED_LEVELS.includes(level)) throw badInput(`Areas of level ${level} are not ranked: compare MUNICIPALITY, LOCAL_POLICE_AREA or SUB_AREA.`, { argument: 'level' });
  if (scope.kind === 'country') return {};
  if (scope.kind === 'policeRegion') return { policeRegionCode: scope.code };
  if (level === 'LOCAL_POLICE_AREA') return { areaCode: { in: localPoliceAreasIn(scope, organisation, on) } };
  return scope.kind === 'county' ? { countyCode: scope.code } : { municipalityCode: { in: municipalityCodesIn(scope) } };
}

/** The ids of the lokalpolisområden of a scope on a day: a lokalpolisområde is in scope when it covers a kommun of the scope that day. */
export function localPoliceAreasIn(scope: AreaScope, organisation: OrganisationSnapshot, on: string): string[] {
  const wanted = new Set(municipalityCodesIn(scope));
  return organisation.localPoliceAreas.filter((lpo) => coveredBy(organisation, { kind: 'LPO', id: lpo.id }, on).some((code) => wanted.has(code))).map((lpo) => lpo.id);
}

export async function findIndicatorOrFail(db: PrismaClient, code: string): Promise<Indicator> {
  const indicator = await db.indicator.findUnique({ where: { code } });
  if (indicator) return indicator;
  const known = await db.indicator.findMany({ orderBy: { position: 'asc' }, select: { code: true } });
  throw badInput(`"${code}" is not an indicator: use ${known.map((k) => k.code).join(', ')}.`, { argument: 'indicator' });
}

/** The instrument asked for (checked against the indicator's unit), or null to take the one the results have. */
export async function chosenInstrument(db: PrismaClient, code: string | null | undefined, indicator: Indicator): Promise<SurveyInstrument | null> {
  if (code == null) return null;
  const instrument = await db.surveyInstrument.findUnique({ where: { code } });
  if (!instrument) throw badInput(`"${code}" is not a survey instrument.`, { argument: 'instrument' });
  if (!instrument.units.includes(indicator.unit)) {
    throw badInput(
      `${instrument.name} reports ${instrument.units.map((u) => UNIT_RANGES[u].label).join(' and ')}; ${indicator.code} is ${UNIT_RANGES[indicator.unit].label}. Results in different units are never compared.`,
      { argument: 'instrument' },
    );
  }
  return instrument;
}

/** Refuses results of several instruments, naming them; returns the one instrument's code. */
export function singleInstrument(results: readonly SurveyResult[], indicator: Indicator): string | null {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.instrumentCode, (counts.get(result.instrumentCode) ?? 0) + 1);
  if (counts.size > 1) {
    const found = [...counts].map(([code, n]) => `${code} (${n} areas)`).join(', ');
    throw badInput(
      `The areas asked for have ${indicator.code} results from ${counts.size} instruments: ${found}. Results of different instruments are never ranked together; choose one with \`instrument\`.`,
      { argument: 'instrument' },
    );
  }
  return counts.keys().next().value ?? null;
}

/** One result per area: where both a published and a demo value exist (both asked for), the published one. */
export function onePerArea<Row extends Pick<SurveyResult, 'areaLevel' | 'areaCode' | 'subAreaName' | 'year' | 'origin'>>(results: readonly Row[]): Row[] {
  const byArea = new Map<string, Row>();
  for (const result of results) {
    const key = `${result.areaLevel}|${result.areaCode}|${result.subAreaName}|${result.year}`;
    const kept = byArea.get(key);
    if (!kept || (kept.origin === 'DEMO' && result.origin === 'PUBLISHED')) byArea.set(key, result);
  }
  return [...byArea.values()];
}

/** An area's key, the same for its results of every year. */
export const areaKey = (r: Pick<SurveyResult, 'areaLevel' | 'areaCode' | 'subAreaName'>) => `${r.areaLevel}|${r.areaCode}|${r.subAreaName}`;
