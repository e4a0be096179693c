import { ANONYMOUS } from './actor';
import { ACTOR_HEADER, type HopRequest, signActorHeaders, verifyActorHeaders } from './trusted-hop';
import { AuthenticationError, createTokenVerifier, signDevelopmentToken } from './tokens';

const police = { role: 'police' as const, subject: 'karin', localPoliceAreaId: 'lund', policeRegionCode: 'SYD' };

describe('the trusted hop', () => {
  const now = 1_700_000_000_000;
  const request: HopRequest = { subgraph: 'agreements', query: '{ viewer { role } }' };
  const sign = (secret = 's3cret', at = now, signedFor: HopRequest = request) => signActorHeaders(police, secret, signedFor, at);
  it('carries the actor with a valid signature', () => {
    expect(verifyActorHeaders(sign(), 's3cret', request, now + 1000)).toEqual({ actor: police, signed: true });
  });
  it('treats missing headers as anonymous', () => expect(verifyActorHeaders({}, 's3cret', request, now)).toEqual({ actor: ANONYMOUS }));
  it('refuses a signature made with another secret', () => {
    expect(verifyActorHeaders(sign('guess'), 's3cret', request, now)).toEqual({ actor: ANONYMOUS, rejected: 'bad actor signature' });
  });
  it('refuses a changed actor', () => {
    const headers = sign();
    headers[ACTOR_HEADER] = Buffer.from(JSON.stringify({ role: 'admin', subject: 'karin' })).toString('base64url');
    expect(verifyActorHeaders(headers, 's3cret', request, now).rejected).toBe('bad actor signature');
  });
  it('refuses a stale signature (replay)', () => {
    expect(verifyActorHeaders(sign(), 's3cret', request, now + 20_000).rejected).toBe('stale actor signature');
  });
  it('refuses headers replayed for another operation, other variables or another subgraph', () => {
    const mutation = { subgraph: 'agreements', query: 'mutation ($i: AgreementDraftInput!) { createAgreementDraft(input: $i) { id } }', variables: { i: { title: 'x' } } };
    expect(verifyActorHeaders(sign(), 's3cret', mutation, now).rejected).toBe('bad actor signature');
    const signedMutation = sign('s3cret', now, mutation);
    expect(verifyActorHeaders(signedMutation, 's3cret', mutation, now)).toEqual({ actor: police, signed: true });
    expect(verifyActorHeaders(signedMutation, 's3cret', { ...mutation, variables: { i: { title: 'y' } } }, now).rejected).toBe('bad actor signature');
    expect(verifyActorHeaders(signedMutation, 's3cret', { ...mutation, subgraph: 'actions' }, now).rejected).toBe('bad actor signature');
  });
  it('signs the request, not its spelling: variables in another key order, or empty, verify alike', () => {
    const withVariables = { subgraph: 'actions', query: 'query ($a: Int, $b: Int) { x }', variables: { a: 1, b: { c: 2, d: [3] } } };
    const headers = sign('s3cret', now, withVariables);
    expect(verifyActorHeaders(headers, 's3cret', { ...withVariables, variables: { b: { d: [3], c: 2 }, a: 1 } }, now)).toEqual({ actor: police, signed: true });
    expect(verifyActorHeaders(sign('s3cret', now, { ...request, variables: {} }), 's3cret', request, now)).toEqual({ actor: police, signed: true });
  });
});

describe('bearer tokens', () => {
  const verify = createTokenVerifier({ secret: 'jwt-secret' });
  it('gives the actor of a valid token, and anonymous without one', async () => {
    expect(await verify(`Bearer ${await signDevelopmentToken(police, 'jwt-secret')}`)).toEqual(police);
    expect(await verify(undefined)).toEqual(ANONYMOUS);
  });
  it.each([
    ['Token abc', /must be "Bearer <token>"/],
    ['Bearer not.a.jwt', /could not be verified/],
  ])('refuses %s', async (header, message) => {
    await expect(verify(header)).rejects.toThrow(AuthenticationError);
    await expect(verify(header)).rejects.toThrow(message);
  });
  it('refuses a token whose claims do not describe an actor', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ role: 'kommun', sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(new TextEncoder().encode('jwt-secret'));
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/needs the claim "kommun"/);
  });
});
