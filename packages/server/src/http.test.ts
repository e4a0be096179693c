import { ApolloServer } from '@apollo/server';
import { createLogger, type LogLevel } from '@samverkan/log';
import http from 'node:http';
import net from 'node:net';
import { createGraphQLHttpHandler } from './http';

describe('the GraphQL HTTP handler', () => {
  it('takes a client that hangs up in the middle of its request for what it is, not for an error of ours', async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hej' } } });
    await apollo.start();
    const lines: { level: LogLevel; line: string }[] = [];
    const log = createLogger('test', { level: 'debug', format: 'json', write: (line, level) => lines.push({ level, line }) });
    const handler = createGraphQLHttpHandler({ server: apollo, context: async () => ({}), log });
    let handled!: Promise<void>;
    const server = http.createServer((request, response) => {
      handled = handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.address() as net.AddressInfo;
      // A body announced as 100 bytes, 10 sent, then the connection is gone.
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":"');
      while (!handled) await new Promise((resolve) => setTimeout(resolve, 5));
      socket.destroy();
      await handled;
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(lines.map((l) => JSON.parse(l.line) as { msg: string })).toEqual([expect.objectContaining({ msg: 'the client closed the connection before its answer' })]);

      // A request that arrives whole is answered.
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' });
      expect(await answer.json()).toEqual({ data: { hello: 'hej' } });
    } finally {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
    }
  });
});
