/**
 * The one-click check: in a temporary worktree at the upstream commit (never the user's tree),
 * apply each patch's diff in order, optionally run a build after each, stop at the first
 * failure with git's reason, and compare the last tree with the target's tree id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coverage, coverageProblem } from '../../../shared/series/changes';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckReport, CheckStep } from '../../../shared/series/reports';
import { addTemporaryWorktree, applyPatchFile, removeTemporaryWorktree, writeFilesDiff, writeWorktreeTree } from '../git/apply';
import { runBuildCommand } from './build-runner';
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
}

const short = (id: string): string => id.slice(0, 12);

export async function checkSeries(input: SeriesInput, options: CheckOptions): Promise<Result<CheckReport>> {
  const subjectOf = (id: string): string => input.plan.series.patches[id]?.subject ?? id;
  const cover = coverage(input.patches, input.changes);
  if (cover.duplicates.length > 0 || cover.empty.length > 0) return fail('bad-input', coverageProblem(cover, subjectOf) as string);
  const log = options.onLog ?? (() => undefined);
  const build = options.build ?? null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-check-'));
  const worktree = path.join(dir, 'tree');
  const steps: CheckStep[] = [];
  let failed: CheckReport['failed'] = null;
  let canceled = false;
  let finalTree: string | null = null;
  try {
    await addTemporaryWorktree(input.repo, worktree, input.base, build !== null);
    const perPatch = changesByPatch(input);
    for (const [i, patch] of input.patches.entries()) {
      if (options.signal?.aborted) {
        canceled = true;
        break;
      }
      const patchFile = path.join(dir, `${String(i + 1).padStart(4, '0')}.patch`);
      await writeFilesDiff(input.repo, input.base, input.targetCommit, (perPatch[i] ?? []).map((c) => c.path), patchFile);
      const outcome = await applyPatchFile(worktree, patchFile, build ? 'index' : 'cached');
      const step: CheckStep = { patchId: patch.id, subject: patch.subject, applied: outcome.applied, reason: outcome.applied ? null : outcome.reason, build: null };
      steps.push(step);
      if (!outcome.applied) {
        failed = { index: i, patchId: patch.id, subject: patch.subject, reason: outcome.reason };
        break;
      }
      if (build) {
        log(`\n== [${i + 1}/${input.patches.length}] ${patch.subject}: ${build.name}\n`);
        const result = await runBuildCommand(build.command, worktree, log, options.signal);
        if (result.canceled) {
          canceled = true;
          break;
        }
        step.build = { passed: result.exitCode === 0, exitCode: result.exitCode };
        if (result.exitCode !== 0) {
          failed = { index: i, patchId: patch.id, subject: patch.subject, reason: `The build "${build.name}" failed (exit ${result.exitCode ?? 'signal'}) after this patch.` };
          break;
        }
      }
    }
    if (!failed && !canceled) finalTree = await writeWorktreeTree(worktree);
  } finally {
    await removeTemporaryWorktree(input.repo, worktree).finally(() => rmSync(dir, { recursive: true, force: true }));
  }
  const warnings = await seriesWarnings(input, options.lineLimit ?? null);
  const treeMatches = finalTree === input.targetTree;
  const n = input.patches.length;
  let summary: string;
  if (canceled) summary = `Check canceled after ${steps.length} of ${n} patches.`;
  else if (failed) summary = `Patch ${failed.index + 1} of ${n} ("${failed.subject}") fails: ${failed.reason.split('\n')[0]}`;
  else if (treeMatches) summary = `All ${n} patches apply on ${short(input.base)}; the tree equals the target's (${short(input.targetTree)}).`;
  else {
    const missing = coverageProblem(cover, subjectOf);
    summary = `All ${n} patches apply, but the tree (${short(finalTree ?? '')}) differs from the target's (${short(input.targetTree)})${missing ? `: ${missing}` : '.'}`;
  }
  return ok({ runId: options.runId, base: input.base, targetCommit: input.targetCommit, targetTree: input.targetTree, finalTree, treeMatches, failed, canceled, steps, warnings, summary });
}
