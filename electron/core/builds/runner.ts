/**
 * The build runner of the rename plan's build checks and of the series check's build after
 * each patch: a named shell command run in a temporary detached worktree of a commit, never in
 * the user's working tree. The command runs in its own process group, so that a cancel or the
 * time limit also stops what it started (make, compilers); its log streams as it comes; the
 * worktree is removed however the run ends, and one left by a killed process is found by the
 * owner's pid beside it and removed at recovery.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addDetachedWorktree, listWorktrees, pruneWorktrees, removeWorktree } from '../git/worktree';
import { liveOwnerPid } from '../owner-pid';

export const DEFAULT_BUILD_TIMEOUT_MS = 30 * 60 * 1000;
/** After SIGTERM, how long a build may take to stop before it is killed. */
const GRACE_MS = 5000;
const FOLDER_PREFIX = 'merge-sprint-build-';
const TREE = 'tree';
const OWNER_FILE = 'owner.pid';

export interface BuildWorktree {
  /** The run's own temporary folder: the worktree is `tree` in it, and scratch files may go beside it. */
  folder: string;
  tree: string;
  /** Removes the worktree and the folder. Never throws: a registration git could not drop is pruned at recovery. */
  remove(): Promise<void>;
}

async function removeBuildFolder(repo: string, folder: string): Promise<void> {
  await removeWorktree(repo, path.join(folder, TREE)).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
}

/** Adds a detached worktree of `commit` in a new temporary folder marked with this process's pid. */
export async function openBuildWorktree(repo: string, commit: string, opts: { checkout: boolean } = { checkout: true }): Promise<BuildWorktree> {
  const folder = await mkdtemp(path.join(os.tmpdir(), FOLDER_PREFIX));
  const remove = (): Promise<void> => removeBuildFolder(repo, folder).catch(() => undefined);
  try {
    await writeFile(path.join(folder, OWNER_FILE), String(process.pid));
    await addDetachedWorktree(repo, path.join(folder, TREE), commit, opts);
  } catch (error) {
    await remove();
    throw error;
  }
  return { folder, tree: path.join(folder, TREE), remove };
}

/** Removes build worktrees left by a process that was killed mid-build (their pid file names a dead process). */
export async function removeLeftoverBuildWorktrees(repo: string): Promise<string[]> {
  const removed: string[] = [];
  for (const wt of await listWorktrees(repo)) {
    const folder = path.dirname(wt.path);
    if (!path.basename(folder).startsWith(FOLDER_PREFIX) || path.basename(wt.path) !== TREE) continue;
    if ((await liveOwnerPid(path.join(folder, OWNER_FILE))) !== null) continue;
    await removeBuildFolder(repo, folder);
    removed.push(wt.path);
  }
  if (removed.length > 0) await pruneWorktrees(repo);
  return removed;
}

export type StopReason = 'cancelled' | 'timeout';

export interface CommandOutcome {
  /** Null when a signal ended the command, or it could not start. */
  exitCode: number | null;
  /** Why the runner stopped it, if it did. */
  stopped: StopReason | null;
  /** Ran to the end by itself and exited 0. */
  passed: boolean;
}

export interface CommandOptions {
  onLog?: (chunk: string) => void;
  /** Aborting stops the command ('cancelled'). */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The build's environment: the user's, without git variables that would point git at the user's own repository or index. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.toUpperCase().startsWith('GIT_')) env[k] = v;
  return env;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Runs `command` with `sh -c` in `cwd`; settles once it ended and its output is read. */
export function runBuildCommand(command: string, cwd: string, opts: CommandOptions = {}): Promise<CommandOutcome> {
  const log = opts.onLog ?? (() => undefined);
  if (opts.signal?.aborted) return Promise.resolve({ exitCode: null, stopped: 'cancelled', passed: false });
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env: buildEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stopped: StopReason | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (reason: StopReason): void => {
      if (stopped) return;
      stopped = reason;
      killGroup(child, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(child, 'SIGKILL'), GRACE_MS);
    };
    const onAbort = (): void => stop('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const limit = setTimeout(() => stop('timeout'), opts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS);
    child.stdout.on('data', (data: Buffer) => log(data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => log(data.toString('utf8')));
    // Processes the command left behind in its group would keep the log open: they go with it.
    child.on('exit', () => killGroup(child, 'SIGKILL'));
    let settled = false;
    const finish = (exitCode: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(limit);
      if (killTimer) clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, stopped, passed: stopped === null && exitCode === 0 });
    };
    child.on('error', (error) => {
      log(`Could not start the build: ${error.message}\n`);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}
