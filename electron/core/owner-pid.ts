/**
 * Files that name the process owning something (a lock, a build worktree), so that what a
 * killed process left is told apart from what a live one still uses.
 */
import { readFile } from 'node:fs/promises';

/** Whether a process with this id runs (EPERM: it does, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written in `file` when that process still runs; null when the file is missing, unreadable or names a dead process. */
export async function liveOwnerPid(file: string): Promise<number | null> {
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}
