import { checkOriginExists } from './origin';

describe('checkOriginExists', () => {
  it('asks nothing for origins that live in no other subgraph', async () => {
    await expect(checkOriginExists({}, 'STEERING_DOCUMENT', 'Trygghetsprogram 2024')).resolves.toBeUndefined();
    await expect(checkOriginExists({}, null, null)).resolves.toBeUndefined();
  });

  it('says so when the subgraph was started without the agreements subgraph\'s URL', async () => {
    await expect(checkOriginExists({}, 'AGREEMENT', 'lund-2024')).rejects.toMatchObject({
      message: 'Cannot check that Agreement "lund-2024" exists: this subgraph was started without the agreements subgraph\'s URL (peers.agreements).',
      extensions: { code: 'SERVICE_UNAVAILABLE', field: 'originKey' },
    });
  });
});
