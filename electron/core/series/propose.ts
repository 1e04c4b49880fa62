/**
 * Proposing a series for the repository's sprint: the changes between the upstream ref and the
 * target (the fork ref unless the user names another), cut by the plan's subsystems.
 */
import type { Plan } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { SeriesEvent } from '../../../shared/series/events';
import { proposeSeries, type Proposal } from '../../../shared/series/propose';
import { resolveCommit } from '../git/refs';
import { treeId } from '../git/rev-parse';
import { diffTreeChanges } from '../git/diff-tree';
import { listTreeDirs } from '../git/trees';

export const NO_SPRINT = 'No sprint has been started in this repository: name the upstream and fork refs first (`merge-sprint init`).';

export interface ProposalResult {
  change: Extract<SeriesEvent, { type: 'series.propose' }>;
  proposal: Proposal;
  files: number;
}

export async function proposeForPlan(repo: string, plan: Plan, targetRef?: string): Promise<Result<ProposalResult>> {
  if (!plan.sprint) return fail('no-plan', NO_SPRINT);
  const target = targetRef?.trim() || plan.sprint.forkRef;
  const [base, head] = await Promise.all([resolveCommit(repo, plan.sprint.upstreamRef), resolveCommit(repo, target)]);
  if (!base.ok) return base;
  if (!head.ok) return head;
  const [baseTree, targetTree] = await Promise.all([treeId(repo, base.value), treeId(repo, head.value)]);
  if (baseTree === targetTree) {
    return fail('bad-input', `"${target}" has the same tree as the upstream ref "${plan.sprint.upstreamRef}": there is nothing to send. Name the ref that holds the fork's work.`);
  }
  const changes = await diffTreeChanges(repo, base.value, head.value);
  const garbled = changes.find((c) => c.path.includes('\uFFFD'));
  if (garbled) {
    return fail('bad-input', `The file name "${garbled.path}" is not valid UTF-8: rename it in the fork (git mv) before cutting the series.`);
  }
  const dirs = await listTreeDirs(repo, base.value);
  const proposal = proposeSeries({
    changes,
    subsystems: plan.subsystemOrder.flatMap((id) => (plan.subsystems[id] ? [plan.subsystems[id]] : [])),
    renames: plan.renameOrder.flatMap((id) => (plan.renames[id] ? [plan.renames[id]] : [])),
    baseHasDir: (d) => dirs.has(d),
  });
  return ok({ change: { type: 'series.propose', target, base: base.value, patches: proposal.patches }, proposal, files: changes.length });
}
