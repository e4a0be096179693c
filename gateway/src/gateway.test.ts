import { defaultSubgraphUrl, SUBGRAPHS } from '@samverkan/hub';
import fs from 'node:fs';
import { gatewayOptionsFromEnv, startGateway } from './gateway';
import { SUPERGRAPH_PATH, subgraphsOf } from './supergraph';
import { exampleOperations } from './examples';
import { parse } from 'graphql';

describe('the gateway configuration', () => {
  it('finds the three subgraphs and their default URLs in the committed supergraph', () => {
    const registered = SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph) }));
    expect(subgraphsOf(fs.readFileSync(SUPERGRAPH_PATH, 'utf8'))).toEqual(registered.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('reads ports, subgraph URLs and secrets from the environment', () => {
    expect(
      gatewayOptionsFromEnv({ PORT: '5000', ACTIONS_URL: 'http://10.0.0.2:8080/graphql', SAMVERKAN_JWT_SECRET: 'j', SAMVERKAN_HOP_SECRET: 'h' }),
    ).toEqual({ port: 5000, subgraphUrls: { actions: 'http://10.0.0.2:8080/graphql' }, tokens: { secret: 'j' }, hopSecret: 'h', limits: {} });
  });

  it('reads how long a query waits for the data version', () => {
    expect(gatewayOptionsFromEnv({ SAMVERKAN_DATA_VERSION_DEADLINE_MS: '2500' }).dataVersionDeadlineMs).toBe(2500);
    expect(gatewayOptionsFromEnv({}).dataVersionDeadlineMs).toBeUndefined();
  });

  it('refuses to start with a data version deadline the timer cannot keep', async () => {
    for (const value of ['0', '-5', '1.5', 'soon']) {
      await expect(startGateway({ port: 0, log: false, ...gatewayOptionsFromEnv({ SAMVERKAN_DATA_VERSION_DEADLINE_MS: value }) })).rejects.toThrow(
        /SAMVERKAN_DATA_VERSION_DEADLINE_MS must be a whole number of milliseconds from 1 to 600000/,
      );
    }
  });

  it('finds a subgraph moved to another port on this machine, as npm start runs it', () => {
    expect(gatewayOptionsFromEnv({ SURVEYS_PORT: '5003' }).subgraphUrls).toEqual({ surveys: 'http://localhost:5003/graphql' });
  });

  it('refuses to start in production with the development secrets', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startGateway({ port: 0, log: false })).rejects.toThrow(/SAMVERKAN_HOP_SECRET must be set in production/);
      await expect(startGateway({ port: 0, log: false, hopSecret: 'a-real-hop-secret-of-32-characters' })).rejects.toThrow(/SAMVERKAN_JWKS_URL/);
      await expect(startGateway({ port: 0, log: false, hopSecret: '' })).rejects.toThrow(/SAMVERKAN_HOP_SECRET must be set/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('ships example operations that parse', () => {
    expect(exampleOperations.length).toBeGreaterThanOrEqual(3);
    for (const example of exampleOperations) expect(() => parse(example.query)).not.toThrow();
  });
});
