import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/*
 * Action counts and compliance are computed by the database in one statement each (#17). Each is
 * checked here against the lists of the same records that the same caller reads, for callers of
 * every kind of access scope, and after writes that change what they count.
 */

interface Kommun {
  code: string;
  actionCounts: { focusArea: { code: string } | null; planned: number; ongoing: number; done: number; cancelled: number }[];
  actions: { status: string; endsOn: string | null; focusArea: { code: string } | null }[];
}

const COUNTS = `query ($codes: [MunicipalityCode!]) { municipalities(codes: $codes) {
  code actionCounts { focusArea { code } planned ongoing done cancelled } actions { status endsOn focusArea { code } }
} }`;

/** The counts a list of actions gives, in the order of the field (fokusområde code, none last). */
function countsOf(actions: Kommun['actions']): Kommun['actionCounts'] {
  const by = new Map<string | null, Kommun['actionCounts'][number]>();
  for (const action of actions) {
    const code = action.focusArea?.code ?? null;
    const count = by.get(code) ?? { focusArea: code === null ? null : { code }, planned: 0, ongoing: 0, done: 0, cancelled: 0 };
    count[action.status.toLowerCase() as 'planned' | 'ongoing' | 'done' | 'cancelled'] += 1;
    by.set(code, count);
  }
  return [...by.entries()].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)).map(([, count]) => count);
}

