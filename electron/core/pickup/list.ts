/** The pick-up list, and setting the fork ref it is read from. */
import type { PickupList } from '../../../shared/pickup/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanAccess } from '../context';
import { mergeBase } from '../git/merge-base';
import { resolveCommit } from '../git/refs';
import { commitId } from '../git/rev-parse';
import { preparePickup, publicCommit, replayCandidates } from './prepare';

export async function pickupList(ctx: PlanAccess, from?: string): Promise<Result<PickupList>> {
  const prepared = await preparePickup(ctx, from);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const commits = await replayCandidates(ctx, p, p.candidates);
  return ok({ ref: p.ref, tip: p.tip, branch: p.branch, base: p.base, commits: commits.map(publicCommit), warnings: p.warnings });
}

/** Checks the ref, finds where the sprint branch left it (the fork base) and records both in the plan. */
export async function setPickupFrom(ctx: PlanAccess, ref: string): Promise<Result<{ ref: string; base: string }>> {
  const tip = await resolveCommit(ctx.repo, ref);
  if (!tip.ok) return tip;
  const head = await commitId(ctx.repo, 'HEAD');
  if (head === null) return fail('empty-repository', 'The current branch has no commit yet: commit something first.');
  const base = await mergeBase(ctx.repo, head, tip.value);
  if (base === null) return fail('refused', `"${ref}" shares no history with the current branch: it is not the fork's work. Name the branch the fork's developers commit to.`);
  const recorded = await ctx.plan.record({ type: 'pickup.from', ref, base }, ctx.actor);
  return recorded.ok ? ok({ ref, base }) : recorded;
}
