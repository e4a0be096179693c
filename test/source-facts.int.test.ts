import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/*
 * Every fact issue #14 lists as missing or half there, asked through the gateway as a client would,
 * each with the source it comes from (title and date as the source gives them).
 */

const KSAU_2019 = { title: 'Lund höjer ambitionen i trygghet- och säkerhetsarbetet', publishedOn: '2019-02-25' };
const PRESS_2024 = 'Lunds kommun och Polisen samarbetar för ökad trygghet och minskad brottslighet';
const LUND_2024 = 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024 - 2027';
const LANDSKRONA = 'Landskrona först i landet med avtal mellan kommun och polis';

describe.each(testDatabaseKinds())('the sources\' facts through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  }, 120_000);
  afterAll(() => hub?.close());

  async function ask<Data>(text: string): Promise<Data> {
    const { body } = await postGraphQL(hub.gateway.url, text, {});
    expect(body.errors).toBeUndefined();
    return body.data as Data;
  }

  it('Lund 2019: decided by KSAU on 2019-02-25, active from then for four years with an open end, superseded from 2024', async () => {
    const data = await ask<{ agreement: Record<string, unknown> & { sources: { title: string; publishedOn: string; note: string }[] } }>(`{
      agreement(id: "lund-2019") {
        decidedOn decidedBy startsOn startBasis validFromKnown validToKnown assumedValidTo
        before: status(on: "2019-02-24") decided: status(on: "2019-02-25") lapsed: status(on: "2023-02-25") superseded: status(on: "2024-01-01")
        sources { title publishedOn note }
      }
    }`);
    expect(data.agreement).toMatchObject({
      decidedOn: '2019-02-25',
      decidedBy: 'Kommunstyrelsens arbetsutskott (KSAU)',
      startsOn: '2019-02-25',
      startBasis: 'DECIDED_ON',
      validFromKnown: false,
      validToKnown: false,
      assumedValidTo: '2023-02-24',
      before: 'UPCOMING',
      decided: 'ACTIVE',
      lapsed: 'EXPIRED',
      superseded: 'SUPERSEDED',
    });
    expect(data.agreement.sources).toEqual([expect.objectContaining(KSAU_2019)]);
    expect(data.agreement.sources[0]!.note).toContain('KSAU beslutade också att godkänna förslaget till överenskommelse');
  });

  it('the medborgarlöfte for the eastern districts: a commissioned CitizenPromise of the 2019 agreement, linked to its action', async () => {
    const data = await ask<{ citizenPromises: unknown[]; citizenPromise: { actions: unknown[] } }>(`{
      citizenPromises(filter: { municipality: "1281" }) {
        id title status state: status(on: "2020-01-01") decidedOn decidedBy agreement { id } promises { text } sources { title publishedOn note }
      }
      citizenPromise(id: "lund-2019-medborgarlofte-ostra") { actions { title origin originKey } }
    }`);
    expect(data.citizenPromises).toEqual([
      {
        id: 'lund-2019-medborgarlofte-ostra',
        title: 'Medborgarlöfte om polisiär närvaro i de östra kommundelarna',
        status: 'COMMISSIONED',
        state: 'COMMISSIONED',
        decidedOn: '2019-02-25',
        decidedBy: 'Kommunstyrelsens arbetsutskott (KSAU)',
        agreement: { id: 'lund-2019' },
        promises: [{ text: 'Polisiär närvaro i de östra kommundelarna' }],
        sources: [{ ...KSAU_2019, note: expect.stringContaining('gav därför kommunkontoret i uppdrag att initiera ett medborgarlöfte med polisen') }],
      },
    ]);
    expect(data.citizenPromise.actions).toEqual([
      { title: 'Medborgarlöfte om polisiär närvaro i de östra kommundelarna', origin: 'CITIZEN_PROMISE', originKey: 'lund-2019-medborgarlofte-ostra' },
    ]);
  });

  it('the Lund 2019 actions are linked to the 2019 agreement, each as its source places it', async () => {
    const data = await ask<{ agreement: { actions: unknown[] }; stated: { actions: unknown[] } }>(`{
      agreement(id: "lund-2019") { actions { title agreementLink linkedAgreement { id } origin sources { title publishedOn } } }
      stated: agreement(id: "lund-2019") { actions(links: [STATED]) { title } }
    }`);
    const source = [KSAU_2019];
    expect(data.agreement.actions).toEqual([
      { title: 'Kamerabevakning på Klostergården', agreementLink: 'SAME_PACKAGE', linkedAgreement: { id: 'lund-2019' }, origin: null, sources: source },
      { title: 'Märk-DNA på fler ställen i kommunen', agreementLink: 'SAME_PACKAGE', linkedAgreement: { id: 'lund-2019' }, origin: null, sources: source },
      { title: 'Ordningsvakter i ett §3-område runt Lunds central', agreementLink: 'SAME_DECISION', linkedAgreement: { id: 'lund-2019' }, origin: null, sources: source },
    ]);
    expect(data.stated.actions).toEqual([]);
  });

  it('Lund 2024: a joint lägesbild at least every other year, and the press article\'s two planned milestones', async () => {
    const data = await ask<{ agreement: { commitments: unknown[]; milestones: unknown[] } }>(`{
      agreement(id: "lund-2024") {
        commitments { position kind intervalMonths text sourceTitle }
        milestones { kind title planned on precision body sourceTitle sourcePublishedOn note }
      }
    }`);
    expect(data.agreement.commitments).toEqual([
      { position: 1, kind: 'JOINT_SITUATION_REPORT', intervalMonths: 24, text: expect.stringMatching(/^minst vartannat år, ta fram en gemensam lägesbild/), sourceTitle: LUND_2024 },
      { position: 2, kind: 'ACTION_PLAN', intervalMonths: null, text: expect.stringContaining('revideras utifrån behov'), sourceTitle: LUND_2024 },
    ]);
    expect(data.agreement.milestones).toEqual([
      expect.objectContaining({ kind: 'SITUATION_ANALYSIS', planned: true, on: '2023-08-31', precision: 'MONTH', sourceTitle: PRESS_2024, sourcePublishedOn: '2024-03-11', note: expect.stringContaining('senast i augusti 2023') }),
      expect.objectContaining({ kind: 'ACTION_PLAN', planned: true, on: '2024-12-31', precision: 'MONTH', body: 'Kommunstyrelsen', sourceTitle: PRESS_2024, note: expect.stringContaining('senast i december 2024') }),
    ]);
  });

  it('Lund\'s trygghetsprogram: commissioned in May 2018, sent for consultation on 2019-02-25; and the November 2018 survey', async () => {
    const data = await ask<{ municipality: { steeringDocuments: { title: string; milestones: unknown[] }[]; consultations: unknown[]; surveyFindings: unknown[] } }>(`{
      municipality(code: "1281") {
        steeringDocuments { title kind adoptedOn milestones { kind on precision planned body sourceTitle sourcePublishedOn } }
        consultations: milestones(from: "2019-01-01", to: "2019-12-31", kind: CONSULTATION) { title on }
        surveyFindings { text sourceTitle sourcePublishedOn survey { id reportedOn reportedPrecision } }
      }
    }`);
    const programme = data.municipality.steeringDocuments.find((document) => document.title === 'Program för trygghet och säkerhet');
    const fromKsau = { sourceTitle: KSAU_2019.title, sourcePublishedOn: KSAU_2019.publishedOn };
    expect(programme).toEqual({
      title: 'Program för trygghet och säkerhet',
      kind: 'Program',
      adoptedOn: null,
      milestones: [
        { kind: 'COMMISSIONED', on: '2018-05-31', precision: 'MONTH', planned: false, body: 'Kommunstyrelsen', ...fromKsau },
        { kind: 'CONSULTATION', on: '2019-02-25', precision: 'DAY', planned: false, body: 'Kommunstyrelsens arbetsutskott (KSAU)', ...fromKsau },
      ],
    });
    expect(data.municipality.consultations).toEqual([{ title: 'Programmet skickas på remiss till nämnder, bolag och andra organisationer', on: '2019-02-25' }]);
    expect(data.municipality.surveyFindings).toEqual([
      {
        text: expect.stringContaining('den senaste trygghetsmätningen från november 2018 som polisen tagit fram'),
        sourceTitle: KSAU_2019.title,
        sourcePublishedOn: KSAU_2019.publishedOn,
        survey: { id: 'POLISEN_SYD-2018', reportedOn: '2018-11-30', reportedPrecision: 'MONTH' },
      },
    ]);
  });

  it('"first in Sweden" is a field analysts can filter on: Landskrona 2009, with its claim and its police party as the source names it', async () => {
    const data = await ask<{ first: { edges: { node: unknown }[] }; others: { totalCount: number } }>(`{
      first: agreements(filter: { firstInSweden: true }) {
        edges { node { id firstInSweden firstInSwedenClaim firstInSwedenClaimedBy policePartyName policeParty { __typename } localPoliceAreas { id } status sources { title note } } }
      }
      others: agreements(filter: { firstInSweden: false }) { totalCount }
    }`);
    expect(data.first.edges.map((edge) => edge.node)).toEqual([
      {
        id: 'landskrona-2009',
        firstInSweden: true,
        firstInSwedenClaim: 'Landskrona blir med överenskommelsen först i landet med att teckna ett avtal mellan kommunen och polisen',
        firstInSwedenClaimedBy: 'Torkild Strandberg, kommunstyrelsens ordförande',
        // The police party is "närpolisen i Landskrona", no registered unit: its name, no lokalpolisområde.
        policePartyName: 'Närpolisen i Landskrona',
        policeParty: null,
        localPoliceAreas: [],
        status: 'UNDATED',
        sources: [{ title: LANDSKRONA, note: expect.stringContaining('"närpolisen i Landskrona"') }],
      },
    ]);
    expect(data.others.totalCount).toBe(3);
  });

  it('an action of Lund whose origin is Burlöv\'s agreement is refused, naming both kommuner', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'lars', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const { body } = await postGraphQL(
      hub.gateway.url,
      'mutation ($i: ActionInput!) { createAction(input: $i) { id } }',
      { i: { municipalityCode: '1281', title: 'Trygghetsvandring', origin: 'AGREEMENT', originKey: 'burlov-2023', responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors?.[0]).toMatchObject({
      message: 'Agreement "burlov-2023" belongs to kommun 1231 (Burlöv), not 1281 (Lund): an action\'s origin must be a record of its own kommun.',
      extensions: { code: 'BAD_USER_INPUT', field: 'originKey' },
    });
  });
});
