import { ANONYMOUS } from './actor';
import { ACTOR_HEADER, signActorHeaders, verifyActorHeaders } from './trusted-hop';
import { AuthenticationError, createTokenVerifier, signDevelopmentToken } from './tokens';

const police = { role: 'police' as const, subject: 'karin', localPoliceAreaId: 'lund', policeRegionCode: 'SYD' };

describe('the trusted hop', () => {
  const now = 1_700_000_000_000;
  it('carries the actor with a valid signature', () => {
    expect(verifyActorHeaders(signActorHeaders(police, 's3cret', now), 's3cret', now + 1000)).toEqual({ actor: police });
  });
  it('treats missing headers as anonymous', () => expect(verifyActorHeaders({}, 's3cret', now)).toEqual({ actor: ANONYMOUS }));
  it('refuses a signature made with another secret', () => {
    expect(verifyActorHeaders(signActorHeaders(police, 'guess', now), 's3cret', now)).toEqual({ actor: ANONYMOUS, rejected: 'bad actor signature' });
  });
  it('refuses a changed actor', () => {
    const headers = signActorHeaders(police, 's3cret', now);
    headers[ACTOR_HEADER] = Buffer.from(JSON.stringify({ role: 'admin', subject: 'karin' })).toString('base64url');
    expect(verifyActorHeaders(headers, 's3cret', now).rejected).toBe('bad actor signature');
  });
  it('refuses a stale signature (replay)', () => {
    expect(verifyActorHeaders(signActorHeaders(police, 's3cret', now), 's3cret', now + 120_000).rejected).toBe('stale actor signature');
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
