/**
 * The plan engine as the store uses it: the same pure `applyChange` and `inverseOf` the main
 * process runs (shared/plan/), so the optimistic board is what the server will compute.
 */
import type { Plan } from '../../../shared/model';
import type { ClientCommand } from '../../../shared/plan/events';
import type { Result } from '../../../shared/result';
import { applyChange } from '../../../shared/plan/apply';
import { inverseOf } from '../../../shared/plan/inverse';

export function applyPlanChange(plan: Plan, change: ClientCommand): Result<Plan> {
  return applyChange(plan, change);
}

/** The change that undoes `change` made on `before`, or null when it cannot be undone. */
export function inversePlanChange(before: Plan, change: ClientCommand): ClientCommand | null {
  return inverseOf(before, change);
}

/** `confirmed` with the changes still in flight applied in order; one that no longer applies is skipped. */
export function rebase(confirmed: Plan, pending: readonly { change: ClientCommand }[]): Plan {
  let plan = confirmed;
  for (const p of pending) {
    const next = applyChange(plan, p.change);
    if (next.ok) plan = next.value;
  }
  return plan;
}
