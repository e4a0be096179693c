import { Format, type Options, SingleBar } from 'cli-progress';

/**
 * A progress bar for long imports, on a stream (stderr). On a terminal, cli-progress redraws one
 * line (at most ten times a second, the cursor hidden and given back on Ctrl-C). In a log (no
 * terminal) the same line is written once at every tenth, so CI logs stay short and say how far it
 * got; cli-progress's own log mode writes on a timer instead, which tells nothing of a quick import
 * and floods the log of a slow one.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream, label: string, width = 30): ProgressBar {
  const options: Options = {
    stream,
    format: `${label} [{bar}] {percentage}% {value}/{total} rows`,
    formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? value.toLocaleString('sv-SE') : String(value)),
    barsize: width,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    // The formatter takes these derived options ready-made (cli-progress derives them for its own bars).
    barCompleteString: '#'.repeat(width),
    barIncompleteString: '.'.repeat(width),
    autopaddingChar: '',
    barGlue: '',
    hideCursor: true,
    gracefulExit: true,
  };
  return stream.isTTY ? terminalBar(options) : logBar(stream, options);
}

function terminalBar(options: Options): ProgressBar {
  const bar = new SingleBar(options);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      else bar.setTotal(total);
      started = true;
      bar.update(done);
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

function logBar(stream: NodeJS.WriteStream, options: Options): ProgressBar {
  let lastTenth = -1;
  return {
    update(done, total) {
      const progress = total === 0 ? 1 : Math.min(done / total, 1);
      const tenth = Math.floor(progress * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      const params = { progress, value: done, total, eta: 0, startTime: Date.now(), stopTime: null, maxWidth: Infinity };
      stream.write(`${Format.Formatter(options, params, {})}\n`);
    },
    finish() {},
  };
}
