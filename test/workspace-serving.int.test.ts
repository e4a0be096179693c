import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type RunningGateway, startGateway } from '../gateway/src/gateway';

/**
 * The workspace's files at the gateway: content types, caching, gzip, the Content-Security-Policy,
 * no way out of the folder, and the sign-in settings per environment. The gateway needs no
 * subgraph for any of it (none runs here).
 */

const SECRET = 'hemlig-nyckel-utanfor-arbetsytan';

/** A raw GET, the path sent exactly as written (fetch would normalise `..`). */
function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the workspace served by the gateway', () => {
  let root: string;
  let dist: string;
  let gateway: RunningGateway;
  const script = `console.log(${JSON.stringify('arbetsyta '.repeat(400))});\n`;
  const geojson = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 200 }, (_, i) => ({ type: 'Feature', properties: { code: String(1000 + i) }, geometry: null })) });

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
    dist = path.join(root, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.mkdirSync(path.join(dist, 'geo'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="sv"><title>Arbetsytan</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></html>');
    fs.writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'style-Zx98_w76.css'), 'body{margin:0}');
    fs.writeFileSync(path.join(dist, 'geo', 'municipalities.geojson'), geojson);
    fs.writeFileSync(path.join(dist, '.env'), SECRET);
    fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dist, 'link.txt'));
    gateway = await startGateway({ port: 0, log: false, workspace: { directory: dist } });
  });
  afterAll(async () => {
    await gateway?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache, a CSP allowing only this origin, and nosniff', async () => {
    const response = await rawGet(gateway.port, '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.body.toString()).toContain('<title>Arbetsytan</title>');
  });

  it('gives each file its content type; hashed assets are immutable for a year', async () => {
    const js = await rawGet(gateway.port, '/assets/index-Ab12Cd34.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body.toString()).toBe(script);
    const css = await rawGet(gateway.port, '/assets/style-Zx98_w76.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const geo = await rawGet(gateway.port, '/geo/municipalities.geojson');
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geo.headers['cache-control']).toBe('no-cache');
  });

  it('compresses with gzip when the client accepts it, and answers 304 to a known ETag', async () => {
    const plain = await rawGet(gateway.port, '/geo/municipalities.geojson');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await rawGet(gateway.port, '/geo/municipalities.geojson', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 5);
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(geojson);
    const again = await rawGet(gateway.port, '/geo/municipalities.geojson', { 'if-none-match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('never serves a file outside the folder, a hidden file or a link out of it', async () => {
    const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/.env', '/%2eenv', '/link.txt', '/geo/%00', '/%E0%A4%A'];
    for (const attempt of attempts) {
      const response = await rawGet(gateway.port, attempt);
      expect([attempt, response.status]).toEqual([attempt, 404]);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.body.toString()).not.toContain(SECRET);
    }
  });

  it('answers 404 JSON for an unknown file, 405 for other methods, and leaves GraphQL at /graphql', async () => {
    const missing = await rawGet(gateway.port, '/assets/finns-inte.js');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).errors[0].extensions.code).toBe('NOT_FOUND');
    const post = await fetch(`http://127.0.0.1:${gateway.port}/index.html`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const graphiql = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('GraphiQL');
  });

  it('says how to sign in: a pasted token outside production', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/workspace-config.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ signIn: 'token' });
  });

  describe('in production', () => {
    let production: RunningGateway;
    let oidc: RunningGateway;
    let unbuilt: RunningGateway;
    const strong = (name: string) => `${name}-${'x'.repeat(64)}`;
    beforeAll(async () => {
      const before = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        const secrets = { hopSecret: strong('hop'), tokens: { secret: strong('jwt') } };
        production = await startGateway({ port: 0, log: false, ...secrets, workspace: { directory: dist } });
        oidc = await startGateway({
          port: 0,
          log: false,
          ...secrets,
          workspace: { directory: dist, oidc: { authorizationEndpoint: 'https://idp.example.se/authorize', tokenEndpoint: 'https://login.example.se/token', clientId: 'arbetsyta' } },
        });
        unbuilt = await startGateway({ port: 0, log: false, ...secrets, workspace: { directory: path.join(root, 'inte-byggd') } });
      } finally {
        process.env.NODE_ENV = before;
      }
    });
    afterAll(async () => {
      await Promise.all([production, oidc, unbuilt].map((g) => g?.close()));
    });

    it('offers no sign-in without an identity provider, and OIDC with one (its token endpoint allowed by the CSP)', async () => {
      expect(await (await fetch(`http://127.0.0.1:${production.port}/workspace-config.json`)).json()).toEqual({ signIn: 'none' });
      expect(await (await fetch(`http://127.0.0.1:${oidc.port}/workspace-config.json`)).json()).toEqual({
        signIn: 'oidc',
        oidc: { authorizationEndpoint: 'https://idp.example.se/authorize', tokenEndpoint: 'https://login.example.se/token', clientId: 'arbetsyta', scope: 'openid' },
      });
      const page = await fetch(`http://127.0.0.1:${oidc.port}/`);
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://login.example.se;");
    });

    it('says to run npm run build when the workspace is not built', async () => {
      const response = await fetch(`http://127.0.0.1:${unbuilt.port}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build/);
      expect((await fetch(`http://127.0.0.1:${unbuilt.port}/assets/index-Ab12Cd34.js`)).status).toBe(404);
    });
  });
});
