import { ANONYMOUS, type Actor, AuthenticationError } from '@samverkan/schema';
import type { IncomingMessage } from 'node:http';
import { actorOfRequest } from './context';

const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;

describe('the actor of a request', () => {
  it('verifies a token once per request, however often it is asked', async () => {
    const kommun: Actor = { role: 'kommun', subject: 'k', municipalityCode: '1281' };
    const verify = jest.fn(async (authorization: string | undefined) => (authorization ? kommun : ANONYMOUS));
    const actorOf = actorOfRequest(verify);
    const first = request('Bearer a');
    expect(await actorOf(first)).toBe(kommun);
    expect(await actorOf(first)).toBe(kommun);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(await actorOf(request())).toBe(ANONYMOUS);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('refuses a bad token with the same error each time it is asked', async () => {
    const verify = jest.fn(async () => {
      throw new AuthenticationError('the token has expired');
    });
    const actorOf = actorOfRequest(verify);
    const bad = request('Bearer x');
    await expect(actorOf(bad)).rejects.toThrow('the token has expired');
    await expect(actorOf(bad)).rejects.toThrow('the token has expired');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
