/**
 * A progress reporter per phase, on stderr so stdout stays data: a cli-progress bar (count/total,
 * what is counted, rate, ETA) on a terminal; otherwise a plain line every few seconds, e.g.
 * "collect: 12000/117324 files parsed (10%), 8500 a second", which reads well in CI logs. A build
 * stopped by Ctrl-C stops its bar, which shows the cursor again (interrupt.ts).
 */
import cliProgress from "cli-progress";
import { onInterrupt } from "./interrupt.ts";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

/** `unit`: what the count is of ("files parsed", "article pages written"). */
export function progress(
  phase: string,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const shown = stream.isTTY ? bar(phase, unit, stream) : plain(phase, unit, stream);
  const forget = onInterrupt(() => shown.stop());
  return { update: shown.update, stop: () => (forget(), shown.stop()) };
}

function bar(phase: string, unit: string, stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${phase} [{bar}] {value}/{total} ${unit} {percentage}% | {rate} a second | ETA {eta_formatted}`,
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
    stop: () => {
      if (running) (bar.stop(), (running = false));
    },
  };
}

function plain(phase: string, unit: string, stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  let last = started; // the first line after a few seconds: quick runs stay quiet
  let latest = { done: 0, total: 0 };
  const line = ({ done, total }: typeof latest) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    stream.write(
      `${phase}: ${done}/${total} ${unit} (${percent}%), ${rate(done, started)} a second\n`,
    );
  };
  return {
    update(done, total) {
      latest = { done, total };
      const now = Date.now();
      if (now - last >= PLAIN_EVERY_MS) (line(latest), (last = now));
    },
    stop: () => {
      if (last > started) (line(latest), (last = started));
    },
  };
}

function rate(done: number, started: number): number {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  return Math.round(done / seconds);
}
