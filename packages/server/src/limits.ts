import type { ApolloServerPlugin } from '@apollo/server';
import { counties, municipalities, policeRegions } from '@samverkan/geo';
import { DEFAULT_PAGE_SIZE, focusAreaCatalogue, indicatorCatalogue } from '@samverkan/schema';
import {
  type ArgumentNode,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  isInterfaceType,
  isListType,
  isObjectType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Limits on what one request may ask of a server (the gateway, or a subgraph that may be reached
 * behind another router), so that a crafted query cannot take the hub down. Each is checked before
 * anything is executed, and each refusal says which limit and how far over it the request is.
 */
export interface RequestLimits {
  /** The deepest nesting of fields. @default 15 (`SAMVERKAN_MAX_DEPTH`) */
  maxDepth?: number;
  /** The most aliased fields in one document. @default 50 (`SAMVERKAN_MAX_ALIASES`) */
  maxAliases?: number;
  /**
   * The highest estimated cost: each field costs 1, and what is selected under a list counts once
   * per item the list can hold (see {@link LIST_SIZES}; nested lists multiply). @default 100_000 (`SAMVERKAN_MAX_COST`)
   */
  maxCost?: number;
  /** The most lexical tokens in a document (checked while parsing). @default 5_000 (`SAMVERKAN_MAX_TOKENS`) */
  maxTokens?: number;
  /** The largest request body, in bytes. @default 200_000 (`SAMVERKAN_MAX_BODY_BYTES`) */
  maxBodyBytes?: number;
  /** The largest answer, in bytes; a larger one is refused, not sent. @default 5_000_000 (`SAMVERKAN_MAX_RESPONSE_BYTES`) */
  maxResponseBytes?: number;
  /** Requests per minute per client (its token's subject, or its address); 0 turns the limit off. @default 1_200 (`SAMVERKAN_RATE_LIMIT`) */
  rateLimitPerMinute?: number;
  /** Whether the schema may be introspected. @default true, except when NODE_ENV=production (`SAMVERKAN_INTROSPECTION`) */
  introspection?: boolean;
  /** Whether errors suggest names ("Did you mean …?"), which tell a stranger the schema. @default true, except when NODE_ENV=production (`SAMVERKAN_SUGGESTIONS`) */
  suggestions?: boolean;
}

export const DEFAULT_LIMITS = {
  maxDepth: 15,
  maxAliases: 50,
  maxCost: 100_000,
  maxTokens: 5_000,
  maxBodyBytes: 200_000,
  maxResponseBytes: 5_000_000,
  rateLimitPerMinute: 1_200,
} as const;

/** The defaults with the settings that follow NODE_ENV, overridden by `limits`. */
export function effectiveLimits(limits: RequestLimits = {}, env: NodeJS.ProcessEnv = process.env): Required<RequestLimits> {
  const production = env.NODE_ENV === 'production';
  return { ...DEFAULT_LIMITS, introspection: !production, suggestions: !production, ...limits };
}

/** Reads the limits from the environment (unset variables keep the defaults). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): RequestLimits {
  const number = (name: string) => (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : undefined);
  const flag = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : ['1', 'true', 'on'].includes(env[name]!));
  const limits: RequestLimits = {
    maxDepth: number('SAMVERKAN_MAX_DEPTH'),
    maxAliases: number('SAMVERKAN_MAX_ALIASES'),
    maxCost: number('SAMVERKAN_MAX_COST'),
    maxTokens: number('SAMVERKAN_MAX_TOKENS'),
    maxBodyBytes: number('SAMVERKAN_MAX_BODY_BYTES'),
    maxResponseBytes: number('SAMVERKAN_MAX_RESPONSE_BYTES'),
    rateLimitPerMinute: number('SAMVERKAN_RATE_LIMIT'),
    introspection: flag('SAMVERKAN_INTROSPECTION'),
    suggestions: flag('SAMVERKAN_SUGGESTIONS'),
  };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) throw new Error(`${key} must be a whole number ≥ 0, not ${value}.`);
  }
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

/** The number of items a list is assumed to hold when nothing better is known of it. */
export const LIST_SIZE_ESTIMATE = 20;

/** Survey years a kommun can have results for (2016–2025). */
const SURVEY_YEARS = 10;

const largestGroup = (keys: string[]) => Math.max(...Object.values(keys.reduce<Record<string, number>>((count, key) => ({ ...count, [key]: (count[key] ?? 0) + 1 }), {})));
const KOMMUNER = municipalities.length;
const KOMMUNER_PER_REGION = largestGroup(municipalities.map((m) => m.policeRegionCode));
const KOMMUNER_PER_COUNTY = largestGroup(municipalities.map((m) => m.countyCode));
const COUNTIES_PER_REGION = largestGroup(counties.map((c) => c.policeRegionCode));

/** A field's arguments as written in the document: a literal's value is known, a variable's is not. */
interface WrittenArguments {
  /** The number of items of a list argument written as a list literal (a single value counts 1). */
  length(name: string): number | undefined;
  /** The value of an Int argument written as a literal. */
  int(name: string): number | undefined;
  /** Whether the argument is given at all (as a literal or a variable). */
  has(name: string): boolean;
}

/** At most `size`, fewer when a list argument names fewer. */
const narrowed = (size: number, length: number | undefined) => Math.min(size, length ?? size);

/** Kommuner selected by the shared geography arguments (`codes`/`municipalities`, `policeRegion`, `county`). */
const kommunerOf = (list: string) => (args: WrittenArguments) =>
  narrowed(args.has('county') ? KOMMUNER_PER_COUNTY : args.has('policeRegion') ? KOMMUNER_PER_REGION : KOMMUNER, args.length(list));

/** Survey results of one area: indicators × years × origins, narrowed by the arguments. */
const surveyResults = (args: WrittenArguments) => {
  const from = args.int('from');
  const to = args.int('to');
  const years = from !== undefined && to !== undefined ? Math.max(0, Math.min(SURVEY_YEARS, to - from + 1)) : SURVEY_YEARS;
  const origins = args.has('origins') ? (args.length('origins') ?? 2) : 1;
  return (args.has('indicator') ? 1 : indicatorCatalogue.length) * years * origins;
};

/**
 * A page of the shared connections (`packages/schema/src/connection.ts`): `first` items when written,
 * else the default. A variable counts as the default too: the gateway passes a client's `first` to
 * the subgraphs as a variable under `_entities`, and counting the maximum there would refuse a
 * kommun's page that the gateway let through; a page is never larger than MAX_PAGE_SIZE anyway.
 */
const page = (args: WrittenArguments) => args.int('first') ?? DEFAULT_PAGE_SIZE;

/** The connection fields of every list that grows, each a page, and their edges, one item each. */
const CONNECTIONS: Record<string, (args: WrittenArguments) => number> = Object.fromEntries(
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
  ].map((field) => [field, page]),
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
export const LIST_SIZES: Readonly<Record<string, number | ((args: WrittenArguments) => number)>> = {
  'Query.municipalities': kommunerOf('codes'),
  'Query.compliance': kommunerOf('municipalities'),
  'Query.policeRegions': policeRegions.length,
  'Query.counties': counties.length,
  'Query.focusAreas': focusAreaCatalogue.length,
  'Query.indicators': indicatorCatalogue.length,
  // A page: `first` items (20 unless given; at most 200 when it is a variable).
  'Query.agreements': (args) => args.int('first') ?? (args.has('first') ? 200 : 20),
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

function writtenArguments(nodes: readonly ArgumentNode[] | undefined): WrittenArguments {
  const value = (name: string) => nodes?.find((node) => node.name.value === name)?.value;
  return {
    length(name) {
      const node = value(name);
      if (!node || node.kind === 'Variable') return undefined;
      return node.kind === 'ListValue' ? node.values.length : node.kind === 'NullValue' ? undefined : 1;
    },
    int(name) {
      const node = value(name);
      return node?.kind === 'IntValue' ? Number(node.value) : undefined;
    },
    has(name) {
      const node = value(name);
      return node !== undefined && node.kind !== 'NullValue';
    },
  };
}

/** How many times what is selected under `field` of `parent` counts. */
function multiplierOf(parent: GraphQLNamedType, node: FieldNode, isList: boolean): number {
  const rule = LIST_SIZES[`${parent.name}.${node.name.value}`];
  if (rule === undefined) return isList ? LIST_SIZE_ESTIMATE : 1;
  return typeof rule === 'number' ? rule : rule(writtenArguments(node.arguments));
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Measures selection sets' depth and cost. Each fragment is measured once per document and its
 * measure reused wherever it is spread (its type condition fixes its type, and a field's size
 * depends only on its own arguments, so the measure does not depend on where it is spread): the
 * work is linear in the size of the document, however many times fragments spread each other. A
 * fragment that spreads itself (directly or not) counts 0 inside itself; the standard rules refuse
 * such a document anyway.
 */
class Measurer {
  private readonly fragmentMeasures = new Map<string, Measure>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  measure(selectionSet: SelectionSetNode, parent: GraphQLNamedType): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: Measure;
      if (selection.kind === 'Field') {
        if (selection.name.value.startsWith('__')) {
          cost += 1;
          continue;
        }
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const field = fields[selection.name.value];
        const below = selection.selectionSet && field ? this.measure(selection.selectionSet, getNamedType(field.type)) : { depth: 0, cost: 0 };
        const multiplier = field ? multiplierOf(parent, selection, isListType(getNullableType(field.type))) : 1;
        inner = { depth: 1 + below.depth, cost: 1 + multiplier * below.cost };
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? (this.context.getSchema().getType(selection.typeCondition.name.value) ?? parent) : parent;
        inner = this.measure(selection.selectionSet, type);
      } else {
        inner = this.fragment(selection.name.value, parent);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  }

  private fragment(name: string, parent: GraphQLNamedType): Measure {
    const known = this.fragmentMeasures.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return { depth: 0, cost: 0 }; // unknown or cyclic: other rules report it
    this.visiting.add(name);
    const type = this.context.getSchema().getType(fragment.typeCondition.name.value) ?? parent;
    const measured = this.measure(fragment.selectionSet, type);
    this.visiting.delete(name);
    this.fragmentMeasures.set(name, measured);
    return measured;
  }
}

/** Validation rules that refuse documents deeper, costlier or with more aliases than the limits; each server measures against its own schema. */
export function limitRules(limits: Required<Pick<RequestLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>>): ((context: ValidationContext) => ASTVisitor)[] {
  const aliases = (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count += 1;
      },
      Document: {
        leave() {
          if (count > limits.maxAliases) {
            context.reportError(new GraphQLError(`The query uses ${count} aliases; at most ${limits.maxAliases} are allowed.`, { extensions: { code: 'QUERY_TOO_MANY_ALIASES' } }));
          }
        },
      },
    };
  };
  const depthAndCost = (context: ValidationContext): ASTVisitor => {
    // One measurer per document: fragments are measured once for all its operations.
    let measurer: Measurer | undefined;
    return {
      OperationDefinition(node) {
        const root = context.getSchema().getRootType(node.operation);
        if (!root) return;
        measurer ??= new Measurer(
          context,
          new Map(context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d])),
        );
        const { depth, cost } = measurer.measure(node.selectionSet, root);
        const name = node.name ? ` ${node.name.value}` : '';
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`The operation${name} nests fields ${depth} deep; at most ${limits.maxDepth} levels are allowed.`, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(
              `The operation${name} is estimated to cost ${cost} (each field 1, counted once per item a list can hold: ${KOMMUNER} kommuner, ${SURVEY_YEARS} survey years, the catalogues, the length of a list argument, a page's \`first\`, else ${LIST_SIZE_ESTIMATE}); at most ${limits.maxCost} is allowed. Ask for fewer fields, kommuner or years, or split the query.`,
              { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY' } },
            ),
          );
        }
      },
    };
  };
  return [aliases, depthAndCost];
}

/** "Did you mean …?" in graphql-js messages: for fields, arguments, types, enum values and input fields. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Takes "Did you mean …?" out of every error of an answer, also those Apollo's
 * `hideSchemaDetailsFromClientErrors` leaves (it cleans validation errors only, not a variable's
 * enum value or input field): a stranger learns no names the schema holds.
 */
export function hideSuggestions<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) {
            const message = error.message.replace(SUGGESTION, '');
            // The message of a formatted error is read-only in its type, not in fact.
            if (message !== error.message) (error as { message: string }).message = message;
          }
        },
      };
    },
  };
}
