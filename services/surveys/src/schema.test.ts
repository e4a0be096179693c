import { testDatabaseKinds } from '@samverkan/db';
import { postGraphQL, type RunningSubgraph, startTestSubgraph } from '@samverkan/server';
import type { PrismaClient } from './db';
import { surveysSubgraph } from './definition';

const ENTITIES = `query ($r: [_Any!]!, $year: Int) {
  _entities(representations: $r) { ... on Municipality { code surveyResults(year: $year) { indicatorCode year value respondents municipality { code } } } }
}`;
const kommuner = ['1281', '1231', '1282', '1287', '1263', '1233', '0180'];

describe.each(testDatabaseKinds())('surveys subgraph on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(surveysSubgraph, kind);
    await subgraph.client.surveyResult.createMany({
      data: kommuner.flatMap((code, index) => [
        { municipalityCode: code, indicatorCode: 'PROBLEM_INDEX', year: 2018, value: 1.63 + index / 100, respondents: 1884 },
        { municipalityCode: code, indicatorCode: 'PROBLEM_INDEX', year: 2019, value: 1.78 + index / 100 },
      ]),
    });
  });
  afterAll(() => subgraph?.close());

  it('adds Municipality.surveyResults, for N kommuner in one SQL statement', async () => {
    const representations = kommuner.map((code) => ({ __typename: 'Municipality', code }));
    const { result, count } = await subgraph.database.statements.countDuring(() => postGraphQL(subgraph.url, ENTITIES, { r: representations }));
    expect(result.body.errors).toBeUndefined();
    const entities = (result.body.data as { _entities: { code: string; surveyResults: unknown[] }[] })._entities;
    expect(entities.map((e) => e.code)).toEqual(kommuner);
    expect(entities[0]!.surveyResults).toEqual([
      { indicatorCode: 'PROBLEM_INDEX', year: 2018, value: 1.63, respondents: 1884, municipality: { code: '1281' } },
      { indicatorCode: 'PROBLEM_INDEX', year: 2019, value: 1.78, respondents: null, municipality: { code: '1281' } },
    ]);
    expect(count).toBe(1);
  });

  it('filters by year', async () => {
    const { body } = await postGraphQL(subgraph.url, ENTITIES, { r: [{ __typename: 'Municipality', code: '1287' }], year: 2019 });
    expect((body.data as { _entities: { surveyResults: { year: number }[] }[] })._entities[0]!.surveyResults.map((r) => r.year)).toEqual([2019]);
  });

  it('refuses a year of the wrong type with a clear error', async () => {
    const { body } = await postGraphQL(subgraph.url, ENTITIES, { r: [{ __typename: 'Municipality', code: '1287' }], year: 'tjugonitton' });
    expect(body.errors?.[0]?.message).toMatch(/\$year.*Int/);
  });
});
