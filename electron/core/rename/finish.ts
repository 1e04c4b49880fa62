/**
 * "Finish move": one commit, "Move SRC -> DST", that removes the sources. Refused while the
 * copies drift apart unless the user says which side wins. The plan update that marks the rule
 * moved also moves the sprint's pairings and subsystems to the new paths (follow.ts). Afterwards
 * git's rename detection is asked how it sees the copy and the move together: every file
 * should show as renamed.
 */
import { quotePath } from '../../../shared/paths';
import type { FinishResult, PreferredSide, RenameCheckSummary, RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { firstParent } from '../git/rev-parse';
import { editIndex, type IndexEdit } from '../git/staging-index';
import { diffWithRenames } from '../git/diff-tree';
import { lsTree } from '../git/trees';
import { commitStep } from './atomic';
import type { PlanAccess } from '../context';
import { describeDrift, destinationBeforeCopy, ruleDrift } from './drift';
import { checkRepoState, checkTouchedPaths } from './guard';
import { withRenameLock } from './recover';
import { findRule } from './rules';

export const moveMessage = (rule: Pick<RenameRule, 'from' | 'to'>): string => `Move ${rule.from} -> ${rule.to}`;

/**
 * How `git diff -M` from before the copy to the move shows the rule's files (files the
 * destination folder held before the copy are not the rule's, even if they changed meanwhile).
 */
export async function checkRenames(repo: string, rule: RenameRule, moveCommit: string): Promise<RenameCheckSummary> {
  const before = rule.copyCommit ? await firstParent(repo, rule.copyCommit) : null;
  if (before === null) return { renamed: 0, exact: 0, notRenamed: [] };
  const notTheRules = new Set((await destinationBeforeCopy(repo, rule)).map((f) => f.path));
  const changes = (await diffWithRenames(repo, before, moveCommit, [rule.from, rule.to])).filter((c) => c.status.startsWith('R') || !notTheRules.has(c.path));
  const renamed = changes.filter((c) => c.status.startsWith('R'));
  return {
    renamed: renamed.length,
    exact: renamed.filter((c) => c.status === 'R100').length,
    notRenamed: changes.filter((c) => !c.status.startsWith('R')).map((c) => ({ status: c.status, path: c.path })),
  };
}

export async function finishRule(ctx: PlanAccess, ruleId: string, prefer?: PreferredSide): Promise<Result<FinishResult>> {
  return withRenameLock(ctx, async () => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const found = await findRule(ctx, ruleId);
    if (!found.ok) return found;
    const rule = found.value;
    if (rule.phase !== 'copied') {
      return fail('refused', `The rule ${quotePath(rule.from)} -> ${quotePath(rule.to)} is ${rule.phase}: only a rule with its interim copy made can finish its move.`);
    }
    const drift = await ruleDrift(ctx.repo, rule, state.value.head);
    if (drift.length > 0 && !prefer) {
      return fail('refused', `The two copies drift apart: ${describeDrift(drift)}. Sync them first, or choose which side wins (prefer source or destination).`);
    }
    const destinationEdits: IndexEdit[] =
      prefer === 'source' ? drift.map((f) => (f.source ? { path: f.destinationPath, ...f.source } : { path: f.destinationPath, remove: true as const })) : [];
    const sources = await lsTree(ctx.repo, state.value.head, [rule.from]);
    const removals: IndexEdit[] = sources.map((f) => ({ path: f.path, remove: true as const }));

    const sourceFree = await checkTouchedPaths(ctx.repo, [rule.from], { ignoredInTheWay: false });
    if (!sourceFree.ok) return sourceFree;
    const destinationFree = await checkTouchedPaths(ctx.repo, destinationEdits.map((e) => e.path), { ignoredInTheWay: true });
    if (!destinationFree.ok) return destinationFree;

    const made = await commitStep(ctx, state.value, {
      op: 'finish',
      ruleId,
      message: moveMessage(rule),
      paths: [rule.from, ...destinationEdits.map((e) => e.path)],
      build: (index) => editIndex(ctx.repo, index, [...destinationEdits, ...removals]),
      ruleAfter: (commit) => ({ ...rule, phase: 'moved', moveCommit: commit }),
    });
    if (!made.ok) return made;
    const { commit, followUp } = made.value;
    return ok({ ruleId, commit, renames: await checkRenames(ctx.repo, rule, commit), followUp: followUp ?? { pairings: 0, subsystems: 0, leftAlone: null } });
  });
}
