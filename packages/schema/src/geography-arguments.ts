import { counties, findMunicipality, isCountyCode, isPoliceRegionCode, municipalities, policeRegions } from '@samverkan/geo';
import { badInput } from './errors';

/*
 * The geography arguments every subgraph takes (`policeRegion`, `county`, `municipalities`), checked
 * against the geography facts of `@samverkan/geo` with one message each, and the scope they select.
 */

const REGION_CODES = `${policeRegions
  .slice(0, -1)
  .map((region) => region.code)
  .join(', ')} or ${policeRegions.at(-1)!.code}`;

/** A `policeRegion` argument, checked: null when not given; BAD_USER_INPUT naming the codes when unknown. */
export function policeRegionArgument(code: string | number | null | undefined, argument = 'policeRegion'): string | null {
  if (code == null) return null;
  const value = String(code);
  if (!isPoliceRegionCode(value)) throw badInput(`"${value}" is not a polisregion code: use ${REGION_CODES}.`, { argument });
  return value;
}

/** A `county` (län) argument, checked: null when not given; BAD_USER_INPUT when unknown. */
export function countyArgument(code: string | number | null | undefined, argument = 'county'): string | null {
  if (code == null) return null;
  const value = String(code);
  if (!isCountyCode(value)) {
    throw badInput(`"${value}" is not a län code: use SCB's two digits, ${counties[0]!.code}–${counties.at(-1)!.code} (e.g. "12" for Skåne län).`, { argument });
  }
  return value;
}

/** A `municipalities` argument (kommun codes), checked: null when not given; BAD_USER_INPUT naming the unknown codes. */
export function municipalityCodesArgument(codes: readonly string[] | null | undefined, argument = 'municipalities'): string[] | null {
  if (codes == null) return null;
  const unknown = codes.filter((code) => !findMunicipality(code));
  if (unknown.length) throw badInput(`Not kommun codes: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}.`, { argument });
  return [...new Set(codes)];
}

/** The kommuner an analyst asks about: a polisregion, a län, a list of kommuner, or the whole country. */
export type AreaScope =
  | { kind: 'country' }
  | { kind: 'policeRegion'; code: string }
  | { kind: 'county'; code: string }
  | { kind: 'municipalities'; codes: string[] };

/** The arguments that select an {@link AreaScope}; at most one may be given. */
export interface AreaScopeArguments {
  policeRegion?: string | number | null;
  county?: string | number | null;
  municipalities?: readonly string[] | null;
}

/**
 * The scope the arguments select, checked: one of `policeRegion`, `county` or `municipalities`, or
 * none for the whole country. Giving several is refused, as are unknown codes.
 */
export function areaScopeArgument(args: AreaScopeArguments): AreaScope {
  const given = [args.policeRegion != null, args.county != null, args.municipalities != null].filter(Boolean).length;
  if (given > 1) throw badInput('Give one of policeRegion, county or municipalities, not several.', { argument: 'policeRegion' });
  const region = policeRegionArgument(args.policeRegion);
  if (region) return { kind: 'policeRegion', code: region };
  const county = countyArgument(args.county);
  if (county) return { kind: 'county', code: county };
  const codes = municipalityCodesArgument(args.municipalities);
  if (codes) return { kind: 'municipalities', codes };
  return { kind: 'country' };
}

/** The codes of the kommuner in a scope, in SCB order. */
export function municipalityCodesIn(scope: AreaScope): string[] {
  switch (scope.kind) {
    case 'country':
      return municipalities.map((m) => m.code);
    case 'policeRegion':
      return municipalities.filter((m) => m.policeRegionCode === scope.code).map((m) => m.code);
    case 'county':
      return municipalities.filter((m) => m.countyCode === scope.code).map((m) => m.code);
    case 'municipalities': {
      const wanted = new Set(scope.codes);
      return municipalities.filter((m) => wanted.has(m.code)).map((m) => m.code);
    }
  }
}

/**
 * The codes of the kommuner that match every argument given (a polisregion, a län and a list of
 * kommuner narrow each other down), each argument checked; all 290 when none is given.
 */
export function municipalityCodesMatching(args: AreaScopeArguments): string[] {
  const region = policeRegionArgument(args.policeRegion);
  const county = countyArgument(args.county);
  const codes = municipalityCodesArgument(args.municipalities);
  const wanted = codes ? new Set(codes) : null;
  return municipalities
    .filter((m) => (!region || m.policeRegionCode === region) && (!county || m.countyCode === county) && (!wanted || wanted.has(m.code)))
    .map((m) => m.code);
}
