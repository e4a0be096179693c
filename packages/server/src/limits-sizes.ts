import { counties, municipalities, policeRegions } from '@samverkan/geo';
import { DEFAULT_PAGE_SIZE, focusAreaCatalogue, indicatorCatalogue, MAX_PAGE_SIZE } from '@samverkan/schema';

/*
 * How many items each list of the hub's schema can hold, as the estimated cost of a request counts
 * them (see RequestLimits.maxCost and limits-cost.ts).
 */

/** The number of items a list is assumed to hold when nothing better is known of it. */
export const LIST_SIZE_ESTIMATE = 20;

/** Survey years a kommun can have results for (2016–2025). */
export const SURVEY_YEARS = 10;

const largestGroup = (keys: string[]) => Math.max(...Object.values(keys.reduce<Record<string, number>>((count, key) => ({ ...count, [key]: (count[key] ?? 0) + 1 }), {})));
export const KOMMUNER = municipalities.length;
const KOMMUNER_PER_REGION = largestGroup(municipalities.map((m) => m.policeRegionCode));
const KOMMUNER_PER_COUNTY = largestGroup(municipalities.map((m) => m.countyCode));
const COUNTIES_PER_REGION = largestGroup(counties.map((c) => c.policeRegionCode));

/**
 * A field's arguments as far as the estimate knows them: a literal's value, a variable's value when
 * the request's values are given. A variable whose value is not known (the document is measured
 * alone, or the value is not valid for its type) is given, of no known value or length: the rules
 * count their largest size for it. A variable left out (and without a default in the operation)
 * or null is not given, as the resolver sees it: the argument's default applies.
 */
export interface FieldArguments {
  /** The number of items of a list argument (a single value counts 1). */
  length(name: string): number | undefined;
  /** The value of an Int argument. */
  int(name: string): number | undefined;
  /** Whether the argument is given, not null. */
  has(name: string): boolean;
}

/** At most `size`, fewer when a list argument names fewer. */
const narrowed = (size: number, length: number | undefined) => Math.min(size, length ?? size);

/** Kommuner selected by the shared geography arguments (`codes`/`municipalities`, `policeRegion`, `county`). */
const kommunerOf = (list: string) => (args: FieldArguments) =>
  narrowed(args.has('county') ? KOMMUNER_PER_COUNTY : args.has('policeRegion') ? KOMMUNER_PER_REGION : KOMMUNER, args.length(list));

/** Survey results of one area: indicators × years × origins, narrowed by the arguments. */
const surveyResults = (args: FieldArguments) => {
  const from = args.int('from');
  const to = args.int('to');
  const years = from !== undefined && to !== undefined ? Math.max(0, Math.min(SURVEY_YEARS, to - from + 1)) : SURVEY_YEARS;
  const origins = args.has('origins') ? (args.length('origins') ?? 2) : 1;
  return (args.has('indicator') ? 1 : indicatorCatalogue.length) * years * origins;
};

/**
 * A page of `first` items: `defaultSize` when not given; `maxSize` when its value is not known or
 * outside 1–`maxSize` (the resolver refuses such a page, but the estimate does not rely on it).
 */
const page =
  (defaultSize: number, maxSize: number) =>
  (args: FieldArguments): number => {
    if (!args.has('first')) return defaultSize;
    const first = args.int('first');
    return first !== undefined && first >= 1 && first <= maxSize ? first : maxSize;
  };

/** The connection fields of every list that grows, each a page of the shared connections (`packages/schema/src/connection.ts`), and their edges, one item each. */
const CONNECTIONS: Record<string, (args: FieldArguments) => number> = Object.fromEntries(
  [
    'Query.actions',
    'Municipality.actionsConnection',
    'Agreement.actionsConnection',
    'CitizenPromise.actionsConnection',
    'FocusArea.actionsConnection',
    'ActionPlan.actionsConnection',
    'Municipality.situationReportsConnection',
    'Municipality.actionPlansConnection',
    'ActionPlan.revisionsConnection',
    'Action.followUpsConnection',
    'Query.surveyResults',
    'Query.citizenPromisesConnection',
    'Municipality.surveyResultsConnection',
    'LocalPoliceArea.surveyResultsConnection',
    ...['Agreement', 'CitizenPromise', 'Action', 'ActionPlan', 'SituationReport', 'SurveyResult'].map((type) => `${type}.historyConnection`),
  ].map((field) => [field, page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)]),
);
const CONNECTION_EDGES = Object.fromEntries(
  ['Action', 'SituationReport', 'ActionPlan', 'ActionPlanRevision', 'FollowUp', 'SurveyResult', 'HistoryEntry', 'CitizenPromise'].map((type) => [`${type}Connection.edges`, 1]),
);

/**
 * How many items a field's answer can hold, for the fields where more is known than
 * {@link LIST_SIZE_ESTIMATE}: the size of a catalogue or of the country, narrowed by a list
 * argument's length or a page's `first`. A field listed here that is not a list (a page) multiplies
 * what is selected under it. Keys are `Type.field`; the gateway and the subgraphs share the names.
 */
export const LIST_SIZES: Readonly<Record<string, number | ((args: FieldArguments) => number)>> = {
  'Query.municipalities': kommunerOf('codes'),
  'Query.compliance': kommunerOf('municipalities'),
  'Query.policeRegions': policeRegions.length,
  'Query.counties': counties.length,
  'Query.focusAreas': focusAreaCatalogue.length,
  'Query.indicators': indicatorCatalogue.length,
  // A page of its own sizes: 20 by default, at most 200.
  'Query.agreements': page(20, 200),
  'AgreementConnection.edges': 1,
  'PoliceRegion.counties': COUNTIES_PER_REGION,
  'PoliceRegion.municipalities': KOMMUNER_PER_REGION,
  'County.municipalities': KOMMUNER_PER_COUNTY,
  'Agreement.focusAreas': focusAreaCatalogue.length,
  'CitizenPromise.focusAreas': focusAreaCatalogue.length,
  // One count per fokusområde, and one for actions without.
  'Municipality.actionCounts': focusAreaCatalogue.length + 1,
  'FollowUp.indicatorCodes': indicatorCatalogue.length,
  'Municipality.surveyResults': surveyResults,
  'LocalPoliceArea.surveyResults': surveyResults,
  'TrendSeries.points': SURVEY_YEARS,
  'IndicatorTrend.series': KOMMUNER,
  'IndicatorComparison.rows': KOMMUNER,
  ...CONNECTIONS,
  ...CONNECTION_EDGES,
  // A subgraph's entity fetch: one item per representation.
  'Query._entities': (args) => args.length('representations') ?? LIST_SIZE_ESTIMATE,
};
