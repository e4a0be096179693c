import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { replicaFetcher, replicaUrls } from './replicas';

describe('replicaUrls', () => {
  it('reads one URL or several separated by commas', () => {
    expect(replicaUrls('http://a:8080/graphql')).toEqual(['http://a:8080/graphql']);
    expect(replicaUrls(' http://a:8080/graphql, http://b:8080/graphql ,')).toEqual(['http://a:8080/graphql', 'http://b:8080/graphql']);
  });
});

describe('fetching from replicas of a subgraph', () => {
  /** A replica that answers with its name, or breaks the connection without answering. */
  async function replica(name: string, behaviour: 'answer' | 'break') {
    const seen: string[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push(body);
        if (behaviour === 'break') request.socket.destroy();
        else response.end(JSON.stringify({ data: { replica: name } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const read = { method: 'POST', body: JSON.stringify({ query: 'query Q__agreements__0 { x }' }) };
  const write = { method: 'POST', body: JSON.stringify({ query: 'mutation M__actions__0 { x }' }) };
  const answerOf = async (response: Response) => ((await response.json()) as { data: { replica: string } }).data.replica;

  it('takes turns', async () => {
    const [a, b] = [await replica('a', 'answer'), await replica('b', 'answer')];
    try {
      const fetcher = replicaFetcher([a.url, b.url], 1000);
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await answerOf(await fetcher('', read)));
      expect(answers).toEqual(['a', 'b', 'a', 'b']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('sends a read or a write that a replica refused to connect to the next one', async () => {
    const gone = await replica('gone', 'answer');
    await gone.close();
    const b = await replica('b', 'answer');
    try {
      const fetcher = replicaFetcher([gone.url, b.url], 1000);
      expect(await answerOf(await fetcher('', read))).toBe('b');
      expect(await answerOf(await fetcher('', write))).toBe('b');
      expect(await answerOf(await fetcher('', write))).toBe('b');
    } finally {
      await b.close();
    }
  });

  it('asks the next replica again when a read\'s connection breaks, but never repeats a write', async () => {
    const [broken, b] = [await replica('broken', 'break'), await replica('b', 'answer')];
    try {
      const fetcher = replicaFetcher([broken.url, b.url], 1000);
      expect(await answerOf(await fetcher('', read))).toBe('b');
      await fetcher('', write); // b's turn: answered
      await expect(fetcher('', write)).rejects.toThrow(); // the broken replica's turn: reported
      expect(broken.seen).toHaveLength(2);
      expect(b.seen.filter((body) => body.includes('mutation'))).toHaveLength(1);
    } finally {
      await Promise.all([broken.close(), b.close()]);
    }
  });
});
