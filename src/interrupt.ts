/**
 * Ctrl-C (SIGINT) and SIGTERM during a build: the parts of a build that hold something (the
 * progress bars, the indexer processes, the staging folder, the lock) register how to let it go,
 * and the command's handler runs them all, newest first, before it exits. Each step is
 * synchronous, so nothing of the build runs between them.
 */
const steps = new Set<() => void>();

/** Registers a step to run on interruption; returns the function that unregisters it. */
export function onInterrupt(step: () => void): () => void {
  steps.add(step);
  return () => void steps.delete(step);
}

/** Runs every registered step, newest first; a failing step does not stop the others. */
export function runInterruptSteps(): void {
  for (const step of [...steps].reverse()) {
    try {
      step();
    } catch {
      // the process is stopping: what could not be let go, the next build clears
    }
  }
  steps.clear();
}
