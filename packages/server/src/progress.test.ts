import { progressBar } from './progress';

function logStream(): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY: false, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('the import progress bar in a log', () => {
  it('writes a line at every tenth, not at every update', () => {
    const stream = logStream();
    const bar = progressBar(stream, 'syd.csv', 10);
    for (let done = 0; done <= 20_000; done += 2_000) bar.update(done, 20_000);
    bar.update(20_000, 20_000);
    bar.finish();
    const lines = stream.text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('syd.csv [..........] 0% 0/20\u00a0000 rows');
    expect(lines[5]).toBe('syd.csv [#####.....] 50% 10\u00a0000/20\u00a0000 rows');
    expect(lines[10]).toBe('syd.csv [##########] 100% 20\u00a0000/20\u00a0000 rows');
  });

  it('shows an empty file as done', () => {
    const stream = logStream();
    progressBar(stream, 'tom.csv', 4).update(0, 0);
    expect(stream.text).toBe('tom.csv [####] 100% 0/0 rows\n');
  });
});
