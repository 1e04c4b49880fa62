/**
 * The inventory of the plan's refs, computed once per pair of commits and pairings (the
 * repository's caches), and the files no subsystem holds (for the command line: a board derives
 * them from the inventory it has).
 */
import type { PlanSnapshot } from '../../../shared/api';
import type { Inventory, SprintSettings } from '../../../shared/model';
import { filesInNoSubsystem } from '../../../shared/inventory';
import { fail, ok, type Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { NO_PLAN } from '../plan/no-plan';
import { rulesOf, withInterimCopies } from '../rename/interim';
import { computeInventory } from './inventory';

type InventoryAccess = Pick<RepoServices, 'repo' | 'caches'>;

/**
 * The inventory of these settings (refs as typed; pairings checked by computeInventory). Calls
 * that want it at the same moment (boards opening together, a derive and the inventory view)
 * share one computation.
 */
export async function inventoryFor(ctx: InventoryAccess, settings: SprintSettings): Promise<Result<Inventory>> {
  const key = JSON.stringify([settings.upstreamRef, settings.forkRef, settings.pairings.map((p) => [p.fork, p.upstream])]);
  const inFlight = ctx.caches.inventoriesInFlight;
  let entry = inFlight.get(key);
  if (!entry) {
    entry = computeInventory(ctx.repo, settings, ctx.caches.inventoryFiles);
    inFlight.set(key, entry);
    const forget = (): void => {
      inFlight.delete(key);
    };
    entry.then(forget, forget);
  }
  return entry;
}

/** The inventory of the repository's sprint plan, with the interim copies of copied rename rules marked. */
export async function sprintInventory(ctx: InventoryAccess & Pick<RepoServices, 'plan'>): Promise<Result<Inventory>> {
  const { plan } = await ctx.plan.snapshot();
  if (!plan.sprint) return fail('no-plan', NO_PLAN);
  const inventory = await inventoryFor(ctx, plan.sprint);
  return inventory.ok ? ok(await withInterimCopies(ctx.repo, inventory.value, rulesOf(plan), ctx.caches)) : inventory;
}

/** A snapshot with the files no subsystem holds, as the command line prints it. */
export type PlanWithUnassigned = PlanSnapshot & { unassignedFiles: string[] };

/** Adds `unassignedFiles` to a snapshot, for the command line; empty when the inventory cannot be computed right now. */
export async function withUnassignedFiles(ctx: InventoryAccess, snapshot: PlanSnapshot): Promise<PlanWithUnassigned> {
  const { sprint, subsystems } = snapshot.plan;
  if (!sprint) return { ...snapshot, unassignedFiles: [] };
  const inventory = await inventoryFor(ctx, sprint);
  if (!inventory.ok) return { ...snapshot, unassignedFiles: [] };
  const marked = await withInterimCopies(ctx.repo, inventory.value, rulesOf(snapshot.plan), ctx.caches).catch(() => inventory.value);
  return { ...snapshot, unassignedFiles: filesInNoSubsystem(marked, Object.values(subsystems)) };
}
