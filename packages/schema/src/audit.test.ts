import { type AuditEntryRow, readableEntries, statesAround } from './audit';

/** A trail entry of an åtgärd-like record, with its changes as stored. */
function entry(operation: string, changes: [field: string, before: unknown, after: unknown][]): AuditEntryRow {
  return {
    id: operation,
    at: new Date('2025-01-01T00:00:00Z'),
    actorRole: 'kommun',
    actorSubject: 'åsa',
    requestId: null,
    operation,
    entityType: 'Action',
    entityKey: 'a1',
    changes: changes.map(([field, before, after]) => ({ field, before, after })),
  };
}

const TRAIL = [
  entry('createAction', [['title', null, 'Insats'], ['description', null, 'Hemligt'], ['visibility', null, 'PARTIES']]),
  entry('updateAction', [['description', 'Hemligt', 'Offentligt'], ['visibility', 'PARTIES', 'PUBLIC']]),
  entry('updateAction', [['title', 'Insats', 'Trygghetsinsats']]),
];
const isPublic = (state: Record<string, unknown>) => state.visibility === 'PUBLIC';

describe('the states of a record around each entry of its trail', () => {
  it('folds the changes from the creation, which has no state before it', () => {
    const states = statesAround(TRAIL);
    expect(states[0]).toEqual({ before: null, after: { title: 'Insats', description: 'Hemligt', visibility: 'PARTIES' } });
    expect(states[1]!.before).toEqual({ title: 'Insats', description: 'Hemligt', visibility: 'PARTIES' });
    expect(states[2]!.after).toEqual({ title: 'Trygghetsinsats', description: 'Offentligt', visibility: 'PUBLIC' });
  });

  it('starts a trail without its creation from the first values it gives, and the record as it is for fields it never names', () => {
    const states = statesAround([TRAIL[2]!], { title: 'Trygghetsinsats', visibility: 'PUBLIC', startsOn: new Date('2025-03-01T00:00:00Z') });
    expect(states[0]).toEqual({
      before: { title: 'Insats', visibility: 'PUBLIC', startsOn: '2025-03-01' },
      after: { title: 'Trygghetsinsats', visibility: 'PUBLIC', startsOn: '2025-03-01' },
    });
  });
});

describe('the entries a caller may read', () => {
  it('leaves out those written while the caller could not read the record, and the one that made it readable', () => {
    expect(readableEntries(TRAIL, isPublic).map((e) => e.id)).toEqual(['updateAction']);
    expect(readableEntries(TRAIL, isPublic)[0]).toBe(TRAIL[2]);
  });

  it('keeps every entry for a caller who could always read the record', () => {
    expect(readableEntries(TRAIL, () => true)).toEqual(TRAIL);
  });

  it('hides what was written while a public record was made private for a while', () => {
    const trail = [
      entry('createAction', [['visibility', null, 'PUBLIC']]),
      entry('updateAction', [['visibility', 'PUBLIC', 'PARTIES']]),
      entry('updateAction', [['method', null, 'Hemligt']]),
      entry('updateAction', [['visibility', 'PARTIES', 'PUBLIC']]),
    ];
    expect(readableEntries(trail, isPublic).map((e) => e.operation)).toEqual(['createAction']);
  });
});
