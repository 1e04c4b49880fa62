/**
 * "Start work": creates the card's branch at the sprint branch's commit and names it on the
 * card. The branch is created first, with a compare-and-swap that refuses an existing ref, then
 * the plan records it; the working tree, the index and HEAD are never touched.
 */
import { fail, ok, type Result } from '../../../shared/result';
import type { StartedWork } from '../../../shared/team/api';
import type { RepoServices } from '../context';
import { checkBranchName } from '../git/check-ref-format';
import { branchTips } from '../git/refs';
import { swapRef } from '../git/update-ref';
import { sprintCommitOf } from './status';

export async function startWork(ctx: RepoServices, subsystemId: string, branch: string): Promise<Result<StartedWork>> {
  const { plan } = await ctx.plan.snapshot();
  const sub = plan.subsystems[subsystemId];
  if (!sub) return fail('not-found', `There is no subsystem with id "${subsystemId}": it may have been removed or merged meanwhile; reload the board.`);
  const named = plan.team.branches[subsystemId];
  if (named !== undefined) return fail('refused', `"${sub.name}" names the branch ${named} already: work on it, or take it off the card before starting another.`);
  const sprint = await sprintCommitOf(ctx.repo, plan);
  if (!sprint.ok) return sprint;
  const bad = await checkBranchName(ctx.repo, branch);
  if (bad) return fail('bad-input', bad);
  const existing = (await branchTips(ctx.repo)).find((t) => t.name === branch);
  if (existing) return fail('conflict', `A branch named ${branch} exists already (at ${existing.commit.slice(0, 12)}): choose another name, or name that branch on the card instead.`);
  const swap = await swapRef(ctx.repo, `refs/heads/${branch}`, sprint.value, '', `merge-sprint: start work on ${sub.name}`);
  if (!swap.swapped) {
    if (swap.why === 'ref-moved') return fail('conflict', `Someone created the branch ${branch} meanwhile: choose another name, or name that branch on the card.`);
    if (swap.why === 'ref-locked') return fail('refused', `git is updating the branch ${branch} right now (its lock file exists): try again once that git command has finished.`);
    return fail('refused', `The repository's reference-transaction hook refused to create ${branch}: ${swap.why === 'hook-refused' && swap.hookOutput !== '' ? swap.hookOutput : 'it printed nothing'}`);
  }
  const snapshot = await ctx.plan.change({ type: 'card.branch', subsystemId, branch }, ctx.actor);
  if (!snapshot.ok) return fail(snapshot.error.code, `The branch ${branch} was created, but the card could not name it: ${snapshot.error.message} Name it on the card again.`);
  return ok({ snapshot: snapshot.value, branch, commit: sprint.value });
}
