/**
 * "Abandon copy": undoes an interim copy that was a mistake. If the copy commit is still the
 * branch's tip (nothing was built on it), the branch moves back to its parent; otherwise a
 * commit removes the destination files the copy made (and files added to it since; never files
 * the destination folder held before the copy). Changes made only in the destination are not thrown
 * away silently: that needs `discardDestinationChanges`.
 */
import { quotePath } from '../../../shared/paths';
import { lookupTree, newPathRoots } from '../../../shared/rename/check';
import type { AbandonResult, RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { firstParent } from '../git/rev-parse';
import { readRunHooks } from '../git/hooks';
import { editIndex } from '../git/staging-index';
import { commitStep, moveBranch } from './atomic';
import type { PlanAccess } from '../context';
import { describeDrift, destinationBeforeCopy, ruleDrift, ruleDestinationFiles } from './drift';
import { checkRepoState, checkTouchedPaths } from './guard';
import { withRenameLock } from './recover';
import { findRule } from './rules';

export const abandonMessage = (rule: Pick<RenameRule, 'from' | 'to'>): string => `Abandon interim copy: ${rule.from} -> ${rule.to}`;

export async function abandonRule(ctx: PlanAccess, ruleId: string, opts: { discardDestinationChanges?: boolean } = {}): Promise<Result<AbandonResult>> {
  return withRenameLock<AbandonResult>(ctx, async (gitDir) => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const found = await findRule(ctx, ruleId);
    if (!found.ok) return found;
    const rule = found.value;
    if (rule.phase !== 'copied' || rule.copyCommit === null) {
      return fail('refused', `The rule ${quotePath(rule.from)} -> ${quotePath(rule.to)} is ${rule.phase}: only an interim copy can be abandoned.`);
    }
    const drift = await ruleDrift(ctx.repo, rule, state.value.head);
    const destinationWork = drift.filter((f) => f.kind !== 'source');
    if (destinationWork.length > 0 && !opts.discardDestinationChanges) {
      return fail('refused', `The destination holds changes the source does not: ${describeDrift(destinationWork)}. Sync them to the source first, or confirm that they may be discarded.`);
    }
    // Only the rule's files go: what the destination folder held before the copy stays, with any
    // uncommitted change to it.
    const [destination, pre] = await Promise.all([ruleDestinationFiles(ctx.repo, rule, state.value.head), destinationBeforeCopy(ctx.repo, rule)]);
    const paths = newPathRoots(rule.to, destination.map((f) => f.path), lookupTree(pre));
    const free = await checkTouchedPaths(ctx.repo, paths, { ignoredInTheWay: false });
    if (!free.ok) return free;
    const after: RenameRule = { ...rule, phase: 'abandoned' };

    const parent = state.value.head === rule.copyCommit ? await firstParent(ctx.repo, rule.copyCommit) : null;
    if (parent !== null) {
      const moved = await moveBranch(ctx, {
        op: 'abandon',
        ruleId,
        branch: state.value.branch,
        before: state.value.head,
        after: parent,
        forward: false,
        paths,
        rule: after,
      }, gitDir, { runHooks: await readRunHooks(ctx.repo) });
      return moved.ok ? ok({ ruleId, commit: null, dropped: true }) : moved;
    }
    const made = await commitStep(ctx, state.value, {
      op: 'abandon',
      ruleId,
      message: abandonMessage(rule),
      paths,
      build: (index) => editIndex(ctx.repo, index, destination.map((f) => ({ path: f.path, remove: true as const }))),
      ruleAfter: () => after,
    });
    return made.ok ? ok({ ruleId, commit: made.value.commit, dropped: false }) : made;
  });
}
