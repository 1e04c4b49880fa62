/**
 * Recording a finished move in the plan, with the sprint following it: in the same plan update
 * that marks the rule moved, the pairings and the subsystems' files move to the new paths
 * (shared/rename/follow.ts), so that the inventory of the fork ref keeps every file. Only when
 * the sprint's fork ref is the branch the move was committed on: a sprint that compares another
 * branch, a tag or a fixed commit still finds the files at their old paths.
 */
import type { Plan } from '../../../shared/model';
import { quotePath } from '../../../shared/paths';
import { rebaseOntoMove } from '../../../shared/rename/follow';
import type { PlanFollowUp, RenameRule } from '../../../shared/rename/model';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import { fullRefName } from '../git/rev-parse';
import type { PlanAccess } from '../context';

const NOTHING: PlanFollowUp = { pairings: 0, subsystems: 0, leftAlone: null };

/** Why the sprint does not follow a move committed on `branch`, or null when it does. */
async function whyNotFollowing(repo: string, plan: Plan, rule: RenameRule, branch: string): Promise<string | null> {
  const forkRef = plan.sprint?.forkRef;
  if (forkRef === undefined) return null;
  if ((await fullRefName(repo, forkRef)) === `refs/heads/${branch}`) return null;
  return `The sprint's fork ref ${quotePath(forkRef)} is not the branch ${quotePath(branch)} the move was committed on, so its pairings and subsystems still name ${quotePath(rule.from)}, where that ref still has the files. Re-target the sprint (Setup) once the move is on the fork's branch.`;
}

const planFailure = (error: AppError) => fail(error.code, `The commit is on the branch, but the plan could not record it: ${error.message}`);

/**
 * Writes the rule's new phase and commits to the plan; a moved rule takes the sprint's
 * pairings and subsystems along in the same update. Should the plan refuse those (for example
 * a pairing that would clash with another), the rule is still recorded and the answer says why
 * the rest stayed.
 */
export async function recordRuleWithPlan(ctx: PlanAccess, rule: RenameRule, branch: string): Promise<Result<PlanFollowUp | null>> {
  const put = { type: 'rename.put' as const, rule };
  if (rule.phase !== 'moved') {
    const changed = await ctx.plan.record(put, ctx.actor);
    return changed.ok ? ok(null) : planFailure(changed.error);
  }
  const { plan } = await ctx.plan.snapshot();
  const leftAlone = await whyNotFollowing(ctx.repo, plan, rule, branch);
  const rebase = leftAlone === null ? rebaseOntoMove(plan, rule) : { changes: [], pairings: 0, subsystems: 0 };
  if (rebase.changes.length > 0) {
    const all = await ctx.plan.recordAll([put, ...rebase.changes], ctx.actor);
    if (all.ok) return ok({ pairings: rebase.pairings, subsystems: rebase.subsystems, leftAlone: null });
    const alone = await ctx.plan.record(put, ctx.actor);
    if (!alone.ok) return planFailure(alone.error);
    return ok({ ...NOTHING, leftAlone: `The pairings and subsystems still name ${quotePath(rule.from)}: the plan refused to move them (${all.error.message}).` });
  }
  const changed = await ctx.plan.record(put, ctx.actor);
  return changed.ok ? ok({ ...NOTHING, leftAlone }) : planFailure(changed.error);
}
