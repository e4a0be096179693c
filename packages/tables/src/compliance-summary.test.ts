import { complianceSummaryTable } from './compliance-summary';
import { complianceTable } from './compliance';

/** One kommun of a `compliance` answer. */
function entry(code: string, region: [string, string], county: [string, string], facts: { compliant?: boolean; report?: string | null; current?: boolean; plan?: string | null; agreement?: boolean }) {
  return {
    compliant: facts.compliant ?? false,
    hasCurrentSituationReport: facts.current ?? false,
    situationReportDecidedOn: facts.report ?? null,
    situationReportJoint: null,
    actionPlanDecidedOn: facts.plan ?? null,
    ongoingActions: 0,
    overdueActions: 0,
    municipality: {
      code,
      name: `Kommun ${code}`,
      county: { code: county[0], name: county[1] },
      policeRegion: { code: region[0], name: region[1] },
      activeAgreement: facts.agreement ? { id: `a-${code}`, title: 'Avtal', validFrom: null, validTo: null } : null,
    },
  };
}

const SYD: [string, string] = ['SYD', 'Syd'];
const NORD: [string, string] = ['NORD', 'Nord'];
const SKANE: [string, string] = ['12', 'Skåne län'];
const BLEKINGE: [string, string] = ['10', 'Blekinge län'];
const NORRBOTTEN: [string, string] = ['25', 'Norrbottens län'];
const data = {
  compliance: [
    entry('1281', SYD, SKANE, { compliant: true, report: '2025-01-01', current: true, plan: '2025-03-01', agreement: true }),
    entry('1280', SYD, SKANE, { report: '2020-01-01', agreement: true }),
    entry('1080', SYD, BLEKINGE, {}),
    entry('2580', NORD, NORRBOTTEN, { report: '2025-02-01', current: true }),
  ],
};

describe('the compliance board per område', () => {
  it('counts the per-kommun rows per polisregion, in Polisen\'s order', () => {
    const rows = complianceSummaryTable.rows(data, { on: '2025-06-01' });
    expect(rows.map((row) => row.areaCode)).toEqual(['NORD', 'SYD']);
    expect(rows[1]).toEqual({
      areaCode: 'SYD',
      name: 'Syd',
      day: '2025-06-01',
      municipalities: 3,
      compliant: 1,
      withoutCurrentSituationReport: 2,
      withoutActionPlan: 2,
      withoutActiveAgreement: 1,
    });
    expect(rows[0]).toMatchObject({ municipalities: 1, compliant: 0, withoutCurrentSituationReport: 0, withoutActionPlan: 1, withoutActiveAgreement: 1 });
    // The same counts as the per-kommun table's rows: the board and the file cannot disagree.
    const perKommun = complianceTable.rows(data, { on: '2025-06-01' });
    expect(rows.reduce((sum, row) => sum + Number(row.municipalities), 0)).toBe(perKommun.length);
  });

  it('counts per län within a polisregion, by län code', () => {
    const rows = complianceSummaryTable.rows({ compliance: data.compliance.slice(0, 3) }, { on: '2025-06-01', policeRegion: 'SYD' });
    expect(rows.map((row) => [row.name, row.municipalities])).toEqual([
      ['Blekinge län', 1],
      ['Skåne län', 2],
    ]);
    expect(complianceSummaryTable.fileName({ on: '2025-06-01', policeRegion: 'SYD' }, 'xlsx')).toBe('efterlevnad-per-omrade-SYD-2025-06-01.xlsx');
  });
});
