/**
 * Named points inside the rename operations where the kill test stops the process dead:
 * `MERGE_SPRINT_RENAME_KILL_AT=copy:after-ref` kills at the first time that point is reached,
 * `copy:after-ref#2` at the second (the second rule of a batch). The rename benchmark watches
 * them to time the steps in between. In normal use the variable is unset, nobody watches, and a
 * checkpoint does nothing.
 */
export const KILL_AT_VARIABLE = 'MERGE_SPRINT_RENAME_KILL_AT';

const reached = new Map<string, number>();
let watcher: ((name: string) => void) | null = null;

/** Calls `listener` at every checkpoint reached (null: stop). */
export function watchCheckpoints(listener: ((name: string) => void) | null): void {
  watcher = listener;
}

export function checkpoint(name: string): void {
  watcher?.(name);
  const target = process.env[KILL_AT_VARIABLE];
  if (target === undefined) return;
  const count = (reached.get(name) ?? 0) + 1;
  reached.set(name, count);
  if (target === name || target === `${name}#${count}`) process.kill(process.pid, 'SIGKILL');
}
