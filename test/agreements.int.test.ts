import { testDatabaseKinds } from '@samverkan/db/testing';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, type TestHub } from './support/hub';

describe.each(testDatabaseKinds())('agreements through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub?.close());

  it("shows Lund's 2024 agreement: 5 fokusområden in order, both signatories, its styrdokument", async () => {
    const { body } = await postGraphQL(
      hub.gateway.url,
      `{ municipality(code: "1281") { name activeAgreement(on: "2025-03-01") {
          title focusAreas { position title } signatories { name party } steeringDocuments { title } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const agreement = (body.data as { municipality: { activeAgreement: { focusAreas: { title: string }[]; signatories: unknown[]; steeringDocuments: unknown[] } } })
      .municipality.activeAgreement;
    expect(agreement.focusAreas.map((a) => a.title)).toEqual([
      'Trygghetsskapande åtgärder',
      'Barn och unga',
      'Alkohol, narkotika, doping, tobak och spel om pengar (ANDTS)',
      'Brott i nära relation',
      'Brott mot äldre personer',
    ]);
    expect(agreement.signatories).toEqual([
      { name: 'Anders Almgren', party: 'MUNICIPALITY' },
      { name: 'Anna-Karin Boije', party: 'POLICE' },
    ]);
    expect(agreement.steeringDocuments).toHaveLength(4);
  });

  it("on 2027-01-01 Burlöv's agreement is EXPIRED and Lund's ACTIVE; brott mot äldre in SYD finds Lund", async () => {
    const { body } = await postGraphQL(
      hub.gateway.url,
      `{
        burlov: municipality(code: "1231") { agreements { status(on: "2027-01-01") } }
        lund: municipality(code: "1281") { activeAgreement(on: "2027-01-01") { status(on: "2027-01-01") } }
        elderly: agreements(filter: { focusArea: "ELDERLY", policeRegion: "SYD" }) { edges { node { municipality { name policeRegion { code } } } } }
      }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      burlov: { agreements: [{ status: 'EXPIRED' }] },
      lund: { activeAgreement: { status: 'ACTIVE' } },
      elderly: { edges: [{ node: { municipality: { name: 'Lund', policeRegion: { code: 'SYD' } } } }] },
    });
  });

  it('joins an agreement with the kommun\'s actions (seeded in the other subgraph) in one query', async () => {
    const { body } = await postGraphQL(
      hub.gateway.url,
      '{ agreements(filter: { municipality: "1231" }) { edges { node { title municipality { actions { title } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      agreements: {
        edges: [{ node: { title: 'Samverkansöverenskommelse mellan Burlövs kommun och Polisen 2023–2026', municipality: { actions: [{ title: 'Kommunpolisen i Medborgarhuset varje tisdag' }] } } }],
      },
    });
  });
});
