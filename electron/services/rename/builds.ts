/**
 * Build checks: named shell commands of the sprint ("old layout: make ARCH=xen"), run on HEAD
 * by the build runner (a temporary worktree, streamed log, cancel, time limit); pass or fail is
 * recorded in the plan with the commit it ran on. The series check runs the same checks after
 * each patch through the same runner.
 */
import { randomBytes } from 'node:crypto';
import { quotePath } from '../../../shared/paths';
import type { BuildCheck, BuildRunResult } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { openBuildWorktree, runBuildCommand } from '../builds/runner';
import type { RenameContext } from './atomic';
import { headCommit } from './rules';

/** Recovery of the rename operations also removes the worktrees of builds a killed process left. */
export { removeLeftoverBuildWorktrees } from '../builds/runner';

export interface RunningBuild {
  runId: string;
  buildId: string;
  commit: string;
}
const running = new Map<string, RunningBuild & { controller: AbortController }>();

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
  const changed = await ctx.plan.record({ type: 'build.put', build }, ctx.actor);
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

/** Records the run's outcome as the build's last result in the plan. */
async function recordResult(ctx: RenameContext, result: BuildRunResult): Promise<void> {
  const { plan } = await ctx.plan.snapshot();
  const current = plan.builds[result.buildId];
  if (!current) return;
  const last = { commit: result.commit, passed: result.passed, at: result.at, exitCode: result.exitCode };
  await ctx.plan.record({ type: 'build.put', build: { ...current, last } }, ctx.actor);
}

/** Starts a build check on HEAD; `done` settles when it ended, the worktree is gone and the result is in the plan. */
export async function startBuild(ctx: RenameContext, build: BuildCheck, opts: BuildRunOptions = {}): Promise<Result<StartedBuild>> {
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const commit = head.value;
  const worktree = await openBuildWorktree(ctx.repo, commit);
  const runId = `run-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const controller = new AbortController();
  running.set(runId, { runId, buildId: build.id, commit, controller });
  const log = (chunk: string): void => opts.onLog?.(chunk, runId);
  const run = async (): Promise<BuildRunResult> => {
    const outcome = await runBuildCommand(build.command, worktree.tree, { onLog: log, signal: controller.signal, timeoutMs: opts.timeoutMs });
    running.delete(runId);
    await worktree.remove();
    const result: BuildRunResult = { runId, buildId: build.id, commit, ...outcome, at: new Date().toISOString() };
    try {
      await recordResult(ctx, result);
    } catch (error) {
      log(`The result could not be recorded in the plan: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return result;
  };
  return ok({ runId, buildId: build.id, commit, done: run() });
}

/** Stops a running build (its whole process group). */
export function cancelBuild(runId: string): boolean {
  const run = running.get(runId);
  if (!run) return false;
  run.controller.abort();
  return true;
}
