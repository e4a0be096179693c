import { addressProblem, isInternalAddress, privateTargetsAllowed, urlProblem } from './target';

describe('webhook targets', () => {
  it('takes http and https only, without credentials', () => {
    expect(urlProblem('https://app.example.se/hook')).toBeNull();
    expect(urlProblem('http://app.example.se:8080/hook')).toBeNull();
    expect(urlProblem('ftp://app.example.se/hook')).toMatch(/http or https/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/http or https/);
    expect(urlProblem('https://user:pw@app.example.se/')).toMatch(/password/);
    expect(urlProblem('not a url')).toMatch(/not a URL/);
  });

  it('knows internal addresses: loopback, private, link-local, unique-local, mapped', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect([address, isInternalAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect([address, isInternalAddress(address)]).toEqual([address, false]);
    }
  });

  it('refuses internal addresses in production unless SAMVERKAN_WEBHOOK_ALLOW_PRIVATE=1', async () => {
    expect(privateTargetsAllowed({ NODE_ENV: 'production' })).toBe(false);
    expect(privateTargetsAllowed({ NODE_ENV: 'production', SAMVERKAN_WEBHOOK_ALLOW_PRIVATE: '1' })).toBe(true);
    expect(privateTargetsAllowed({})).toBe(true);
    expect(await addressProblem('http://127.0.0.1:4002/graphql', false)).toMatch(/internal address/);
    expect(await addressProblem('http://[::1]:4002/graphql', false)).toMatch(/internal address/);
    expect(await addressProblem('http://localhost:4002/graphql', false)).toMatch(/internal address|could not be resolved/);
    expect(await addressProblem('http://127.0.0.1:4002/graphql', true)).toBeNull();
    expect(await addressProblem('http://93.184.216.34/hook', false)).toBeNull();
  });
});
