import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from './tokens';

/** Production verifies tokens against a JWKS (an identity provider's public keys); served here on loopback. */
describe('bearer tokens checked against a JWKS', () => {
  let server: http.Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, string>, kid?: string) => Promise<string>;

  beforeAll(async () => {
    const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (claims, kid = 'idp-key-1') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setIssuer('https://idp.example').setAudience('samverkan-hub').setExpirationTime('5m').sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts a token signed by a key in the set, with the expected issuer and audience', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer: 'https://idp.example', audience: 'samverkan-hub' });
    expect(await verify(`Bearer ${await sign({ sub: 'karin', role: 'analyst', region: 'SYD' })}`)).toEqual({ role: 'analyst', subject: 'karin', policeRegionCode: 'SYD' });
  });

  it('refuses a token for another audience, and one signed with an unknown key', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer: 'https://idp.example', audience: 'another-app' });
    await expect(verify(`Bearer ${await sign({ sub: 'karin', role: 'admin' })}`)).rejects.toThrow(/could not be verified/);
    const strict = createTokenVerifier({ jwksUrl });
    await expect(strict(`Bearer ${await sign({ sub: 'karin', role: 'admin' }, 'unknown-key')}`)).rejects.toThrow(/could not be verified/);
  });
});
