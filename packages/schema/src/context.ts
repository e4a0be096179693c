import type { Actor } from './actor';

/** What every subgraph resolver gets in its context. Each service adds its own database client. */
export interface SubgraphContext {
  /** Who is asking (from the gateway's signed hop; anonymous otherwise). */
  actor: Actor;
  /** An id for this request, for logs. */
  requestId: string;
}
