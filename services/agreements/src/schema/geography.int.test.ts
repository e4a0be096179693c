import { testDatabaseKinds } from '@samverkan/db/testing';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { seedGeography } from '../seed';

describe.each(testDatabaseKinds())('agreements subgraph on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind);
  });
  afterAll(() => subgraph?.close());

  const query = (text: string, variables?: Record<string, unknown>) => postGraphQL(subgraph.url, text, variables);

  it('holds the 7 polisregioner, 21 län and 290 kommuner, and seeding again changes nothing', async () => {
    const counts = async () => [await subgraph.client.policeRegion.count(), await subgraph.client.county.count(), await subgraph.client.municipality.count()];
    expect(await counts()).toEqual([7, 21, 290]);
    await seedGeography(subgraph.client);
    expect(await counts()).toEqual([7, 21, 290]);
    // Only the areas the sources name: Lund (1281), the area that signs for Burlöv (1231), Trelleborg (1263, 1287, 1233).
    expect(await subgraph.client.localPoliceAreaMunicipality.count()).toBe(5);
  });

  it('answers the fixed geography queries', async () => {
    const { body } = await query(`{
      all: municipalities { code }
      syd: municipalities(policeRegion: "SYD") { code }
      skane: municipalities(county: "12") { code }
      lund: municipality(code: "1281") { code name county { code name } policeRegion { code name } localPoliceAreas { id name } }
      policeRegions { code name counties { code } }
      counties { code name policeRegion { code } municipalities { code } }
      localPoliceAreas(policeRegion: "SYD") { id name policeRegion { code } municipalities { code name } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, unknown[]> & { lund: unknown };
    expect(data.all).toHaveLength(290);
    expect(data.syd).toHaveLength(58);
    expect(data.skane).toHaveLength(33);
    expect(data.lund).toEqual({
      code: '1281',
      name: 'Lund',
      county: { code: '12', name: 'Skåne län' },
      policeRegion: { code: 'SYD', name: 'Syd' },
      localPoliceAreas: [{ id: 'lund', name: 'Lokalpolisområde Lund' }],
    });
    expect((data.policeRegions as { code: string }[]).map((r) => r.code)).toEqual(['NORD', 'MITT', 'STOCKHOLM', 'OST', 'VAST', 'SYD', 'BERGSLAGEN']);
    expect(data.policeRegions).toContainEqual({ code: 'SYD', name: 'Syd', counties: [{ code: '07' }, { code: '08' }, { code: '10' }, { code: '12' }] });
    expect(data.counties).toHaveLength(21);
    expect(data.localPoliceAreas).toContainEqual({
      id: 'trelleborg',
      name: 'Lokalpolisområde Trelleborg',
      policeRegion: { code: 'SYD' },
      municipalities: [
        { code: '1233', name: 'Vellinge' },
        { code: '1263', name: 'Svedala' },
        { code: '1287', name: 'Trelleborg' },
      ],
    });
  });

  it.each([
    ['{ municipality(code: "9999") { code } }', /No kommun has the code 9999/],
    ['{ municipality(code: "Lund") { code } }', /"Lund" is not a kommun code/],
    ['{ municipalities(policeRegion: "SOUTH") { code } }', /"SOUTH" is not a polisregion code/],
    ['{ municipalities(county: "99") { code } }', /"99" is not a län code/],
    ['{ localPoliceAreas(policeRegion: "X") { id } }', /"X" is not a polisregion code/],
  ])('refuses bad input with a clear error: %s', async (text, message) => {
    const { status, body } = await query(text);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves N kommuner in one _entities call with one SQL statement', async () => {
    const codes = ['1281', '1231', '1282', '0114', '2584', '1880', '0180', '1480'];
    const representations = codes.map((code) => ({ __typename: 'Municipality', code }));
    const { result, count } = await subgraph.database.statements.countDuring(() =>
      query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { code name } } }', { r: representations }),
    );
    expect(result.body.errors).toBeUndefined();
    expect((result.body.data as { _entities: { code: string }[] })._entities.map((e) => e.code)).toEqual(codes);
    expect(count).toBe(1);
  });
});
