/** The services' own changes to the plan (engine events and imports), as one step. */
import type { PlanSnapshot } from '../../../shared/api';
import type { Actor } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { ok, type Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { withUnassignedFiles } from '../inventory/sprint-inventory';

/** The services' changes (the store's `record`), as one step in the actor's name; the answer includes `unassignedFiles`. */
export async function changePlan(ctx: RepoServices, changes: PlanChange[], actor: Actor = ctx.actor): Promise<Result<PlanSnapshot>> {
  const result = changes.length === 1 && changes[0] ? await ctx.plan.record(changes[0], actor) : await ctx.plan.recordAll(changes, actor);
  return result.ok ? ok(await withUnassignedFiles(ctx, result.value)) : result;
}
