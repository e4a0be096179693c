import type { ApolloServer } from '@apollo/server';
import type { Logger } from '@samverkan/log';
import type { Refusal, RouteHandler } from '@samverkan/server';
import type http from 'node:http';
import type { GatewayContext } from './context';
import { createDownloads, DOWNLOADS_PREFIX } from './downloads';
import { createWorkspaceServer, sendMethodNotAllowed, type WorkspaceOptions } from './workspace';

/** How long a subgraph's readiness check may take, in ms. */
const READINESS_TIMEOUT_MS = 2000;

async function checkSubgraph(url: string, timeoutMs: number): Promise<{ ready: boolean; reason?: string }> {
  try {
    const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? { ready: true } : { ready: false, reason: `answered ${response.status}` };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  }
}

/** Each subgraph's readiness: ready when one of its replicas is; with several, each replica's state too. */
export function subgraphStatesOf(subgraphs: readonly { name: string; replicas: readonly string[] }[]) {
  return async (): Promise<Record<string, { ready: boolean }>> =>
    Object.fromEntries(
      await Promise.all(
        subgraphs.map(async (s) => {
          const states = await Promise.all(s.replicas.map(async (url) => ({ url, ...(await checkSubgraph(url, READINESS_TIMEOUT_MS)) })));
          const ready = states.some((state) => state.ready);
          if (states.length === 1) return [s.name, { ready, ...(states[0]!.reason ? { reason: states[0]!.reason } : {}) }] as const;
          return [s.name, { ready, replicas: states }] as const;
        }),
      ),
    );
}

/** What the workspace's routes need of the gateway. */
export interface WorkspaceRouteOptions {
  server: ApolloServer<GatewayContext>;
  actorOf: (request: http.IncomingMessage) => Promise<GatewayContext['actor']>;
  admit: (request: http.IncomingMessage) => Promise<Refusal | null>;
  log: Logger;
  workspace?: WorkspaceOptions;
}

/**
 * The analysts' workspace at the gateway: `/workspace-config.json` (how to sign in), downloads at
 * `/downloads/<table>.<csv|xlsx>`, and the web app's files at `/` and below (the fallback for
 * every path no other route serves).
 */
export function workspaceRoutes(options: WorkspaceRouteOptions): { routes: Record<string, RouteHandler>; fallback: RouteHandler } {
  const workspace = createWorkspaceServer(options.workspace);
  const downloads = createDownloads(options);
  return {
    routes: {
      '/workspace-config.json': (request, response) => {
        if (request.method === 'GET' || request.method === 'HEAD') workspace.sendConfig(request, response);
        else sendMethodNotAllowed(response, 'GET, HEAD');
      },
    },
    fallback: async (request, response) => {
      const pathname = (request.url ?? '/').split('?')[0]!;
      if (pathname.startsWith(DOWNLOADS_PREFIX)) return downloads(request, response);
      if (await workspace.serve(request, response)) return true;
      sendMethodNotAllowed(response, 'GET, HEAD');
      return true;
    },
  };
}
