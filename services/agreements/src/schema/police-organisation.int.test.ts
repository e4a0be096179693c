import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signActorHeaders } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { TRELLEBORG_SPLIT } from '../organisation/testing/files';

const HOP = 'organisation-test-hop';
const admin: Actor = { role: 'admin', subject: 'ada' };
const others: Actor[] = [
  { role: 'kommun', subject: 'åsa', municipalityCode: '1287' },
  { role: 'police', subject: 'örjan', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' } as Actor,
  { role: 'analyst', subject: 'anna', policeRegionCode: 'SYD' },
];

const MUTATIONS: [string, Record<string, unknown>][] = [
  ['mutation ($csv: String!) { importPoliceOrganisation(fileName: "t.csv", csv: $csv) { inserted } }', { csv: TRELLEBORG_SPLIT }],
  ['mutation { createPoliceDistrict(id: "syd-test", policeRegion: "SYD", input: { name: "Polisområde Test" }) { id } }', {}],
  ['mutation { updatePoliceDistrict(id: "syd-test", version: 1, input: { name: "Polisområde Test 2" }) { id } }', {}],
  ['mutation { createLocalPoliceArea(id: "test-lpo", input: { name: "Lokalpolisområde Test", policeRegion: "SYD" }) { id } }', {}],
  ['mutation { updateLocalPoliceArea(id: "lund", version: 1, input: { name: "Lokalpolisområde Lund", policeRegion: "SYD" }) { id } }', {}],
  ['mutation { setPoliceUnitMunicipalities(unit: { kind: LPO, id: "lund" }, links: [{ municipalityCode: "1281" }]) }', {}],
  ['mutation { recordLocalPoliceAreaSuccession(predecessor: "lund", successors: ["burlov"], on: "2030-01-01") { id } }', {}],
];

describe.each(testDatabaseKinds())('the police organisation API on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind, { hopSecret: HOP });
  });
  afterAll(() => subgraph?.close());

  const as = (actor: Actor | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(subgraph.url, query, variables, actor ? signActorHeaders(actor, HOP, { subgraph: 'agreements', query, variables }) : {});

  it('refuses every organisation mutation to everyone but an administrator, and writes nothing', async () => {
    const revision = await subgraph.client.organisationRevision.findUnique({ where: { id: 1 } });
    for (const actor of [null, ...others]) {
      for (const [query, variables] of MUTATIONS) {
        const { body } = await as(actor, query, variables);
        expect([actor?.role ?? 'anonymous', body.errors?.[0]?.extensions?.code]).toEqual([actor?.role ?? 'anonymous', 'FORBIDDEN']);
      }
    }
    expect(await subgraph.client.organisationRevision.findUnique({ where: { id: 1 } })).toEqual(revision);
  });

  it('lets an administrator create, change and link units, each change audited and raising the revision', async () => {
    const revision = async () => (await as(null, '{ policeOrganisationRevision }')).body.data!.policeOrganisationRevision as number;
    const start = await revision();
    const steps = [
      await as(admin, MUTATIONS[1]![0]),
      await as(admin, 'mutation { createLocalPoliceArea(id: "test-lpo", input: { name: "Lokalpolisområde Test", policeDistrict: "syd-test", validFrom: "2026-01-01" }) { id policeRegion { code } policeDistrict { id } } }'),
      await as(admin, 'mutation { setPoliceUnitMunicipalities(unit: { kind: LPO, id: "test-lpo" }, links: [{ municipalityCode: "1280", part: true }]) }'),
      await as(admin, MUTATIONS[2]![0]),
    ];
    for (const step of steps) expect(step.body.errors).toBeUndefined();
    expect(steps[1]!.body.data).toEqual({ createLocalPoliceArea: { id: 'test-lpo', policeRegion: { code: 'SYD' }, policeDistrict: { id: 'syd-test' } } });
    expect(await revision()).toBe(start + 4);

    const stale = await as(admin, MUTATIONS[2]![0]);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const outside = await as(admin, 'mutation { setPoliceUnitMunicipalities(unit: { kind: LPO, id: "test-lpo" }, links: [{ municipalityCode: "0180" }]) }');
    expect(outside.body.errors?.[0]?.message).toBe('links[0]: kommun 0180 (Stockholm) lies in polisregion STOCKHOLM, not in SYD.');
    const audit = await subgraph.client.auditEntry.findMany({ where: { entityKey: 'test-lpo' }, orderBy: { at: 'asc' } });
    expect(audit.map((entry) => entry.operation)).toEqual(['createLocalPoliceArea', 'setPoliceUnitMunicipalities']);

    const { body } = await as(null, `{
      before: policeUnitsCovering(municipality: "1280", on: "2025-12-31") { localPoliceAreas { id } policeDistricts { id } policeRegion { code } }
      after: policeUnitsCovering(municipality: "1280", on: "2026-01-01") { localPoliceAreas { id } policeDistricts { id municipalities(on: "2026-01-01") { code } } }
      policeOrganisation { districts { id policeRegionCode } links { unit unitKind municipalityCode part } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      before: { localPoliceAreas: [], policeDistricts: [], policeRegion: { code: 'SYD' } },
      after: { localPoliceAreas: [{ id: 'test-lpo' }], policeDistricts: [{ id: 'syd-test', municipalities: [{ code: '1280' }] }] },
      policeOrganisation: { districts: [{ id: 'syd-test', policeRegionCode: 'SYD' }] },
    });
    expect((body.data as { policeOrganisation: { links: unknown[] } }).policeOrganisation.links).toContainEqual({ unit: 'test-lpo', unitKind: 'LPO', municipalityCode: '1280', part: true });
  });

  it('answers the kommuner of an area on both sides of a reorganisation, and each area\'s sources and successors', async () => {
    const imported = await as(admin, MUTATIONS[0]![0], MUTATIONS[0]![1]);
    expect(imported.body.errors).toBeUndefined();
    const { body } = await as(null, `{
      localPoliceAreas(policeRegion: "SYD") { id nameStated validTo sources { title } successors { on successor { id } } }
      before: municipality(code: "1287") { localPoliceAreas(on: "2025-12-31") { id municipalities(on: "2025-12-31") { code } } }
      after: municipality(code: "1287") { localPoliceAreas(on: "2026-01-01") { id municipalities(on: "2026-01-01") { code } } }
      coverage(policeRegion: "SYD", on: "2026-01-01") { policeRegion { code } municipalities covered uncovered { code } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, unknown> & { localPoliceAreas: { id: string }[] };
    expect(data.before).toEqual({ localPoliceAreas: [{ id: 'trelleborg', municipalities: [{ code: '1233' }, { code: '1263' }, { code: '1287' }] }] });
    expect(data.after).toEqual({ localPoliceAreas: [{ id: 'trelleborg-vast', municipalities: [{ code: '1233' }, { code: '1287' }] }] });
    const trelleborg = data.localPoliceAreas.find((area) => area.id === 'trelleborg');
    expect(trelleborg).toMatchObject({ validTo: '2025-12-31', successors: [{ on: '2026-01-01', successor: { id: 'trelleborg-ost' } }, { on: '2026-01-01', successor: { id: 'trelleborg-vast' } }] });
    expect(data.localPoliceAreas.find((area) => area.id === 'burlov')).toMatchObject({ nameStated: false, sources: [{ title: 'Ny överenskommelse med Polisen och ny lagstiftning för att stärka det trygghetsskapande arbetet' }] });
    const [syd] = data.coverage as { municipalities: number; covered: number; uncovered: unknown[] }[];
    expect(syd!.municipalities).toBe(58);
    expect(syd!.covered + syd!.uncovered.length).toBe(58);
  });
});
