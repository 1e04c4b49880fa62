/**
 * The one-click check: in a temporary worktree at the upstream commit (never the user's tree),
 * apply each patch's diff in order, optionally run a build after each (the build runner the
 * rename plan's build checks use), stop at the first failure with git's reason, and compare
 * the last tree with the target's tree id.
 *
 * Without a build, all patches go to one `git apply` (one index read and write instead of one
 * per patch); only when that fails are they applied one by one, to name the first that fails.
 */
import path from 'node:path';
import { coverage, coverageProblem, firstOrderConflict } from '../../../shared/series/changes';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckReport, CheckStep } from '../../../shared/series/reports';
import { openBuildWorktree, runBuildCommand } from '../builds/runner';
import { applyPatchFiles, writeWorktreeTree } from '../git/apply';
import { writeFilesDiff } from '../git/diff-tree';
import { changesByPatch, type SeriesInput } from './load';
import { seriesWarnings } from './warnings';

export interface CheckOptions {
  runId: string;
  /** A build command to run after each patch (in the worktree's top folder). */
  build?: { name: string; command: string } | null;
  /** Warn about patches changing more lines than this. */
  lineLimit?: number | null;
  onLog?: (chunk: string) => void;
  signal?: AbortSignal;
  /** Each build's time limit (default: the build runner's). */
  buildTimeoutMs?: number;
}

/** git processes writing patch files at once (the machine's cores are shared with the UI). */
const PARALLEL_DIFFS = 4;

const short = (id: string): string => id.slice(0, 12);

interface Run {
  steps: CheckStep[];
  failed: CheckReport['failed'];
  canceled: boolean;
}

/** Applies patch by patch (with the build after each), stopping at the first failure or a cancel. */
async function applyOneByOne(input: SeriesInput, worktree: string, patchFiles: string[], options: CheckOptions): Promise<Run> {
  const run: Run = { steps: [], failed: null, canceled: false };
  const build = options.build ?? null;
  const log = options.onLog ?? (() => undefined);
  for (const [i, patch] of input.patches.entries()) {
    if (options.signal?.aborted) return { ...run, canceled: true };
    const outcome = await applyPatchFiles(worktree, [patchFiles[i] as string], build ? 'index' : 'cached');
    const step: CheckStep = { patchId: patch.id, subject: patch.subject, applied: outcome.applied, reason: outcome.applied ? null : outcome.reason, build: null };
    run.steps.push(step);
    if (!outcome.applied) return { ...run, failed: { index: i, patchId: patch.id, subject: patch.subject, reason: outcome.reason } };
    if (!build) continue;
    log(`\n== [${i + 1}/${input.patches.length}] ${patch.subject}: ${build.name}\n`);
    const result = await runBuildCommand(build.command, worktree, { onLog: log, signal: options.signal, timeoutMs: options.buildTimeoutMs });
    if (result.stopped === 'cancelled') return { ...run, canceled: true };
    step.build = { passed: result.passed, exitCode: result.exitCode };
    if (!result.passed) {
      const reason =
        result.stopped === 'timeout'
          ? `The build "${build.name}" was stopped at its time limit after this patch.`
          : `The build "${build.name}" failed (exit ${result.exitCode ?? 'signal'}) after this patch.`;
      return { ...run, failed: { index: i, patchId: patch.id, subject: patch.subject, reason } };
    }
  }
  return run;
}

/** Writes every patch's diff, a few at a time. */
async function writePatchFiles(input: SeriesInput, dir: string): Promise<string[]> {
  const perPatch = changesByPatch(input);
  const files = input.patches.map((_, i) => path.join(dir, `${String(i + 1).padStart(4, '0')}.patch`));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      await writeFilesDiff(input.repo, input.base, input.targetCommit, (perPatch[i] ?? []).map((c) => c.path), files[i] as string);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DIFFS }, worker));
  return files;
}

function summarize(input: SeriesInput, run: Run, finalTree: string | null, missing: string | null): string {
  const n = input.patches.length;
  if (run.canceled) return `Check canceled after ${run.steps.length} of ${n} patches.`;
  if (run.failed) return `Patch ${run.failed.index + 1} of ${n} ("${run.failed.subject}") fails: ${run.failed.reason.split('\n')[0]}`;
  if (finalTree === input.targetTree) return `All ${n} patches apply on ${short(input.base)}; the tree equals the target's (${short(input.targetTree)}).`;
  return `All ${n} patches apply, but the tree (${short(finalTree ?? '')}) differs from the target's (${short(input.targetTree)})${missing ? `: ${missing}` : '.'}`;
}

export async function checkSeries(input: SeriesInput, options: CheckOptions): Promise<Result<CheckReport>> {
  const subjectOf = (id: string): string => input.plan.series.patches[id]?.subject ?? id;
  const cover = coverage(input.patches, input.changes);
  if (cover.duplicates.length > 0 || cover.empty.length > 0) return fail('bad-input', coverageProblem(cover, subjectOf) as string);
  const build = options.build ?? null;
  // Only a build needs the files; applying to the index alone is much faster on a large tree.
  const { folder, tree: worktree, remove } = await openBuildWorktree(input.repo, input.base, { checkout: build !== null });
  let run: Run = { steps: [], failed: null, canceled: false };
  let finalTree: string | null = null;
  try {
    const patchFiles = await writePatchFiles(input, folder);
    // One `git apply` may accept an order the patches cannot be applied in one by one.
    const batch = build === null && firstOrderConflict(input.patches, input.changes) === null;
    if (batch && (await applyPatchFiles(worktree, patchFiles, 'cached')).applied) {
      run.steps = input.patches.map((p) => ({ patchId: p.id, subject: p.subject, applied: true, reason: null, build: null }));
    } else {
      run = await applyOneByOne(input, worktree, patchFiles, options);
    }
    if (!run.failed && !run.canceled) finalTree = await writeWorktreeTree(worktree);
  } finally {
    await remove();
  }
  const warnings = await seriesWarnings(input, options.lineLimit ?? null);
  const summary = summarize(input, run, finalTree, coverageProblem(cover, subjectOf));
  const treeMatches = finalTree === input.targetTree;
  return ok({ runId: options.runId, base: input.base, targetCommit: input.targetCommit, targetTree: input.targetTree, finalTree, treeMatches, ...run, warnings, summary });
}
