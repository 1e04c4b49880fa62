/**
 * `upstream apply`: one merge commit of the new upstream into the sprint branch (both parents
 * kept, so the team's history stays), whose tree also carries every twin's change into its fork
 * copy; then the sprint's upstream ref moves. Built like every rename operation (rename/atomic.ts):
 * the tree in a temporary index, a journal, a compare-and-swap of the branch, the changed files,
 * the plan, so a kill at any point leaves the repository before or after. A conflict in the merge
 * or in a port writes nothing and says where.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { plural } from '../../../shared/words';
import type { UpstreamApplied } from '../../../shared/upstream/model';
import type { UpstreamEvent } from '../../../shared/upstream/schema';
import type { PlanAccess } from '../context';
import { commitTree } from '../git/commit';
import { diffTreeChanges } from '../git/diff-tree';
import { editIndex, readTreeIntoIndex, writeTree, type TempIndex } from '../git/staging-index';
import { moveBranch } from '../rename/atomic';
import { checkpoint } from '../rename/checkpoint';
import { checkNamesFit, checkRepoState, checkTouchedPaths } from '../rename/guard';
import { scratchDir } from '../rename/journal';
import { withRenameLock } from '../rename/recover';
import { planUpstreamMove } from './preview';

const LISTED = 8;
const listed = (paths: readonly string[]): string =>
  `${paths.slice(0, LISTED).map(quotePath).join(', ')}${paths.length > LISTED ? ` and ${paths.length - LISTED} more` : ''}`;

export const upstreamMessage = (toRef: string, fromRef: string, ported: number): string =>
  `Merge upstream ${toRef} into the sprint (from ${fromRef})\n\n` +
  (ported > 0 ? `Ports upstream's changes to ${plural(ported, 'twin file')} into their fork copies.\n` : 'No fork copy needed a port.\n');

/**
 * Merges `toRef` into the branch with every twin's port. A copy listed in `keep` (its conflict
 * resolved by hand on the branch) stays as it is; any other conflicting port writes nothing.
 */
export async function applyUpstreamMove(ctx: PlanAccess, toRef: string, keep: readonly string[] = []): Promise<Result<UpstreamApplied>> {
  return withRenameLock<UpstreamApplied>(ctx, async (gitDir) => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const planned = await planUpstreamMove(ctx, toRef, { branch: state.value.branch, head: state.value.head });
    if (!planned.ok) return planned;
    const { preview, mergedTree, contained, writes } = planned.value;
    if (preview.to === preview.base) {
      return fail('bad-input', `The sprint is on ${quotePath(preview.upstreamRef)} already (${preview.base.slice(0, 12)}), which is the commit ${quotePath(toRef)} names: there is nothing to move.`);
    }
    if (preview.mergeConflicts.length > 0) {
      return fail('conflict', `Merging ${quotePath(toRef)} into ${quotePath(preview.branch)} conflicts in ${listed(preview.mergeConflicts)}: nothing was written. Merge it yourself (git merge ${toRef}), resolve and commit, then run upstream apply again to port the twins and move the sprint.`);
    }
    const kept = new Set(keep);
    const unknown = keep.find((p) => !preview.twins.some((t) => t.path === p && t.status === 'conflict'));
    if (unknown !== undefined) {
      return fail('bad-input', `${quotePath(unknown)} is not a fork copy whose port conflicts: --keep names only copies listed as in conflict (upstream --to ${toRef}).`);
    }
    if (preview.twins.some((t) => t.status === 'conflict' && !kept.has(t.path))) return ok({ ...preview, commit: null, ported: [] });
    const scratch = await scratchDir(gitDir);
    let commit: string;
    try {
      const index: TempIndex = { file: path.join(scratch, 'index') };
      await readTreeIntoIndex(ctx.repo, index, mergedTree);
      await editIndex(ctx.repo, index, writes.map((w) => ({ path: w.path, ...w.version })));
      const tree = await writeTree(ctx.repo, index);
      const parents = contained ? [preview.head] : [preview.head, preview.to];
      commit = await commitTree(ctx.repo, tree, parents, upstreamMessage(toRef, preview.upstreamRef, writes.length));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    const paths = (await diffTreeChanges(ctx.repo, preview.head, commit)).map((c) => c.path);
    const touched = await checkTouchedPaths(ctx.repo, paths, { ignoredInTheWay: true });
    if (!touched.ok) return touched;
    const fits = await checkNamesFit(ctx.repo, gitDir, commit, preview.head, paths);
    if (!fits.ok) return fits;
    checkpoint('upstream:built');
    const event: UpstreamEvent = { type: 'upstream.move', upstreamRef: toRef, from: preview.base, to: preview.to, merge: commit };
    const moved = await moveBranch(ctx, {
      op: 'upstream',
      ruleId: '',
      branch: state.value.branch,
      before: preview.head,
      after: commit,
      forward: true,
      paths,
      rule: { id: '', from: preview.upstreamRef, to: toRef, phase: 'planned', copyCommit: null, moveCommit: null },
      changes: [event],
    }, gitDir);
    if (!moved.ok) return moved;
    return ok({ ...preview, commit, ported: writes.map((w) => w.path) });
  });
}
