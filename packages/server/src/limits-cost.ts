import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { type FieldArguments, KOMMUNER, LIST_SIZE_ESTIMATE, LIST_SIZES, SURVEY_YEARS } from './limits-sizes';

/*
 * The estimated cost of an operation (see RequestLimits.maxCost), measured once by the validation
 * rule on the document alone and, when the estimate depends on a variable's value (a page's
 * `first: $n`, a list argument `codes: $c`), again with the request's values before anything is
 * planned or executed (useCostLimit).
 */

/** A variable's value is not known: measured alone, or not valid for its type. */
const UNKNOWN = Symbol('unknown');

/**
 * The values of an operation's variables: `UNKNOWN`, or the coerced value (`undefined` when left
 * out). With `forLength`, a list's value may be the request's array as sent, not coerced.
 */
type Variables = (name: string, forLength?: boolean) => unknown;

/** Every variable unknown: the document measured alone. */
const UNKNOWN_VARIABLES: Variables = () => UNKNOWN;

/**
 * The request's values of `operation`'s variables, each coerced (with the operation's default)
 * when a rule first asks for it, as graphql-js will coerce it: one that is not valid is unknown.
 * Only a list's length is asked of a list: an array sent for a list variable is counted as sent,
 * not coerced item by item (a subgraph's `representations` are hundreds of objects on every entity
 * fetch); coercion keeps a list's length or refuses the request before it runs.
 */
function requestVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Readonly<Record<string, unknown>>): Variables {
  const definitions = new Map<string, VariableDefinitionNode>((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d]));
  const coerced = new Map<string, unknown>();
  return (name, forLength) => {
    const definition = definitions.get(name);
    const type = definition?.type.kind === 'NonNullType' ? definition.type.type : definition?.type;
    if (forLength && type?.kind === 'ListType' && Array.isArray(inputs[name])) return inputs[name];
    if (coerced.has(name)) return coerced.get(name);
    const result = definition ? getVariableValues(schema, [definition], inputs, { maxErrors: 1 }) : undefined;
    const value = result?.coerced ? result.coerced[name] : UNKNOWN;
    coerced.set(name, value);
    return value;
  };
}

/** A field's arguments, literals read from the document, variables from `variables`; `onVariable` is told when a variable is read. */
function fieldArguments(nodes: readonly ArgumentNode[] | undefined, variables: Variables, onVariable: () => void): FieldArguments {
  /** The argument's value node, or for a variable its value (UNKNOWN, undefined when left out). */
  const value = (name: string, forLength?: boolean): { node?: ValueNode; variable?: unknown } => {
    const node = nodes?.find((argument) => argument.name.value === name)?.value;
    if (node?.kind !== 'Variable') return { node };
    onVariable();
    return { variable: variables(node.name.value, forLength) };
  };
  return {
    length(name) {
      const { node, variable } = value(name, true);
      if (node) return node.kind === 'ListValue' ? node.values.length : node.kind === 'NullValue' ? undefined : 1;
      return Array.isArray(variable) ? variable.length : variable === UNKNOWN || variable == null ? undefined : 1;
    },
    int(name) {
      const { node, variable } = value(name);
      if (node) return node.kind === 'IntValue' ? Number(node.value) : undefined;
      return typeof variable === 'number' && Number.isInteger(variable) ? variable : undefined;
    },
    has(name) {
      const { node, variable } = value(name);
      return node ? node.kind !== 'NullValue' : variable != null;
    },
  };
}

interface Measure {
  depth: number;
  cost: number;
  /** Whether the cost depends on a variable's value. */
  variables: boolean;
}

/**
 * Measures selection sets' depth and cost. Each fragment is measured once per document (or
 * request) and its measure reused wherever it is spread (its type condition fixes its type, and a
 * field's size depends only on its own arguments and the operation's variables, so the measure does
 * not depend on where it is spread): the work is linear in the size of the document, however many
 * times fragments spread each other. A fragment that spreads itself (directly or not) counts 0
 * inside itself; the standard rules refuse such a document anyway.
 */
export class Measurer {
  private readonly fragmentMeasures = new Map<string, Measure>();
  private readonly visiting = new Set<string>();
  private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;

