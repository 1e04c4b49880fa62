/** Checks in progress, by run id, so that a Cancel from any board stops the right one. */
const running = new Map<string, AbortController>();

export function startRun(runId: string): AbortSignal {
  running.get(runId)?.abort();
  const controller = new AbortController();
  running.set(runId, controller);
  return controller.signal;
}

export function finishRun(runId: string): void {
  running.delete(runId);
}

/** Cancels a run; false when no run has that id (it finished or never started). */
export function cancelRun(runId: string): boolean {
  const controller = running.get(runId);
  if (!controller) return false;
  controller.abort();
  return true;
}
