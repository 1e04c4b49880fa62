/**
 * The runs a repository has going (build checks, series checks), by run id, so that a Cancel
 * from any board stops the right one and closing the repository stops them all. One registry
 * per repository and kind: a run id from one repository's board cannot reach another's run.
 */
export interface RunRegistry<T> {
  /** Registers a run (aborting one already under that id); its signal aborts on cancel or close. */
  start(runId: string, info: T): AbortSignal;
  finish(runId: string): void;
  /** Cancels a run; false when no run has that id here (it finished, never started, or is another repository's). */
  cancel(runId: string): boolean;
  /** The runs going now, oldest first. */
  list(): Array<T & { runId: string }>;
  /** Cancels every run (the repository is closing). */
  cancelAll(): void;
}

export function createRunRegistry<T>(): RunRegistry<T> {
  const running = new Map<string, { info: T; controller: AbortController }>();
  return {
    start(runId, info) {
      running.get(runId)?.controller.abort();
      const controller = new AbortController();
      running.set(runId, { info, controller });
      return controller.signal;
    },
    finish(runId) {
      running.delete(runId);
    },
    cancel(runId) {
      const run = running.get(runId);
      if (!run) return false;
      run.controller.abort();
      return true;
    },
    list: () => [...running].map(([runId, { info }]) => ({ ...info, runId })),
    cancelAll() {
      for (const { controller } of running.values()) controller.abort();
      running.clear();
    },
  };
}
