import { diffRevisions } from './revisions';

describe('diffRevisions', () => {
  it('finds added, changed and removed items by key', () => {
    expect(diffRevisions([{ key: 'x', title: 'A' }], [{ key: 'x', title: 'A', responsible: 'Polisen' }])).toEqual({
      added: [],
      removed: [],
      changed: [{ key: 'x', fields: ['responsible'], before: { key: 'x', title: 'A' }, after: { key: 'x', title: 'A', responsible: 'Polisen' } }],
    });
  });
});
