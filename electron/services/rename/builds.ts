/**
 * Build checks: named shell commands of the sprint ("old layout: make ARCH=xen"), run in a
 * temporary detached worktree of HEAD, never in the user's working tree. The log streams as it
 * comes; a run can be cancelled and has a time limit; the worktree is removed however the run
 * ends; pass or fail is recorded in the plan with the commit it ran on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import type { BuildCheck, BuildRunResult } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { addDetachedWorktree, listWorktrees, pruneWorktrees, removeWorktree } from '../git/worktree';
import type { RenameContext } from './atomic';
import { headCommit } from './rules';

export const DEFAULT_BUILD_TIMEOUT_MS = 30 * 60 * 1000;
/** After SIGTERM, how long a build may take to stop before it is killed. */
const GRACE_MS = 5000;
const FOLDER_PREFIX = 'merge-sprint-build-';

interface Running {
  runId: string;
  buildId: string;
  commit: string;
  stop(reason: 'cancelled' | 'timeout'): void;
}
const running = new Map<string, Running>();

export interface RunningBuild {
  runId: string;
  buildId: string;
  commit: string;
}

export async function listBuilds(ctx: RenameContext): Promise<Result<{ builds: BuildCheck[]; running: RunningBuild[] }>> {
  const { plan } = await ctx.plan.snapshot();
  const builds = plan.buildOrder.map((id) => plan.builds[id]).filter((b): b is BuildCheck => b !== undefined);
  const ids = new Set(builds.map((b) => b.id));
  return ok({ builds, running: [...running.values()].filter((r) => ids.has(r.buildId)).map(({ runId, buildId, commit }) => ({ runId, buildId, commit })) });
}

export async function addBuild(ctx: RenameContext, name: string, command: string): Promise<Result<BuildCheck>> {
  const clean = name.trim();
  if (clean === '') return fail('bad-input', 'A build check needs a name, for example "new layout".');
  if (command.trim() === '') return fail('bad-input', 'A build check needs a command, for example "make ARCH=i386".');
  const { plan } = await ctx.plan.snapshot();
  if (Object.values(plan.builds).some((b) => b.name.toLowerCase() === clean.toLowerCase())) {
    return fail('refused', `There is a build check named ${quotePath(clean)} already: choose another name.`);
  }
  const slug = clean.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'build';
  const build: BuildCheck = { id: `${slug}-${randomBytes(2).toString('hex')}`, name: clean, command, last: null };
  const changed = await ctx.plan.change({ type: 'build.put', build }, ctx.actor);
  return changed.ok ? ok(build) : changed;
}

export async function findBuild(ctx: RenameContext, which: { buildId?: string; name?: string }): Promise<Result<BuildCheck>> {
  const { plan } = await ctx.plan.snapshot();
  const builds = Object.values(plan.builds);
  const found = which.buildId !== undefined ? plan.builds[which.buildId] : builds.find((b) => b.name.toLowerCase() === (which.name ?? '').trim().toLowerCase());
  if (found) return ok(found);
  const known = builds.map((b) => quotePath(b.name)).join(', ') || 'none yet';
  return fail('not-found', `There is no build check ${quotePath(which.buildId ?? which.name ?? '')} (known: ${known}): add it first (build add).`);
}

/** The build's environment: the user's, without git variables that would point git at the user's own repository or index. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return env;
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};

export interface BuildRunOptions {
  timeoutMs?: number;
  onLog?: (chunk: string, runId: string) => void;
}

export interface StartedBuild {
  runId: string;
  buildId: string;
  commit: string;
  done: Promise<BuildRunResult>;
}

/** Starts a build check on HEAD; `done` settles when it ended and the worktree is gone. */
export async function startBuild(ctx: RenameContext, build: BuildCheck, opts: BuildRunOptions = {}): Promise<Result<StartedBuild>> {
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const commit = head.value;
  const folder = await mkdtemp(path.join(os.tmpdir(), FOLDER_PREFIX));
  const tree = path.join(folder, 'tree');
  await writeFile(path.join(folder, 'owner.pid'), String(process.pid));
  try {
    await addDetachedWorktree(ctx.repo, tree, commit);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const runId = `run-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const child = spawn('sh', ['-c', build.command], { cwd: tree, env: buildEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped: BuildRunResult['stopped'] = null;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (reason: 'cancelled' | 'timeout'): void => {
    if (stopped) return;
    stopped = reason;
    killGroup(child, 'SIGTERM');
    killTimer = setTimeout(() => killGroup(child, 'SIGKILL'), GRACE_MS);
  };
  const limit = setTimeout(() => stop('timeout'), opts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS);
  running.set(runId, { runId, buildId: build.id, commit, stop });
  const log = (data: Buffer): void => opts.onLog?.(data.toString('utf8'), runId);
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);

  const done = new Promise<BuildRunResult>((resolve) => {
    const finish = async (exitCode: number | null): Promise<void> => {
      clearTimeout(limit);
      if (killTimer) clearTimeout(killTimer);
      // The command may have left processes behind in its group; they go with the worktree.
      killGroup(child, 'SIGKILL');
      running.delete(runId);
      await removeWorktree(ctx.repo, tree).catch(() => false);
      await rm(folder, { recursive: true, force: true });
      await pruneWorktrees(ctx.repo).catch(() => undefined);
      const result: BuildRunResult = { runId, buildId: build.id, commit, passed: stopped === null && exitCode === 0, exitCode, stopped, at: new Date().toISOString() };
      try {
        const { plan } = await ctx.plan.snapshot();
        const current = plan.builds[build.id];
        if (current) {
          await ctx.plan.change({ type: 'build.put', build: { ...current, last: { commit, passed: result.passed, at: result.at, exitCode } } }, ctx.actor);
        }
      } catch (error) {
        opts.onLog?.(`The result could not be recorded in the plan: ${error instanceof Error ? error.message : String(error)}\n`, runId);
      }
      resolve(result);
    };
    child.on('error', (error) => {
      opts.onLog?.(`Could not start the build: ${error.message}\n`, runId);
      void finish(null);
    });
    child.on('close', (code) => void finish(code));
  });
  return ok({ runId, buildId: build.id, commit, done });
}

/** Stops a running build (its whole process group). */
export function cancelBuild(runId: string): boolean {
  const run = running.get(runId);
  if (!run) return false;
  run.stop('cancelled');
  return true;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes build worktrees left by a process that was killed mid-build (its pid file names a dead process). */
export async function removeLeftoverBuildWorktrees(repo: string): Promise<string[]> {
  const removed: string[] = [];
  for (const wt of await listWorktrees(repo)) {
    const folder = path.dirname(wt.path);
    if (!path.basename(folder).startsWith(FOLDER_PREFIX) || path.basename(wt.path) !== 'tree') continue;
    const owner = Number((await readFile(path.join(folder, 'owner.pid'), 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) continue;
    await removeWorktree(repo, wt.path).catch(() => false);
    await rm(folder, { recursive: true, force: true });
    removed.push(wt.path);
  }
  if (removed.length > 0) await pruneWorktrees(repo);
  return removed;
}
