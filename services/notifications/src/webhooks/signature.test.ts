import { createHmac } from 'node:crypto';
import { newSecret, SIGNATURE_HEADER, signatureOf, signedHeaders, TIMESTAMP_HEADER, verifySignature } from './signature';

describe('webhook signatures', () => {
  const body = '{"id":"e-1","type":"action.updated"}';
  const now = Date.UTC(2026, 11, 2, 10, 0, 0);

  it('makes secrets of 32 random bytes, never the same twice', () => {
    const a = newSecret();
    expect(a).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(newSecret()).not.toBe(a);
  });

  it('signs timestamp "." raw body with HMAC-SHA256 under the secret, as the docs say a receiver computes it', () => {
    const headers = signedHeaders('s3cret', 'e-1', body, now);
    const timestamp = headers[TIMESTAMP_HEADER]!;
    expect(timestamp).toBe(String(now / 1000));
    expect(headers[SIGNATURE_HEADER]).toBe(`v1=${createHmac('sha256', 's3cret').update(`${timestamp}.${body}`).digest('hex')}`);
  });

  it('verifies a good signature and refuses another body, another secret, or a timestamp over five minutes away', () => {
    const headers = signedHeaders('s3cret', 'e-1', body, now);
    const given = { timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER] };
    expect(verifySignature('s3cret', given, body, now + 299_000)).toBe(true);
    expect(verifySignature('s3cret', given, `${body} `, now)).toBe(false);
    expect(verifySignature('other', given, body, now)).toBe(false);
    expect(verifySignature('s3cret', given, body, now + 301_000)).toBe(false);
    expect(verifySignature('s3cret', { ...given, signature: signatureOf('s3cret', now / 1000 + 1, body) }, body, now)).toBe(false);
    expect(verifySignature('s3cret', { timestamp: undefined, signature: given.signature }, body, now)).toBe(false);
  });
});
