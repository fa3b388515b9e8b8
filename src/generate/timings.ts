/**
 * When each phase of a build ran, for the report and the benchmark: phases may overlap (the search
 * index is built while the pages are written), so each has its own start and end, in ms since the
 * process started, printed as "search index    41.2 s (3.0–44.2 s since the build started)".
 */
export interface PhaseTiming {
  name: string;
  startMs: number;
  endMs: number;
}

export class Timings {
  readonly phases: PhaseTiming[] = [];

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** Runs one phase, records its times and prints how long it took, and when, as it ends. */
  async run<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const startMs = performance.now();
    const result = await work();
    const endMs = performance.now();
    this.phases.push({ name, startMs: Math.round(startMs), endMs: Math.round(endMs) });
    const s = (ms: number) => (ms / 1000).toFixed(1);
    this.log(
      `${name.padEnd(14)} ${s(endMs - startMs)} s (${s(startMs)}–${s(endMs)} s since the build started)`,
    );
    return result;
  }
}
