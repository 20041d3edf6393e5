import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for long imports and generation; silent when stderr is not a
 * terminal (CI, pipes), so logs stay clean.
 */
export function createProgress(): { update(phase: string, done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    update(phase, done, total) {
      if (!started || phase !== current) {
        if (started) bar.stop();
        bar.start(total, done, { phase });
        started = true;
        current = phase;
      } else bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
