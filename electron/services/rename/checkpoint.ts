/**
 * Named points inside the rename operations where the kill test stops the process dead. In
 * normal use the variable is unset and a checkpoint does nothing.
 */
export const KILL_AT_VARIABLE = 'MERGE_SPRINT_RENAME_KILL_AT';

export function checkpoint(name: string): void {
  if (process.env[KILL_AT_VARIABLE] === name) process.kill(process.pid, 'SIGKILL');
}
