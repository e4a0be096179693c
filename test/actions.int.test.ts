import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

describe.each(testDatabaseKinds())('actions through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub?.close());
  const query = (text: string, variables: Record<string, unknown> = {}) => postGraphQL(hub.gateway.url, text, variables);

  it("lists Lund's agreement, its fokusområden and the actions of each in one query", async () => {
    const { body } = await query(`{
      agreement(id: "lund-2024") {
        title
        focusAreas { position title focusArea { code actions(municipality: "1281") { title municipality { code } } } }
      }
      landskrona: agreement(id: "landskrona-2009") { actions { title startsOn endsOn } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      agreement: { focusAreas: { focusArea: { code: string; actions: { title: string; municipality: { code: string } }[] } }[] };
      landskrona: { actions: { title: string; startsOn: string | null }[] };
    };
    const safe = data.agreement.focusAreas[0]!.focusArea;
    expect(safe.code).toBe('SAFE_PUBLIC_SPACE');
    expect(safe.actions.map((a) => a.title)).toEqual([
      'Kamerabevakning på Klostergården',
      'Medborgarlöfte om polisiär närvaro i de östra kommundelarna',
      'Ordningsvakter i ett §3-område runt Lunds central',
    ]);
    expect(safe.actions.every((a) => a.municipality.code === '1281')).toBe(true);
    const elderly = data.agreement.focusAreas[4]!.focusArea;
    expect(elderly).toEqual({ code: 'ELDERLY', actions: [] });
    expect(data.landskrona.actions).toHaveLength(9);
    expect(data.landskrona.actions).toContainEqual({ title: 'Kontaktpolis i varje högstadie- och gymnasieskola', startsOn: '2009-01-01', endsOn: '2009-12-31' });
  });

  it('refuses an action whose origin agreement or medborgarlöfte does not exist in the agreements subgraph', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'lars', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const create = (origin: string, originKey: string) =>
      postGraphQL(
        hub.gateway.url,
        'mutation ($i: ActionInput!) { createAction(input: $i) { title agreement { title } } }',
        { i: { municipalityCode: '1281', title: 'Trygghetsvandring i Norra Fäladen', origin, originKey, responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
        { authorization: `Bearer ${token}` },
      );
    const ok = await create('AGREEMENT', 'lund-2024');
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data).toEqual({ createAction: { title: 'Trygghetsvandring i Norra Fäladen', agreement: { title: 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024–2027' } } });
    const missing = await create('AGREEMENT', 'lund-2099');
    expect(missing.body.errors?.[0]?.message).toBe('No published agreement has the id "lund-2099".');
    const promise = await create('CITIZEN_PROMISE', 'no-such-promise');
    expect(promise.body.errors?.[0]?.message).toBe('No published medborgarlöfte has the id "no-such-promise".');
  });

  it('answers compliance for all 290 kommuner in one request, with the same SQL statements as for one region', async () => {
    const count = async (args: string) => {
      const before = hub.actions.database.statements.total;
      const { body } = await query(`{ compliance(on: "2026-06-01"${args}) { municipality { code name } compliant hasCurrentSituationReport ongoingActions } }`);
      expect(body.errors).toBeUndefined();
      return { rows: (body.data as { compliance: { municipality: { code: string; name: string }; ongoingActions: number }[] }).compliance, statements: hub.actions.database.statements.total - before };
    };
    const all = await count('');
    const syd = await count(', policeRegion: "SYD"');
    expect(all.rows).toHaveLength(290);
    expect(syd.rows).toHaveLength(58);
    expect(all.statements).toBe(syd.statements);
    expect(all.rows.find((r) => r.municipality.code === '1282')).toMatchObject({ municipality: { name: 'Landskrona' }, ongoingActions: 1 });
  });

  it('batches Municipality.compliance too: a region costs what one kommun costs', async () => {
    const statementsFor = async (text: string) => {
      const before = hub.actions.database.statements.total;
      const { body } = await query(text);
      expect(body.errors).toBeUndefined();
      return hub.actions.database.statements.total - before;
    };
    const one = await statementsFor('{ municipality(code: "1281") { compliance(on: "2026-06-01") { compliant } } }');
    const region = await statementsFor('{ municipalities(policeRegion: "SYD") { compliance(on: "2026-06-01") { compliant ongoingActions } } }');
    expect(region).toBe(one);
  });

  it('marks a kommun whose only lägesbild is older than two years as not compliant, and one with a current lägesbild and plan as compliant', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'ylva', municipalityCode: '1283' }, TEST_JWT_SECRET);
    const headers = { authorization: `Bearer ${token}` };
    const write = (text: string, variables: Record<string, unknown>) => postGraphQL(hub.gateway.url, text, variables, headers);
    const report = await write('mutation ($i: SituationReportInput!) { createSituationReport(input: $i) { id } }', {
      i: { municipalityCode: '1283', title: 'Lägesbild Helsingborg 2023', decidedOn: '2023-03-01', joint: true },
    });
    expect(report.body.errors).toBeUndefined();
    const reportId = (report.body.data as { createSituationReport: { id: string } }).createSituationReport.id;
    await write('mutation ($i: ActionPlanInput!) { createActionPlan(input: $i) { id } }', {
      i: { municipalityCode: '1283', title: 'Åtgärdsplan 2023', decidedOn: '2023-04-01', situationReportIds: [reportId], items: [{ key: 'a', title: 'Trygghetsvandringar' }] },
    });
    const { body } = await query('{ on2024: compliance(on: "2024-06-01", municipalities: ["1283"]) { compliant situationReportJoint actionPlanDecidedOn } on2026: compliance(on: "2026-06-01", municipalities: ["1283"]) { compliant hasCurrentSituationReport } }');
    expect(body.data).toEqual({
      on2024: [{ compliant: true, situationReportJoint: true, actionPlanDecidedOn: '2023-04-01' }],
      on2026: [{ compliant: false, hasCurrentSituationReport: false }],
    });
  });
});
