import { SignJWT } from 'jose';
import { checkSecretStrength, createTokenVerifier, DEVELOPMENT_JWT_SECRET, signDevelopmentToken } from './tokens';
import { DEVELOPMENT_HOP_SECRET } from './trusted-hop';

const SECRET = 'a-test-secret-of-some-length';
const key = new TextEncoder().encode(SECRET);

describe('bearer tokens', () => {
  const verify = createTokenVerifier({ secret: SECRET });

  it('accepts a signed token that expires', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'lena', municipalityCode: '1281' }, SECRET);
    expect(await verify(`Bearer ${token}`)).toEqual({ role: 'kommun', subject: 'lena', municipalityCode: '1281' });
  });

  it('refuses a token without an expiry: it would be valid for ever', async () => {
    const token = await new SignJWT({ sub: 'lena', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/no expiry/);
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ sub: 'lena', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/expired/);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createTokenVerifier({ secret: SECRET, issuer: 'https://idp.example', audience: 'samverkan-hub' });
    const token = await new SignJWT({ sub: 'lena', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('https://other.example').setAudience('samverkan-hub').setExpirationTime('5m').sign(key);
    await expect(strict(`Bearer ${token}`)).rejects.toThrow(/could not be verified/);
  });
});

describe('secrets in production', () => {
  const production = { NODE_ENV: 'production' };

  it('refuses a missing, empty, development or short secret, naming the setting', () => {
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', undefined, production)).toThrow(/SAMVERKAN_HOP_SECRET must be set/);
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', '', production)).toThrow(/SAMVERKAN_HOP_SECRET must be set/);
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', DEVELOPMENT_HOP_SECRET, production)).toThrow(/development secret is public/);
    expect(() => checkSecretStrength('SAMVERKAN_JWT_SECRET', DEVELOPMENT_JWT_SECRET, production)).toThrow(/development secret is public/);
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', 'short', production)).toThrow(/at least 32 characters/);
  });

  it('accepts a long random secret in production, and anything outside production', () => {
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', 'x'.repeat(16) + 'y'.repeat(16), production)).not.toThrow();
    expect(() => checkSecretStrength('SAMVERKAN_HOP_SECRET', '', {})).not.toThrow();
  });
});
