/** Starting a sprint only after its refs and pairings proved valid. */
import type { PlanSnapshot } from '../../../shared/api';
import type { SprintSettings } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import type { Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { checkPairings } from '../inventory/pairings';
import { inventoryFor } from '../inventory/sprint-inventory';
import { changePlan } from './change';
import { subsystemsFromFolders } from './subsystems';

/**
 * Starts (or re-targets) the sprint: the refs must name commits and every pairing folder must
 * exist, proved by computing the inventory before anything is written. A plan with no
 * subsystems yet gets them from folders in the same step, so the board is never empty.
 */
export async function initSprint(ctx: RepoServices, settings: SprintSettings): Promise<Result<PlanSnapshot>> {
  const pairings = checkPairings(settings.pairings);
  if (!pairings.ok) return pairings;
  const clean: SprintSettings = { upstreamRef: settings.upstreamRef, forkRef: settings.forkRef, pairings: pairings.value };
  const inventory = await inventoryFor(ctx, clean);
  if (!inventory.ok) return inventory;
  const { plan } = await ctx.plan.snapshot();
  const changes: PlanChange[] = [{ type: 'sprint.init', ...clean }];
  if (plan.subsystemOrder.length === 0) {
    changes.push({ type: 'subsystems.replace', subsystems: subsystemsFromFolders(inventory.value, {}, {}) });
  }
  return changePlan(ctx, changes);
}
