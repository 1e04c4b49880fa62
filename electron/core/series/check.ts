/**
 * The one-click check: in a temporary worktree at the upstream commit (never the user's tree),
 * apply each patch's diff in order, optionally run a build after each (the build runner the
 * rename plan's build checks use), stop at the first failure with git's reason, and compare
 * the last tree with the target's tree id.
 *
 * With `each`, every step is also checked to hold together without a compiler (every Makefile,
 * Kconfig and include reference that resolves in the final tree resolves there too, see
 * shared/series/consistency.ts), and the first step that does not is named with why. Sizes are
 * those of the patch files written here, as mail.
 *
 * Without a build, all patches go to one `git apply` (one index read and write instead of one
 * per patch); only when that fails are they applied one by one, to name the first that fails.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { coverage, coverageProblem, firstOrderConflict } from '../../../shared/series/changes';
import { describeBreak, stepBreaks, type StepBreak } from '../../../shared/series/consistency';
import { DEFAULT_MAX_PATCH_KB, kb, mailBytesOfDiff, type PatchSize } from '../../../shared/series/sizes';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckReport, CheckStep } from '../../../shared/series/reports';
import { openBuildWorktree, runBuildCommand } from '../builds/runner';
import { applyPatchFiles, writeWorktreeTree } from '../git/apply';
import { writeFilesDiff } from '../git/diff-tree';
import { readSeriesGraph } from './graph';
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
  /** Check that every step holds together, and name the first that does not. */
  each?: boolean;
  /** Each patch's limit as mail (default: the plan's, else 100 KB). */
  limitKb?: number;
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

/** Each patch as mail: its diff file as written here, with headers, description and diffstat. */
async function writtenSizes(input: SeriesInput, patchFiles: readonly string[], limitKb: number): Promise<PatchSize[]> {
  const bytes = await Promise.all(patchFiles.map(async (f) => (await stat(f)).size));
  return input.patches.map((p, i) => {
    const size = mailBytesOfDiff(p, bytes[i] ?? 0);
    return { patchId: p.id, bytes: size, overLimit: size > limitKb * 1024, hugeFile: null };
  });
}

function summarize(input: SeriesInput, run: Run, finalTree: string | null, missing: string | null, broken: StepBreak | null): string {
  const n = input.patches.length;
  if (run.canceled) return `Check canceled after ${run.steps.length} of ${n} patches.`;
  if (broken && (!run.failed || broken.index < run.failed.index)) return `The tree does not hold together at ${describeBreak(broken, n)}.`;
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
  let sizes: PatchSize[] = [];
  const limitKb = options.limitKb ?? input.plan.series.settings?.maxPatchKb ?? DEFAULT_MAX_PATCH_KB;
  // The references are read from git while the patches apply; the steps are judged from them alone.
  const breaks = options.each ? readSeriesGraph(input.repo, input.base, input.targetCommit, input.changes).then((g) => stepBreaks({ ...g, patches: input.patches })) : null;
  // Judged after the worktree is gone; a failure before then is not left unhandled meanwhile.
  void breaks?.catch(() => undefined);
  try {
    const patchFiles = await writePatchFiles(input, folder);
    sizes = await writtenSizes(input, patchFiles, limitKb);
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
  const found = (await breaks) ?? [];
  for (const b of found) {
    const step = run.steps[b.index];
    if (step) step.broken = [...(step.broken ?? []), describeBreak(b, input.patches.length).replace(/^patch \d+ of \d+: /, '')];
  }
  const first = found[0] ?? null;
  const warnings = await seriesWarnings(input, options.lineLimit ?? null);
  for (const s of sizes.filter((x) => x.overLimit)) {
    const subject = subjectOf(s.patchId);
    warnings.push({ kind: 'over-size', patchId: s.patchId, bytes: s.bytes, limitKb, message: `"${subject}" is ${kb(s.bytes)} as mail, over the ${limitKb} KB limit: split it along its folders.` });
  }
  const summary = summarize(input, run, finalTree, coverageProblem(cover, subjectOf), first);
  const treeMatches = finalTree === input.targetTree;
  const failed = first && (!run.failed || first.index < run.failed.index)
    ? { index: first.index, patchId: input.patches[first.index]?.id ?? '', subject: input.patches[first.index]?.subject ?? '', reason: describeBreak(first, input.patches.length) }
    : run.failed;
  const firstBroken = first ? describeBreak(first, input.patches.length) : null;
  return ok({ runId: options.runId, base: input.base, targetCommit: input.targetCommit, targetTree: input.targetTree, finalTree, treeMatches, ...run, failed, warnings, sizes, limitKb, firstBroken, summary });
}
