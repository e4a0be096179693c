/**
 * A progress bar for long imports, on a stream (stderr). On a terminal it redraws one line; in a
 * log (no terminal) it writes a line at every tenth, so CI logs stay short.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream, label: string, options: { width?: number; interactive?: boolean } = {}): ProgressBar {
  const width = options.width ?? 30;
  const interactive = options.interactive ?? Boolean(stream.isTTY);
  let lastTenth = -1;
  let drawn = false;
  const format = (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('sv-SE')}/${total.toLocaleString('sv-SE')} rows`;
  };
  return {
    update(done, total) {
      if (interactive) {
        stream.write(`\r${format(done, total)}`);
        drawn = true;
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${format(done, total)}\n`);
      }
    },
    finish() {
      if (interactive && drawn) stream.write('\n');
    },
  };
}
