import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ANONYMOUS, type Actor, AuthenticationError, createTokenVerifier, signActorHeaders, type TokenVerifierOptions } from '@samverkan/schema';
import { GraphQLError } from 'graphql';

/** Options of {@link useSamverkanHop}. */
export interface SamverkanHopOptions {
  /** The secret the subgraphs check the hop with (`SAMVERKAN_HOP_SECRET`). */
  hopSecret: string;
  /** How bearer tokens are verified, as by our gateway. */
  tokens: TokenVerifierOptions;
  /** Each subgraph's URL by its name, as Hive Gateway fetches it: a fetch is signed for the subgraph it goes to. */
  subgraphUrls: Readonly<Record<string, string>>;
}

/** What the plugin adds to a request's context. */
interface HopContext {
  samverkanActor: Actor;
}

/**
 * A Hive Gateway plugin that does what our gateway does for the subgraphs: it verifies the caller's
 * bearer token once per request (a token that is present but not valid is refused with 401, as our
 * gateway refuses it) and signs each subgraph fetch with the trusted hop of `@samverkan/schema`,
 * bound to that subgraph and that fetch's query and variables. The subgraphs then know who is
 * asking behind Hive Gateway exactly as behind ours.
 */
export function useSamverkanHop(options: SamverkanHopOptions): GatewayPlugin<HopContext> {
  const verify = createTokenVerifier(options.tokens);
  const subgraphOfUrl = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  return {
    async onContextBuilding({ context, extendContext }) {
      try {
        extendContext({ samverkanActor: await verify(context.request.headers.get('authorization') ?? undefined) });
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        throw new GraphQLError(`Sign-in refused: ${error.message}.`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
    onFetch({ url, options: init, setOptions, context }) {
      const subgraph = subgraphOfUrl.get(url);
      if (!subgraph || typeof init.body !== 'string') return;
      const { query, variables } = JSON.parse(init.body) as { query?: string; variables?: Record<string, unknown> | null };
      const actor = 'samverkanActor' in context && context.samverkanActor ? context.samverkanActor : ANONYMOUS;
      const hop = signActorHeaders(actor, options.hopSecret, { subgraph, query: query ?? '', variables: variables ?? null });
      setOptions({ ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...hop } });
    },
  };
}
