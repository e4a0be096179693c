import path from 'node:path';

/** The committed supergraph (`npm run compose` writes it from the registry's subgraphs), served by our gateway and by Hive Gateway. */
export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

/** The subgraphs named in a supergraph SDL, with their URLs. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((match) => ({ name: match[1]!, url: match[2]! }));
}
