/**
 * Done that git confirms: for every card naming a branch, what that branch holds that the sprint
 * branch (the sprint's fork ref) does not, and for every Done card whether its branch is merged
 * and the series patch holding its files still applies.
 */
import type { Plan, Subsystem } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { verdictOf, type CardVerdict, type TeamStatus } from '../../../shared/team/status';
import type { RepoServices } from '../context';
import { waitingPerCard } from '../../../shared/pickup/lands';
import type { PickupCommit } from '../../../shared/pickup/model';
import { resolveCommit } from '../git/refs';
import { branchWork, type CardBranch } from './branch-work';
import { failingPatchesByFile } from './series-applies';

type StatusAccess = Pick<RepoServices, 'repo' | 'caches'>;

/** The sprint branch's commit, or a message saying the sprint's fork ref is not in this clone. */
export async function sprintCommitOf(repo: string, plan: Plan): Promise<Result<string>> {
  if (!plan.sprint) return fail('no-plan', 'No sprint has been started in this repository: start one first (`merge-sprint init`, or Start sprint in the app).');
  const commit = await resolveCommit(repo, plan.sprint.forkRef);
  if (commit.ok) return commit;
  return fail(commit.error.code, `The sprint branch "${plan.sprint.forkRef}" (the sprint's fork ref) is not in this clone: ${commit.error.message}`);
}

/**
 * `waiting` is the pick-up list's commits, when the fork's live ref is known: a Done card whose
 * files one of them touches is not the fork's newest work yet.
 */
export async function teamStatusOf(ctx: StatusAccess, plan: Plan, waiting: readonly Pick<PickupCommit, 'files' | 'status'>[] = []): Promise<Result<TeamStatus>> {
  if (!plan.sprint) return ok({ sprintRef: null, sprintCommit: null, work: {}, verdicts: {}, problem: null });
  const sprint = await sprintCommitOf(ctx.repo, plan);
  if (!sprint.ok) return sprint;
  const cards: CardBranch[] = [];
  for (const id of plan.subsystemOrder) {
    const branch = plan.team.branches[id];
    const sub = plan.subsystems[id];
    if (branch !== undefined && sub) cards.push({ subsystemId: id, branch, files: sub.files });
  }
  const anyDone = plan.subsystemOrder.some((id) => plan.subsystems[id]?.state === 'Done');
  const [work, failing] = await Promise.all([
    branchWork(ctx.repo, ctx.caches, sprint.value, cards),
    anyDone ? failingPatchesByFile(ctx, plan) : Promise.resolve(ok(new Map())),
  ]);
  const doneCards = plan.subsystemOrder.map((id) => plan.subsystems[id]).filter((s): s is Subsystem => s?.state === 'Done');
  const waitingByCard = waitingPerCard(waiting, doneCards);
  const verdicts: Record<string, CardVerdict> = {};
  const failingByFile = failing.ok ? failing.value : new Map<string, { subject: string; reason: string }>();
  for (const id of plan.subsystemOrder) {
    const sub = plan.subsystems[id];
    if (!sub) continue;
    const patches = new Map<string, { subject: string; reason: string }>();
    if (sub.state === 'Done') for (const f of sub.files) {
      const p = failingByFile.get(f);
      if (p) patches.set(p.subject, p);
    }
    verdicts[id] = verdictOf(sub, work[id], [...patches.values()], waitingByCard[id] ?? 0);
  }
  // No series yet is not a problem: there is no patch to fail.
  const problem = failing.ok || failing.error.code === 'not-found' ? null : `Whether the series still applies could not be checked: ${failing.error.message}`;
  return ok({ sprintRef: plan.sprint.forkRef, sprintCommit: sprint.value, work, verdicts, problem });
}
