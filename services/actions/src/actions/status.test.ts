import { checkTransition } from './status';

describe('checkTransition', () => {
  it('lets a planned åtgärd start or be cancelled, and a started one be done or cancelled', () => {
    expect(() => checkTransition('PLANNED', 'ONGOING')).not.toThrow();
    expect(() => checkTransition('PLANNED', 'CANCELLED')).not.toThrow();
    expect(() => checkTransition('ONGOING', 'DONE')).not.toThrow();
    expect(() => checkTransition('ONGOING', 'CANCELLED')).not.toThrow();
  });

  it('refuses the rest, naming what is allowed or that the status is final', () => {
    expect(() => checkTransition('PLANNED', 'DONE')).toThrow('An åtgärd that is PLANNED cannot become DONE; it can become ONGOING or CANCELLED.');
    expect(() => checkTransition('DONE', 'CANCELLED')).toThrow('An åtgärd that is DONE cannot become CANCELLED; it is final.');
    expect(() => checkTransition('ONGOING', 'PLANNED')).toThrow(/it can become DONE or CANCELLED/);
  });
});
