/**
 * Upstream moved on: which patches no longer apply on the new upstream commit (each tried on
 * its own, in order, in a temporary worktree), and the upstream commits since the old base that
 * touch each patch's files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import type { DriftPatch, DriftReport } from '../../../shared/series/reports';
import { applyPatchFiles } from '../git/apply';
import { writeFilesDiff } from '../git/diff-tree';
import { commitsTouching } from '../git/log';
import { addDetachedWorktree, removeWorktree } from '../git/worktree';
import { changesByPatch, type SeriesInput } from './load';

export async function seriesDrift(input: SeriesInput, newBase: string): Promise<Result<DriftReport>> {
  const perPatch = changesByPatch(input);
  if (newBase === input.base) {
    const patches = input.patches.map((p): DriftPatch => ({ patchId: p.id, subject: p.subject, applies: true, reason: null, upstreamCommits: [] }));
    return ok({ oldBase: input.base, newBase, moved: false, patches, summary: 'Upstream has not moved since the series was proposed.' });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-drift-'));
  const worktree = path.join(dir, 'tree');
  const patches: DriftPatch[] = [];
  try {
    await addDetachedWorktree(input.repo, worktree, newBase, { checkout: false });
    for (const [i, patch] of input.patches.entries()) {
      const files = (perPatch[i] ?? []).map((c) => c.path);
      const patchFile = path.join(dir, `${String(i + 1).padStart(4, '0')}.patch`);
      await writeFilesDiff(input.repo, input.base, input.targetCommit, files, patchFile);
      // A patch that fails leaves the index as it was, so the next ones are still tried.
      const outcome = files.length === 0 ? { applied: true as const } : await applyPatchFiles(worktree, [patchFile], 'cached');
      const upstreamCommits = await commitsTouching(input.repo, input.base, newBase, files);
      patches.push({ patchId: patch.id, subject: patch.subject, applies: outcome.applied, reason: outcome.applied ? null : outcome.reason, upstreamCommits });
    }
  } finally {
    await removeWorktree(input.repo, worktree).finally(() => rmSync(dir, { recursive: true, force: true }));
  }
  const failing = patches.filter((p) => !p.applies);
  const touched = patches.filter((p) => p.upstreamCommits.length > 0);
  const summary =
    failing.length === 0
      ? `Upstream moved (${input.base.slice(0, 12)} -> ${newBase.slice(0, 12)}); every patch still applies` +
        (touched.length > 0 ? `, ${touched.length} touch files upstream changed.` : '.')
      : `Upstream moved (${input.base.slice(0, 12)} -> ${newBase.slice(0, 12)}); ${failing.length} patch(es) no longer apply: ` +
        failing.map((p) => `"${p.subject}"`).join(', ') + '.';
  return ok({ oldBase: input.base, newBase, moved: true, patches, summary });
}
