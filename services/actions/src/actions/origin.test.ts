import { checkOrigin } from './origin';

describe('checkOrigin', () => {
  it('asks nothing for origins that live in no other subgraph', async () => {
    await expect(checkOrigin({}, 'STEERING_DOCUMENT', 'Trygghetsprogram 2024', '1281')).resolves.toBeUndefined();
    await expect(checkOrigin({}, null, null, '1281')).resolves.toBeUndefined();
  });

  it('says so when the subgraph was started without the agreements subgraph\'s URL', async () => {
    await expect(checkOrigin({}, 'AGREEMENT', 'lund-2024', '1281')).rejects.toMatchObject({
      message: 'Cannot check that Agreement "lund-2024" exists: this subgraph was started without the agreements subgraph\'s URL (peers.agreements).',
      extensions: { code: 'SERVICE_UNAVAILABLE', field: 'originKey' },
    });
  });
});
