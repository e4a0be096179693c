import { testDatabaseKinds } from '@samverkan/db/testing';
import { type RunningSubgraph, startSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '../db';
import { subgraph as actionsSubgraph } from '../definition';

const ENTITIES = `query ($r: [_Any!]!, $on: Date) {
  _entities(representations: $r) { ... on Municipality { code actions(activeOn: $on) { title status startsOn endsOn municipality { code } } } }
}`;
// Kommuner without seeded real records.
const kommuner = ['1280', '1283', '0114', '2584', '1880', '0180'];
const representations = kommuner.map((code) => ({ __typename: 'Municipality', code }));

describe.each(testDatabaseKinds())('actions subgraph on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(actionsSubgraph, kind);
    await subgraph.client.action.createMany({
      data: kommuner.flatMap((code, index) => [
        { municipalityCode: code, title: `Trygghetsvandring ${index} – Östra Torn`, status: 'ONGOING', startsOn: new Date('2025-01-01'), endsOn: new Date('2025-12-31') },
        { municipalityCode: code, title: `Ordningsvakter ${index} på Clemenstorget`, status: 'DONE', startsOn: new Date('2019-03-01'), endsOn: new Date('2019-12-31') },
      ]),
    });
  });
  afterAll(() => subgraph?.close());

  it('adds Municipality.actions, for N kommuner in one SQL statement, with å, ä and ö intact', async () => {
    const { result, count } = await subgraph.database.statements.countDuring(() => postGraphQL(subgraph.url, ENTITIES, { r: representations }));
    expect(result.body.errors).toBeUndefined();
    const entities = (result.body.data as { _entities: { code: string; actions: { title: string; municipality: { code: string } }[] }[] })._entities;
    expect(entities.map((e) => e.code)).toEqual(kommuner);
    expect(entities[0]!.actions.map((a) => a.title)).toEqual(['Ordningsvakter 0 på Clemenstorget', 'Trygghetsvandring 0 – Östra Torn']);
    expect(entities[0]!.actions[0]!.municipality).toEqual({ code: '1280' });
    expect(count).toBe(1);
  });

  it('filters by a date: only actions under way on it', async () => {
    const { body } = await postGraphQL(subgraph.url, ENTITIES, { r: representations.slice(0, 1), on: '2025-06-01' });
    expect(body.errors).toBeUndefined();
    expect((body.data as { _entities: { actions: unknown[] }[] })._entities[0]!.actions).toEqual([
      { title: 'Trygghetsvandring 0 – Östra Torn', status: 'ONGOING', startsOn: '2025-01-01', endsOn: '2025-12-31', municipality: { code: '1280' } },
    ]);
  });

  it.each([
    ['2023-02-30', /2023-02 has 28 days/],
    ['2024-13-01', /month 13 does not exist/],
    ['1 juni 2025', /not a date written YYYY-MM-DD/],
  ])('refuses the malformed date %s with a clear error', async (date, message) => {
    const { body } = await postGraphQL(subgraph.url, ENTITIES, { r: representations, on: date });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(body.errors?.[0]?.message).toMatch(/Invalid Date/);
  });
});

describe('actions on the embedded database', () => {
  it('keeps what was written across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-actions-'));
    const first = await startSubgraph(actionsSubgraph, { port: 0, database: { kind: 'embedded', dataDir }, log: false });
    await first.client.action.create({ data: { municipalityCode: '1280', title: 'Polisens mottagning i Medborgarhuset varje tisdag' } });
    await first.close();

    const second = await startSubgraph(actionsSubgraph, { port: 0, database: { kind: 'embedded', dataDir }, log: false });
    try {
      const { body } = await postGraphQL(second.url, ENTITIES, { r: [{ __typename: 'Municipality', code: '1280' }] });
      expect((body.data as { _entities: { actions: { title: string }[] }[] })._entities[0]!.actions.map((a) => a.title)).toEqual([
        'Polisens mottagning i Medborgarhuset varje tisdag',
      ]);
    } finally {
      await second.close();
    }
  });
});