describe.each(testDatabaseKinds())('action counts and compliance in SQL on %s', (kind) => {
  let hub: TestHub;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    hub = await startTestHub(kind);
    tokens.kommun = await signDevelopmentToken({ role: 'kommun', subject: 'counts-lund', municipalityCode: '1281' }, TEST_JWT_SECRET);
    tokens.analyst = await signDevelopmentToken({ role: 'analyst', subject: 'counts-analyst', policeRegionCode: 'SYD' }, TEST_JWT_SECRET);
    tokens.admin = await signDevelopmentToken({ role: 'admin', subject: 'counts-admin' }, TEST_JWT_SECRET);
  }, 240_000);
  afterAll(() => hub?.close());
  const ask = async (text: string, variables: Record<string, unknown>, who?: string) => {
    const { body } = await postGraphQL(hub.gateway.url, text, variables, who ? { authorization: `Bearer ${tokens[who]}` } : {});
    expect(body.errors).toBeUndefined();
    return body.data as Record<string, unknown>;
  };
  const codes = ['1281', '1283', '1280', '0180', '2480'];

  it.each(['anonymous', 'kommun', 'analyst', 'admin'])('counts, for a caller %s, exactly the actions that caller reads', async (who) => {
    const data = await ask(COUNTS, { codes }, who === 'anonymous' ? undefined : who);
    const kommuner = data.municipalities as Kommun[];
    expect(kommuner.map((k) => k.code).sort()).toEqual([...codes].sort());
    for (const kommun of kommuner) expect(kommun.actionCounts).toEqual(countsOf(kommun.actions));
    // Something to count: Lund has actions with a fokusområde.
    expect(kommuner.find((k) => k.code === '1281')!.actionCounts.length).toBeGreaterThan(0);
  });

  it('gives a kommun user the counts of its own PARTIES actions, and anonymous callers not', async () => {
    const create = 'mutation ($i: ActionInput!) { createAction(input: $i) { id } }';
    const input = { municipalityCode: '1281', title: 'Räknad men dold åtgärd', visibility: 'PARTIES', focusAreaCode: 'ELDERLY', responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] };
    const before = async (who?: string) => ((await ask(COUNTS, { codes: ['1281'] }, who)).municipalities as Kommun[])[0]!.actionCounts;
    const [anonymous, own] = [await before(), await before('kommun')];
    await ask(create, { i: input }, 'kommun');
    const elderly = (counts: Kommun['actionCounts']) => counts.find((c) => c.focusArea?.code === 'ELDERLY')?.planned ?? 0;
    expect(elderly(await before('kommun'))).toBe(elderly(own) + 1);
    expect(elderly(await before('analyst'))).toBe(elderly(own) + 1);
    expect(await before()).toEqual(anonymous);
  });

  it('answers compliance as the lägesbilder, åtgärdsplaner and actions an administrator reads show, in the order asked', async () => {
    const on = '2026-06-01';
    // Lägesbilder and åtgärdsplaner that decide each case: current with a plan after it; an old one
    // whose plan came before it; a plan after the day; a lägesbild after the day.
    const records: [string, [string, string[]][]][] = [
      ['1283', [['2025-03-01', ['2025-04-01']]]],
      ['1280', [['2021-01-01', ['2021-02-01']], ['2023-01-01', []]]],
      ['0180', [['2024-12-01', ['2025-01-01']], ['2026-01-01', ['2026-07-01']]]],
      ['2480', [['2026-09-01', []]]],
    ];
    for (const [code, reports] of records) {
      tokens[code] = await signDevelopmentToken({ role: 'kommun', subject: `counts-${code}`, municipalityCode: code }, TEST_JWT_SECRET);
      for (const [reportOn, plansOn] of reports) {
        const report = await ask('mutation ($i: SituationReportInput!) { createSituationReport(input: $i) { id } }', { i: { municipalityCode: code, title: `Lägesbild ${reportOn}`, decidedOn: reportOn, joint: code === '1283' } }, code);
        const reportId = (report.createSituationReport as { id: string }).id;
        for (const planOn of plansOn) {
          await ask(
            'mutation ($i: ActionPlanInput!) { createActionPlan(input: $i) { id } }',
            { i: { municipalityCode: code, title: `Åtgärdsplan ${planOn}`, decidedOn: planOn, situationReportIds: [reportId], items: [{ key: 'a', title: 'Trygghetsvandringar' }] } },
            code,
          );
        }
      }
    }
    const data = await ask(
      `query ($codes: [MunicipalityCode!], $on: Date) {
        compliance(on: $on, municipalities: $codes) { municipality { code } compliant hasCurrentSituationReport situationReportDecidedOn situationReportJoint actionPlanDecidedOn ongoingActions overdueActions }
        municipalities(codes: $codes) { code situationReports { decidedOn joint } actionPlans { decidedOn } actions { status endsOn } }
      }`,
      { codes, on },
      'admin',
    );
    type Row = { municipality: { code: string }; situationReportJoint: boolean | null; compliant: boolean; hasCurrentSituationReport: boolean; situationReportDecidedOn: string | null; actionPlanDecidedOn: string | null; ongoingActions: number; overdueActions: number };
    type Lists = { code: string; situationReports: { decidedOn: string | null; joint: boolean }[]; actionPlans: { decidedOn: string | null }[]; actions: { status: string; endsOn: string | null }[] };
    const rows = data.compliance as Row[];
    expect(rows.map((r) => r.municipality.code)).toEqual(codes.slice().sort());
    let compliant = 0;
    for (const lists of data.municipalities as Lists[]) {
      const row = rows.find((r) => r.municipality.code === lists.code)!;
      const newest = (list: { decidedOn: string | null }[]) => list.map((r) => r.decidedOn).filter((d): d is string => !!d && d <= on).sort().at(-1) ?? null;
      const report = newest(lists.situationReports);
      const plan = newest(lists.actionPlans);
      const expectedPlan = report && plan && plan >= report ? plan : null;
      const current = !!report && report >= '2024-06-01';
      expect(row).toEqual({
        municipality: { code: lists.code },
        situationReportDecidedOn: report,
        situationReportJoint: report ? lists.situationReports.find((r) => r.decidedOn === report)!.joint : null,
        actionPlanDecidedOn: expectedPlan,
        hasCurrentSituationReport: current,
        compliant: current && !!expectedPlan,
        ongoingActions: lists.actions.filter((a) => a.status === 'ONGOING').length,
        overdueActions: lists.actions.filter((a) => (a.status === 'ONGOING' || a.status === 'PLANNED') && !!a.endsOn && a.endsOn < on).length,
      });
      if (row.compliant) compliant += 1;
    }
    // The cases above: only Helsingborg complies; Uppsala's newest plan is before its lägesbild.
    expect(compliant).toBe(1);
    expect(rows.find((r) => r.municipality.code === '0180')).toMatchObject({ situationReportDecidedOn: '2026-01-01', actionPlanDecidedOn: null, hasCurrentSituationReport: true });
  });
});
