import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  isListType,
  isObjectType,
  isInterfaceType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Limits on what one request may ask of the gateway, so that a crafted query cannot take the hub
 * down. Each is checked before anything is executed, and each refusal says which limit and how far
 * over it the request is.
 */
export interface RequestLimits {
  /** The deepest nesting of fields. @default 15 (`SAMVERKAN_MAX_DEPTH`) */
  maxDepth?: number;
  /** The most aliased fields in one document. @default 50 (`SAMVERKAN_MAX_ALIASES`) */
  maxAliases?: number;
  /**
   * The highest estimated cost: each field costs 1, and what is selected under a list counts as if
   * the list held `LIST_SIZE_ESTIMATE` items (nested lists multiply). @default 100_000 (`SAMVERKAN_MAX_COST`)
   */
  maxCost?: number;
  /** The most lexical tokens in a document (checked while parsing). @default 5_000 (`SAMVERKAN_MAX_TOKENS`) */
  maxTokens?: number;
  /** The largest request body, in bytes. @default 200_000 (`SAMVERKAN_MAX_BODY_BYTES`) */
  maxBodyBytes?: number;
  /** Requests per minute per client (its token's subject, or its address); 0 turns the limit off. @default 1_200 (`SAMVERKAN_RATE_LIMIT`) */
  rateLimitPerMinute?: number;
  /** Whether the schema may be introspected. @default true, except when NODE_ENV=production (`SAMVERKAN_INTROSPECTION`) */
  introspection?: boolean;
}

export const DEFAULT_LIMITS = {
  maxDepth: 15,
  maxAliases: 50,
  maxCost: 100_000,
  maxTokens: 5_000,
  maxBodyBytes: 200_000,
  rateLimitPerMinute: 1_200,
} as const;

/** The number of items a list is assumed to hold when estimating cost (a region has up to 58 kommuner; lists are usually shorter). */
export const LIST_SIZE_ESTIMATE = 20;

/** Reads the limits from the environment (unset variables keep the defaults). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): RequestLimits {
  const number = (name: string) => (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : undefined);
  const limits: RequestLimits = {
    maxDepth: number('SAMVERKAN_MAX_DEPTH'),
    maxAliases: number('SAMVERKAN_MAX_ALIASES'),
    maxCost: number('SAMVERKAN_MAX_COST'),
    maxTokens: number('SAMVERKAN_MAX_TOKENS'),
    maxBodyBytes: number('SAMVERKAN_MAX_BODY_BYTES'),
    rateLimitPerMinute: number('SAMVERKAN_RATE_LIMIT'),
    introspection: env.SAMVERKAN_INTROSPECTION === undefined ? undefined : ['1', 'true', 'on'].includes(env.SAMVERKAN_INTROSPECTION),
  };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) throw new Error(`${key} must be a whole number ≥ 0, not ${value}.`);
  }
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Measures selection sets' depth and cost. Each fragment is measured once per document and its
 * measure reused wherever it is spread (its type condition fixes its type, so the measure does not
 * depend on where it is spread): the work is linear in the size of the document, however many
 * times fragments spread each other. A fragment that spreads itself (directly or not) counts 0
 * inside itself; the standard rules refuse such a document anyway.
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
        const multiplier = field && isListType(getNullableType(field.type)) ? LIST_SIZE_ESTIMATE : 1;
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

/** Validation rules that refuse documents deeper, costlier or with more aliases than the limits. */
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
              `The operation${name} is estimated to cost ${cost} (each field 1, lists counted as ${LIST_SIZE_ESTIMATE} items); at most ${limits.maxCost} is allowed. Ask for fewer fields or nested lists, or split the query.`,
              { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY' } },
            ),
          );
        }
      },
    };
  };
  return [aliases, depthAndCost];
}

/**
 * A per-client rate limit: at most `perMinute` requests in any fixed minute window per key.
 * Returns how long to wait when a request is over the limit.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
      if (perMinute <= 0) return { allowed: true };
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= 60_000) {
        if (windows.size > 10_000) for (const [k, w] of windows) if (time - w.start >= 60_000) windows.delete(k);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= perMinute) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - time) / 1000)) };
    },
  };
}

/**
 * Refuses, with 400 and a clear message, an operation the document does not hold (an unknown
 * `operationName`, or several operations and no name) and subscriptions, which the hub does not
 * serve. Without it the gateway's planner throws and the client sees a 500.
 */
export function useOperationChecks<Context extends object>(): ApolloServerPlugin<Context> {
  const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          const operationName = request.operationName;
          if (!operation) {
            const count = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            throw badRequest(operationName ? `Unknown operation named "${operationName}".` : `The document holds ${count} operations: name the one to run with \`operationName\`.`);
          }
          if (operation.operation === 'subscription') throw badRequest('Subscriptions are not served by the hub: use a query.');
        },
      };
    },
  };
}
