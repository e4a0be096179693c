import { backoffMs } from './deliver';
import { eventType, wanted } from './events';

describe('webhook events', () => {
  it('names event types after the record type and the kind of change', () => {
    expect(eventType('Action', 'updated')).toBe('action.updated');
    expect(eventType('Agreement', 'signed')).toBe('agreement.signed');
    expect(eventType('SituationReport', 'created')).toBe('situationReport.created');
  });

  it('filters by kommun and record type; an empty filter takes all', () => {
    const lund = { municipalityCodes: ['1281'], recordTypes: [] };
    expect(wanted(lund, 'Action', ['1281'])).toBe(true);
    expect(wanted(lund, 'Action', ['1280'])).toBe(false);
    expect(wanted(lund, 'SurveyResult', [])).toBe(false);
    expect(wanted({ municipalityCodes: [], recordTypes: ['Agreement'] }, 'Action', ['1281'])).toBe(false);
    expect(wanted({ municipalityCodes: [], recordTypes: [] }, 'SurveyResult', [])).toBe(true);
  });

  it('backs off exponentially from 1 s, with jitter between half and all of it, up to the maximum', () => {
    expect(backoffMs(1, 600_000, () => 0)).toBe(500);
    expect(backoffMs(1, 600_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 600_000, () => 1)).toBe(8000);
    expect(backoffMs(40, 600_000, () => 1)).toBe(600_000);
    expect(backoffMs(40, 600_000, () => 0)).toBe(300_000);
    expect(backoffMs(3, 200, () => 1)).toBe(200);
  });
});
