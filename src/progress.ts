/**
 * A progress reporter per phase, on stderr so stdout stays data: a cli-progress bar (count/total,
 * rate, ETA) on a terminal; otherwise a plain line every few seconds, e.g.
 * "parse: 12000/117324 (10%) 8500/s", which reads well in CI logs.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

export function progress(phase: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? bar(phase, stream) : plain(phase, stream);
}

function bar(phase: string, stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${phase} [{bar}] {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    update(done, total) {
      if (!running) (bar.start(total, 0, { rate: 0 }), (running = true));
      bar.setTotal(total);
      bar.update(done, { rate: rate(done, started) });
    },
    stop: () => running && bar.stop(),
  };
}

function plain(phase: string, stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  let last = started; // the first line after a few seconds: quick runs stay quiet
  let latest = { done: 0, total: 0 };
  const line = ({ done, total }: typeof latest) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    stream.write(`${phase}: ${done}/${total} (${percent}%) ${rate(done, started)}/s\n`);
  };
  return {
    update(done, total) {
      latest = { done, total };
      const now = Date.now();
      if (now - last >= PLAIN_EVERY_MS) (line(latest), (last = now));
    },
    stop: () => last > started && line(latest),
  };
}

function rate(done: number, started: number): number {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  return Math.round(done / seconds);
}
