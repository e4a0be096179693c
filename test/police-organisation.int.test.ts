import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { GOOD_AND_BAD, TRELLEBORG_SPLIT } from '../services/agreements/src/organisation/testing/files';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/* The police organisation through the gateway: an administrator's import, what it changes, and who may not. */

const ACTORS: Record<string, Exclude<Actor, { role: 'anonymous' }>> = {
  admin: { role: 'admin', subject: 'ada' },
  kommun: { role: 'kommun', subject: 'åsa', municipalityCode: '1287' },
  police: { role: 'police', subject: 'örjan', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' } as Exclude<Actor, { role: 'anonymous' }>,
  analyst: { role: 'analyst', subject: 'anna', policeRegionCode: 'SYD' },
};

const IMPORT = `mutation ($csv: String!, $dryRun: Boolean) {
  importPoliceOrganisation(fileName: "test.csv", csv: $csv, dryRun: $dryRun) { rows inserted updated unchanged revision refused { line column reason } }
}`;

describe.each(testDatabaseKinds())('the police organisation through the gateway on %s', (kind) => {
  let hub: TestHub;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const [role, actor] of Object.entries(ACTORS)) tokens.set(role, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  });
  afterAll(() => hub?.close());

  const as = (role: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(hub.gateway.url, query, variables, tokens.has(role) ? { authorization: `Bearer ${tokens.get(role)}` } : {});
  const auditEntries = () => hub.agreements.client.auditEntry.count();

  it('lists the kommuner without a registered lokalpolisområde, per region, on a fresh start', async () => {
    const { body } = await as('anonymous', '{ coverage(on: "2025-06-01") { policeRegion { code } municipalities covered uncovered { code } } }');
    expect(body.errors).toBeUndefined();
    const coverage = (body.data as { coverage: { policeRegion: { code: string }; municipalities: number; covered: number; uncovered: { code: string }[] }[] }).coverage;
    expect(coverage.map((region) => region.policeRegion.code)).toEqual(['NORD', 'MITT', 'STOCKHOLM', 'OST', 'VAST', 'SYD', 'BERGSLAGEN']);
    expect(coverage.reduce((sum, region) => sum + region.municipalities, 0)).toBe(290);
    const uncovered = coverage.flatMap((region) => region.uncovered.map((m) => m.code));
    // 285, or 284 while the Landskrona 2009 agreement still names the area kept for it.
    expect(uncovered.length).toBeGreaterThanOrEqual(284);
    expect(uncovered).toEqual(expect.arrayContaining(['0180', '2584']));
    for (const code of ['1281', '1231', '1263', '1287', '1233']) expect(uncovered).not.toContain(code);
  });

  it('refuses the import to every role but an administrator', async () => {
    for (const role of ['anonymous', 'kommun', 'police', 'analyst']) {
      const { body } = await as(role, IMPORT, { csv: GOOD_AND_BAD });
      expect([role, body.errors?.[0]?.extensions?.code]).toEqual([role, 'FORBIDDEN']);
    }
  });

  it('imports the good rows, lists the bad by line, and a second import changes nothing', async () => {
    const first = await as('admin', IMPORT, { csv: GOOD_AND_BAD });
    expect(first.body.errors).toBeUndefined();
    const summary = (first.body.data as { importPoliceOrganisation: { inserted: number; revision: number; refused: { line: number }[] } }).importPoliceOrganisation;
    expect(summary.inserted).toBe(6);
    expect(summary.refused.map((row) => row.line)).toEqual([5, 6, 7, 8, 9]);
    const entries = await auditEntries();
    const second = await as('admin', IMPORT, { csv: GOOD_AND_BAD });
    expect(second.body.data).toMatchObject({ importPoliceOrganisation: { inserted: 0, updated: 0, unchanged: 6, revision: summary.revision } });
    expect(await auditEntries()).toBe(entries);
  });

  it('keeps an agreement signed with trelleborg on trelleborg when the area is split, and answers kommuner by day', async () => {
    await hub.agreements.client.agreement.create({
      data: { id: 'test-trelleborg-2025', title: 'Test', municipalityCode: '1287', state: 'SIGNED', validFrom: new Date('2025-01-01'), localPoliceAreas: { create: { localPoliceAreaId: 'trelleborg' } } },
    });
    const split = await as('admin', IMPORT, { csv: TRELLEBORG_SPLIT });
    expect(split.body.data).toMatchObject({ importPoliceOrganisation: { refused: [] } });
    const { body } = await as('admin', `{
      agreement(id: "test-trelleborg-2025") { localPoliceAreas { id } }
      old: localPoliceAreas(policeRegion: "SYD") { id municipalities2025: municipalities(on: "2025-12-31") { code } municipalities2026: municipalities(on: "2026-01-01") { code } }
      covering: policeUnitsCovering(municipality: "1287", on: "2026-01-01") { localPoliceAreas { id predecessors { predecessor { id } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as { agreement: unknown; old: { id: string }[]; covering: unknown };
    expect(data.agreement).toEqual({ localPoliceAreas: [{ id: 'trelleborg' }] });
    expect(data.old.find((area) => area.id === 'trelleborg')).toEqual({ id: 'trelleborg', municipalities2025: [{ code: '1233' }, { code: '1263' }, { code: '1287' }], municipalities2026: [] });
    expect(data.old.find((area) => area.id === 'trelleborg-vast')).toEqual({ id: 'trelleborg-vast', municipalities2025: [], municipalities2026: [{ code: '1233' }, { code: '1287' }] });
    expect(data.covering).toEqual({ localPoliceAreas: [{ id: 'trelleborg-vast', predecessors: [{ predecessor: { id: 'trelleborg' } }] }] });
  });
});
