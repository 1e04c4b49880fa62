/** The services' own changes to the plan (engine events and imports), as one step. */
import type { PlanSnapshot } from '../../../shared/api';
import type { Actor } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import type { Result } from '../../../shared/result';
import type { RepoServices } from '../context';

/** The services' changes (the store's `record`), as one step in the actor's name. */
export async function changePlan(ctx: RepoServices, changes: PlanChange[], actor: Actor = ctx.actor): Promise<Result<PlanSnapshot>> {
  return changes.length === 1 && changes[0] ? ctx.plan.record(changes[0], actor) : ctx.plan.recordAll(changes, actor);
}
