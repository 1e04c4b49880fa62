/**
 * Build checks: named checks of the sprint ("old layout"), each run on HEAD by the build runner
 * (a temporary worktree, streamed log, cancel, time limit); pass or fail is recorded in the plan
 * with the commit it ran on. The plan holds only the name and the last result: what runs is the
 * clone's own command (../builds/commands.ts), so a plan fetched from elsewhere never decides
 * what this machine executes. The series check runs the same checks after each patch.
 */
import { randomBytes } from 'node:crypto';
import { quotePath } from '../../../shared/paths';
import type { BuildCheck, BuildRunResult, LocalBuildCheck } from '../../../shared/rename/model';
import { newBuildNameSchema } from '../../../shared/rename/schema';
import { fail, ok, type Result } from '../../../shared/result';
import { buildCommandOf, readBuildCommands, removeBuildCommand, withLocalCommands, writeBuildCommand } from '../builds/commands';
import { openBuildWorktree, runBuildCommand } from '../builds/runner';
import type { PlanAccess, RepoServices, RunningBuild } from '../context';
import { headCommit } from './rules';

/** Recovery of the rename operations also removes the worktrees of builds a killed process left. */
export { removeLeftoverBuildWorktrees } from '../builds/runner';

export type { RunningBuild } from '../context';

/** What running a build check needs: the plan, and the repository's registry of runs it is cancelled through. */
export type BuildAccess = PlanAccess & Pick<RepoServices, 'builds'>;

export async function listBuilds(ctx: BuildAccess): Promise<Result<{ builds: LocalBuildCheck[]; running: RunningBuild[] }>> {
  const { plan } = await ctx.plan.snapshot();
  const builds = plan.buildOrder.map((id) => plan.builds[id]).filter((b): b is BuildCheck => b !== undefined);
  const ids = new Set(builds.map((b) => b.id));
  return ok({
    builds: await withLocalCommands(ctx.repo, builds),
    running: ctx.builds.list().filter((r) => ids.has(r.buildId)).map(({ runId, buildId, commit }) => ({ runId, buildId, commit })),
  });
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function checkCommand(command: string): Result<string> {
  return command.trim() === '' ? fail('bad-input', 'A build check needs a command, for example "make ARCH=i386".') : ok(command);
}

/**
 * Adds a build check: its command goes into this clone's git config, its name into the plan.
 * For a build the plan already names but this clone does not define (a plan from elsewhere),
 * it defines the command here and leaves the plan alone.
 */
export async function addBuild(ctx: PlanAccess, name: string, command: string): Promise<Result<LocalBuildCheck>> {
  const parsed = newBuildNameSchema.safeParse(name);
  if (!parsed.success) {
    return fail('bad-input', name.trim() === '' ? 'A build check needs a name, for example "new layout".' : (parsed.error.issues[0]?.message ?? 'Not a build check name.'));
  }
  const clean = parsed.data;
  const cmd = checkCommand(command);
  if (!cmd.ok) return cmd;
  const { plan } = await ctx.plan.snapshot();
  const existing = Object.values(plan.builds).find((b) => sameName(b.name, clean));
  if (existing) {
    const defined = (await readBuildCommands(ctx.repo)).get(existing.name);
    if (defined?.trim()) {
      return fail('refused', `There is a build check named ${quotePath(existing.name)} already, defined on this machine: choose another name, or change its command (build set-command).`);
    }
    await writeBuildCommand(ctx.repo, existing.name, command);
    return ok({ ...existing, command });
  }
  const slug = clean.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'build';
  const build: BuildCheck = { id: `${slug}-${randomBytes(2).toString('hex')}`, name: clean, last: null };
  await writeBuildCommand(ctx.repo, clean, command);
  const changed = await ctx.plan.record({ type: 'build.put', build }, ctx.actor);
  if (!changed.ok) {
    // Nothing half-written: a command no build check of the plan names would only wait there.
    await removeBuildCommand(ctx.repo, clean);
    return changed;
  }
  return ok({ ...build, command });
}

/** Defines or changes what this clone runs for a build check of the plan. */
export async function setBuildCommand(ctx: PlanAccess, buildId: string, command: string): Promise<Result<LocalBuildCheck>> {
  const found = await findBuild(ctx, { buildId });
  if (!found.ok) return found;
  const cmd = checkCommand(command);
  if (!cmd.ok) return cmd;
  await writeBuildCommand(ctx.repo, found.value.name, command);
  return ok({ ...found.value, command });
}

/** Removes a build check from the plan, and its command from this clone's config. */
export async function removeBuild(ctx: PlanAccess, buildId: string): Promise<Result<{ buildId: string }>> {
  const found = await findBuild(ctx, { buildId });
  if (!found.ok) return found;
  const changed = await ctx.plan.record({ type: 'build.remove', buildId }, ctx.actor);
  if (!changed.ok) return changed;
  await removeBuildCommand(ctx.repo, found.value.name);
  return ok({ buildId });
}

export async function findBuild(ctx: PlanAccess, which: { buildId?: string; name?: string }): Promise<Result<BuildCheck>> {
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
async function recordResult(ctx: PlanAccess, result: BuildRunResult): Promise<void> {
  const { plan } = await ctx.plan.snapshot();
  const current = plan.builds[result.buildId];
  if (!current) return;
  const last = { commit: result.commit, passed: result.passed, at: result.at, exitCode: result.exitCode };
  await ctx.plan.record({ type: 'build.put', build: { ...current, last } }, ctx.actor);
}

/**
 * Starts a build check on HEAD with this clone's command for it; `done` settles when it ended,
 * the worktree is gone and the result is in the plan. A check this clone does not define runs
 * nothing: the answer says how to define it.
 */
export async function startBuild(ctx: BuildAccess, build: BuildCheck, opts: BuildRunOptions = {}): Promise<Result<StartedBuild>> {
  const command = await buildCommandOf(ctx.repo, build);
  if (!command.ok) return command;
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const commit = head.value;
  const worktree = await openBuildWorktree(ctx.repo, commit);
  const runId = `run-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const signal = ctx.builds.start(runId, { buildId: build.id, commit });
  const log = (chunk: string): void => opts.onLog?.(chunk, runId);
  const run = async (): Promise<BuildRunResult> => {
    const outcome = await runBuildCommand(command.value, worktree.tree, { onLog: log, signal, timeoutMs: opts.timeoutMs });
    ctx.builds.finish(runId);
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

/** Stops a running build of this repository (its whole process group); another repository's run id stops nothing. */
export function cancelBuild(ctx: Pick<RepoServices, 'builds'>, runId: string): boolean {
  return ctx.builds.cancel(runId);
}
