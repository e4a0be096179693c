import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import { costRefusal, Measurer } from './limits-cost';

export { costRefusal, estimateCost, useCostLimit } from './limits-cost';
export { type FieldArguments, LIST_SIZE_ESTIMATE, LIST_SIZES } from './limits-sizes';

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
   * per item the list can hold (see {@link LIST_SIZES}; nested lists multiply), with the request's
   * values of the variables (a page of `first: $n` counts `n`). @default 100_000 (`SAMVERKAN_MAX_COST`)
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

/**
 * Validation rules that refuse documents deeper, costlier or with more aliases than the limits; each
 * server measures against its own schema. An operation whose cost depends on its variables' values
 * is left to {@link useCostLimit}, which a server must use with these rules.
 */
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
        measurer ??= new Measurer(context.getSchema(), context.getDocument());
        const measure = measurer.operation(node);
        if (!measure) return;
        if (measure.depth > limits.maxDepth) {
          const name = node.name ? ` ${node.name.value}` : '';
          context.reportError(new GraphQLError(`The operation${name} nests fields ${measure.depth} deep; at most ${limits.maxDepth} levels are allowed.`, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
        // A cost that depends on a variable's value is measured with the request's values (useCostLimit).
        if (!measure.variables && measure.cost > limits.maxCost) context.reportError(costRefusal(node, measure.cost, limits.maxCost));
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
