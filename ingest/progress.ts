/**
 * A one-line progress bar on a terminal (stderr), silent when stderr is not a TTY (CI, pipes,
 * --json), so logs stay clean.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => undefined, finish: () => undefined };
  const started = Date.now();
  let last = 0;
  const draw = (done: number) => {
    const width = 30;
    const share = Math.min(1, done / total);
    const filled = Math.round(share * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate}/s `);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      draw(done);
    },
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}
