/**
 * The rename operations' own bookkeeping, in the git folder (never the working tree): a lock
 * that keeps two operations from running at once, and a journal that says which commit an
 * operation is about to put on the branch, so that a run killed at any point can be finished
 * or forgotten on the next start.
 */
import { link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import type { PlanChange } from '../../../shared/plan/events';
import type { RenameRule } from '../../../shared/rename/model';
import { liveOwnerPid } from '../owner-pid';

export interface Journal {
  op: 'copy' | 'sync' | 'finish' | 'abandon' | 'upstream' | 'pickup' | 'switch-refs';
  ruleId: string;
  branch: string;
  /** The branch's commit before the operation. */
  before: string;
  /** The branch's commit after it (the new commit, or for a dropped copy its parent). */
  after: string;
  /** True when `after` is a new commit on top of `before`; false when the branch moves back. */
  forward: boolean;
  /** Files and folders whose index entries and files follow the branch. */
  paths: string[];
  /**
   * The rule as the plan records it once the branch moved. An upstream move and a pick-up
   * record `changes` instead, and their rule only names them in messages (from: the old upstream
   * ref or the fork's ref, to: the new upstream ref or the sprint branch).
   */
  rule: RenameRule;
  /** Plan changes recorded once the branch moved, in place of the rule. */
  changes?: PlanChange[];
}

/** Each operation in words, for messages about it. */
export const OPERATION_WORDS: Record<Journal['op'], string> = {
  copy: 'interim copy',
  sync: 'sync',
  finish: 'finish move',
  abandon: 'abandon copy',
  upstream: 'upstream move',
  pickup: 'pick-up',
  'switch-refs': 'reference switch',
};

/** `the interim copy of "a" -> "b"`: the journal's operation, named for a message. */
export const journalWords = (journal: Pick<Journal, 'op' | 'rule'>): string =>
  `the ${OPERATION_WORDS[journal.op]} of ${quotePath(journal.rule.from)} -> ${quotePath(journal.rule.to)}`;

export const stateDir = (gitDir: string): string => path.join(gitDir, 'merge-sprint');
const journalFile = (gitDir: string): string => path.join(stateDir(gitDir), 'rename-journal.json');
const lockFile = (gitDir: string): string => path.join(stateDir(gitDir), 'rename.lock');

/**
 * Writes the journal whole or not at all: a temporary file renamed over it. Not flushed to disk:
 * it guards against the process being killed, like git's own ref and index writes (which do not
 * fsync either by default), and a flush would wait for every other pending write of the disk.
 */
export async function writeJournal(gitDir: string, journal: Journal): Promise<void> {
  await mkdir(stateDir(gitDir), { recursive: true });
  const tmp = `${journalFile(gitDir)}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(journal));
  await rename(tmp, journalFile(gitDir));
}

export async function readJournal(gitDir: string): Promise<Journal | null> {
  try {
    return JSON.parse(await readFile(journalFile(gitDir), 'utf8')) as Journal;
  } catch {
    return null;
  }
}

export async function clearJournal(gitDir: string): Promise<void> {
  await rm(journalFile(gitDir), { force: true });
}

export type LockOutcome = { held: true; stale: boolean } | { held: false; pid: number };

let lockAttempt = 0;

/**
 * Takes the operations' lock. A lock left by a process that no longer runs (killed mid-way) is
 * ours to take over: `stale` tells the caller to recover first.
 */
export async function takeLock(gitDir: string): Promise<LockOutcome> {
  await mkdir(stateDir(gitDir), { recursive: true });
  // The lock appears with its pid already inside (a hard link of a written file), so no reader
  // ever sees an empty lock and takes it for a dead one. The file's name is this attempt's own
  // (several can run at once: a window opening while the command line runs), starting with the pid.
  const mine = `${lockFile(gitDir)}.${process.pid}-${(++lockAttempt).toString(36)}`;
  await writeFile(mine, String(process.pid));
  try {
    let stale = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, lockFile(gitDir));
        return { held: true, stale };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Released between our link and this read: try again, removing nothing.
        if ((await readFile(lockFile(gitDir)).catch(() => null)) === null) continue;
        // Our own pid counts as live: one process never takes its own lock twice.
        const owner = await liveOwnerPid(lockFile(gitDir));
        if (owner !== null) return { held: false, pid: owner };
        await rm(lockFile(gitDir), { force: true });
        stale = true;
      }
    }
    return { held: false, pid: 0 };
  } finally {
    await rm(mine, { force: true });
  }
}

export async function releaseLock(gitDir: string): Promise<void> {
  await rm(lockFile(gitDir), { force: true });
}

/** Where an operation builds its temporary index: inside the git folder, so a killed run's leftovers are found and removed. */
export async function scratchDir(gitDir: string): Promise<string> {
  await mkdir(stateDir(gitDir), { recursive: true });
  const dir = path.join(stateDir(gitDir), `tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(dir);
  return dir;
}

/** A lock file of one attempt to take the lock: `rename.lock.PID-N` (`rename.lock.PID` before). */
const LOCK_ATTEMPT = /^rename\.lock\.\d+(-[0-9a-z]+)?$/;

/**
 * Removes what killed runs left: scratch folders, a journal that was never renamed into place,
 * lock files of their own that never became the lock. Called with the lock held, so no live
 * run owns a scratch folder or a journal; lock files of attempts still running (they are made
 * before the lock is held) name a live process and stay.
 */
export async function removeScratchLeftovers(gitDir: string): Promise<void> {
  const dir = stateDir(gitDir);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const leftover = async (e: string): Promise<boolean> =>
    e.startsWith('tmp-') || e.endsWith('.tmp') || (LOCK_ATTEMPT.test(e) && (await liveOwnerPid(path.join(dir, e))) === null);
  await Promise.all(entries.map(async (e) => ((await leftover(e)) ? rm(path.join(dir, e), { recursive: true, force: true }) : undefined)));
}