  /** `variables`: the values of the one operation measured; left out, every variable's value is unknown. */
  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Variables = UNKNOWN_VARIABLES,
  ) {
    this.fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
  }

  /** The measure of an operation; undefined when the schema has no root type for it (other rules report it). */
  operation(node: OperationDefinitionNode): Measure | undefined {
    const root = this.schema.getRootType(node.operation);
    return root ? this.measure(node.selectionSet, root) : undefined;
  }

  private measure(selectionSet: SelectionSetNode, parent: GraphQLNamedType): Measure {
    const total: Measure = { depth: 0, cost: 0, variables: false };
    for (const selection of selectionSet.selections) {
      let inner: Measure;
      if (selection.kind === 'Field') {
        if (selection.name.value.startsWith('__')) {
          total.cost += 1;
          continue;
        }
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const field = fields[selection.name.value];
        const below = selection.selectionSet && field ? this.measure(selection.selectionSet, getNamedType(field.type)) : { depth: 0, cost: 0, variables: false };
        let variables = below.variables;
        const multiplier = field ? this.multiplierOf(parent, selection, isListType(getNullableType(field.type)), () => (variables = true)) : 1;
        inner = { depth: 1 + below.depth, cost: 1 + multiplier * below.cost, variables };
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? (this.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        inner = this.measure(selection.selectionSet, type);
      } else {
        inner = this.fragment(selection.name.value, parent);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.cost += inner.cost;
      total.variables ||= inner.variables;
    }
    return total;
  }

  /** How many times what is selected under `field` of `parent` counts. */
  private multiplierOf(parent: GraphQLNamedType, node: FieldNode, isList: boolean, onVariable: () => void): number {
    const rule = LIST_SIZES[`${parent.name}.${node.name.value}`];
    if (rule === undefined) return isList ? LIST_SIZE_ESTIMATE : 1;
    return typeof rule === 'number' ? rule : rule(fieldArguments(node.arguments, this.variables, onVariable));
  }

  private fragment(name: string, parent: GraphQLNamedType): Measure {
    const known = this.fragmentMeasures.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return { depth: 0, cost: 0, variables: false }; // unknown or cyclic: other rules report it
    this.visiting.add(name);
    const type = this.schema.getType(fragment.typeCondition.name.value) ?? parent;
    const measured = this.measure(fragment.selectionSet, type);
    this.visiting.delete(name);
    this.fragmentMeasures.set(name, measured);
    return measured;
  }
}

/**
 * The estimated cost of `operation` of `document` with the request's `variables` (raw, as the
 * request sends them), and whether it depends on their values. A variable left out counts as the
 * argument's default, as the resolver will see it; one whose value is not valid for its type counts
 * the largest size (a page's maximum, all kommuner).
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): { cost: number; variables: boolean } {
  const measure = new Measurer(schema, document, requestVariables(schema, operation, variables)).operation(operation);
  return { cost: measure?.cost ?? 0, variables: measure?.variables ?? false };
}

/** The refusal of an operation that costs more than `maxCost` (code QUERY_TOO_COSTLY): the estimate, how it is counted, and the limit. */
export function costRefusal(operation: OperationDefinitionNode, cost: number, maxCost: number, withVariables = false): GraphQLError {
  const name = operation.name ? ` ${operation.name.value}` : '';
  const values = withVariables ? ' with the values of its variables' : '';
  return new GraphQLError(
    `The operation${name} is estimated to cost ${cost}${values} (each field 1, counted once per item a list can hold: ${KOMMUNER} kommuner, ${SURVEY_YEARS} survey years, the catalogues, the length of a list argument, a page's \`first\`, else ${LIST_SIZE_ESTIMATE}); at most ${maxCost} is allowed. Ask for fewer fields, kommuner or years, or split the query.`,
    { nodes: [operation], extensions: { code: 'QUERY_TOO_COSTLY' } },
  );
}

/**
 * The refusal of a gateway's entity fetch (`_entities`) of `records` records, more than
 * {@link LIST_SIZE_ESTIMATE}, that costs more than `maxCost`. The gateway let the client's request
 * through on its own estimate, in which a list of unknown length counts LIST_SIZE_ESTIMATE items; one
 * fetch of this many records means a list held more. The client is told what to change: page that
 * list, or ask for less of each item.
 */
function entityFetchRefusal(records: number, cost: number, maxCost: number): string {
  return `This request's part for one subgraph fetches ${records} records at once, more than the gateway's estimate foresaw (it counts ${LIST_SIZE_ESTIMATE} items for a list of unknown length); what is asked of them is estimated to cost ${cost}, and at most ${maxCost} is allowed. Ask for a page of the list they come from (its Connection field, e.g. citizenPromisesConnection for citizenPromises) or for fewer fields of each item.`;
}

/** The number of representations of an operation that is a gateway's entity fetch; undefined for any other. */
function entityFetchSize(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  const entities = operation.selectionSet.selections.some((selection) => selection.kind === 'Field' && selection.name.value === '_entities');
  return entities && Array.isArray(variables.representations) ? variables.representations.length : undefined;
}

/**
 * Refuses an operation whose estimated cost with the request's variables is over `maxCost`, before
 * it is planned or executed: the validation rule (limitRules) measures the document alone and
 * leaves the operations whose cost depends on a variable's value to this plugin. An operation
 * whose cost depends on no variable and is within the limit is remembered and not measured again.
 */
export function useCostLimit<Context extends object>(limits: { maxCost: number }): ApolloServerPlugin<Context> {
  const withinLimit = new WeakSet<OperationDefinitionNode>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation || withinLimit.has(operation)) return;
          const { cost, variables } = estimateCost(schema, document, operation, request.variables ?? {});
          if (cost > limits.maxCost) {
            // As the validation rule's refusal reaches the client: Apollo Server gives every
            // validation error the code GRAPHQL_VALIDATION_FAILED and the status 400.
            const refusal = costRefusal(operation, cost, limits.maxCost, variables);
            const records = entityFetchSize(operation, request.variables ?? {});
            const message = records !== undefined && records > LIST_SIZE_ESTIMATE ? entityFetchRefusal(records, cost, limits.maxCost) : refusal.message;
            throw new GraphQLError(message, { nodes: refusal.nodes, extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
          }
          if (!variables) withinLimit.add(operation);
        },
      };
    },
  };
}
