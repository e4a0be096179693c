import { changeKind, parsePosition } from './outbox';

describe('the outbox', () => {
  it('derives the kind of a change from the fields before and after it', () => {
    expect(changeKind(null, { state: 'DRAFT' }, ['state', 'title'])).toBe('created');
    expect(changeKind({ title: 'a' }, { title: 'b' }, ['title'])).toBe('updated');
    expect(changeKind({ state: 'DRAFT' }, { state: 'SIGNED' }, ['state', 'signedOn'])).toBe('signed');
    expect(changeKind({ state: 'SIGNED' }, { state: 'WITHDRAWN' }, ['state'])).toBe('withdrawn');
    expect(changeKind({ status: 'PLANNED' }, { status: 'ONGOING' }, ['status'])).toBe('statusChanged');
  });

  it('reads positions as txid:seq and refuses anything else', () => {
    expect(parsePosition('12:34')).toEqual(['12', '34']);
    expect(parsePosition(null)).toBeNull();
    expect(() => parsePosition('12')).toThrow(/not an outbox position/);
    expect(() => parsePosition("1:2' OR 1=1")).toThrow(/not an outbox position/);
  });
});
