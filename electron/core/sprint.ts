/**
 * The sprint as the API sees it: who is acting, the inventory of the plan's refs (computed once
 * per pair of commits and pairings), the files no subsystem holds (for the command line), and
 * starting a sprint only after its refs and pairings proved valid.
 */
import os from 'node:os';
import path from 'node:path';
import type { PlanSnapshot, RepoSummary } from '../../shared/api';
import type { Actor, Inventory, SprintSettings, Subsystem } from '../../shared/model';
import type { PlanChange } from '../../shared/plan/events';
import { filesInNoSubsystem } from '../../shared/inventory';
import { fail, ok, type Result } from '../../shared/result';
import type { SprintContext } from './context';
import { readConfig } from './git/config';
import { listRefs } from './git/refs';
import { computeInventory } from './inventory/inventory';
import { checkPairings } from './inventory/pairings';
import { rulesOf, withInterimCopies } from './rename/interim';
import { deriveSubsystems } from '../../shared/plan/derive';

/** Who is acting: the repository's git identity, else the OS user (a plan change always has an author). */
export async function resolveActor(repo: string): Promise<Actor> {
  const [name, email] = await Promise.all([readConfig(repo, 'user.name'), readConfig(repo, 'user.email')]);
  let fallback = 'Merge Sprint user';
  try {
    fallback = os.userInfo().username || fallback;
  } catch {
    // No passwd entry (some containers): keep the generic name.
  }
  return { name: name?.trim() || fallback, email: email?.trim() ?? '' };
}

const NO_PLAN = 'No sprint has been started in this repository: name the upstream ref, the fork ref and the pairings first (`merge-sprint init`, or Start sprint in the app).';

/**
 * Inventories being computed, so that a change's answer and its push (which both want the
 * inventory at once) share one computation. computeInventory keeps finished ones per commits
 * and pairings.
 */
const inFlight = new Map<string, Promise<Result<Inventory>>>();

/** The inventory of these settings (refs as typed; pairings checked by computeInventory). */
export async function inventoryFor(repo: string, settings: SprintSettings): Promise<Result<Inventory>> {
  const key = JSON.stringify([repo, settings.upstreamRef, settings.forkRef, settings.pairings.map((p) => [p.fork, p.upstream])]);
  let entry = inFlight.get(key);
  if (!entry) {
    entry = computeInventory(repo, settings);
    inFlight.set(key, entry);
    const forget = (): void => {
      inFlight.delete(key);
    };
    entry.then(forget, forget);
  }
  return entry;
}

export { checkPairings };

/** The inventory of the repository's sprint plan, with the interim copies of copied rename rules marked. */
export async function sprintInventory(ctx: SprintContext): Promise<Result<Inventory>> {
  const { plan } = await ctx.plan.snapshot();
  if (!plan.sprint) return fail('no-plan', NO_PLAN);
  const inventory = await inventoryFor(ctx.repo, plan.sprint);
  return inventory.ok ? ok(await withInterimCopies(ctx.repo, inventory.value, rulesOf(plan))) : inventory;
}

export { filesInNoSubsystem };

/** A snapshot with the files no subsystem holds, as the command line prints it. */
export type PlanWithUnassigned = PlanSnapshot & { unassignedFiles: string[] };

/**
 * Adds `unassignedFiles` to a snapshot, for the command line (a board derives them from the
 * inventory it has); empty when the inventory cannot be computed right now.
 */
export async function withUnassignedFiles(ctx: SprintContext, snapshot: PlanSnapshot): Promise<PlanWithUnassigned> {
  const { sprint, subsystems } = snapshot.plan;
  if (!sprint) return { ...snapshot, unassignedFiles: [] };
  const inventory = await inventoryFor(ctx.repo, sprint);
  if (!inventory.ok) return { ...snapshot, unassignedFiles: [] };
  const marked = await withInterimCopies(ctx.repo, inventory.value, rulesOf(snapshot.plan)).catch(() => inventory.value);
  return { ...snapshot, unassignedFiles: filesInNoSubsystem(marked, Object.values(subsystems)) };
}

export async function planSnapshot(ctx: SprintContext): Promise<PlanSnapshot> {
  return ctx.plan.snapshot();
}

/** The services' changes (the store's `record`), as one step in the actor's name. */
export async function changePlan(ctx: SprintContext, changes: PlanChange[], actor: Actor = ctx.actor): Promise<Result<PlanSnapshot>> {
  return changes.length === 1 && changes[0] ? ctx.plan.record(changes[0], actor) : ctx.plan.recordAll(changes, actor);
}

/** Subsystems derived from the folders of the inventory's files, keeping owner and state of any that stay. */
export function subsystemsFromFolders(
  inventory: Inventory,
  previous: Record<string, Subsystem>,
  opts: { depth?: number; minFiles?: number },
): Subsystem[] {
  // Interim copies are no work of their own: they go where their source goes.
  const derived = deriveSubsystems(
    inventory.files.filter((f) => f.interimCopyOf === undefined).map((f) => f.path),
    opts,
  );
  return derived.map((s) => {
    const before = previous[s.id];
    return before ? { ...s, owner: before.owner, state: before.state, blocked: before.blocked } : s;
  });
}

/**
 * Starts (or re-targets) the sprint: the refs must name commits and every pairing folder must
 * exist, proved by computing the inventory before anything is written. A plan with no
 * subsystems yet gets them from folders in the same step, so the board is never empty.
 */
export async function initSprint(ctx: SprintContext, settings: SprintSettings): Promise<Result<PlanSnapshot>> {
  const pairings = checkPairings(settings.pairings);
  if (!pairings.ok) return pairings;
  const clean: SprintSettings = { upstreamRef: settings.upstreamRef, forkRef: settings.forkRef, pairings: pairings.value };
  const inventory = await inventoryFor(ctx.repo, clean);
  if (!inventory.ok) return inventory;
  const { plan } = await ctx.plan.snapshot();
  const changes: PlanChange[] = [{ type: 'sprint.init', ...clean }];
  if (plan.subsystemOrder.length === 0) {
    changes.push({ type: 'subsystems.replace', subsystems: subsystemsFromFolders(inventory.value, {}, {}) });
  }
  return changePlan(ctx, changes);
}

export async function repoSummary(ctx: SprintContext): Promise<RepoSummary> {
  const [refs, snapshot] = await Promise.all([listRefs(ctx.repo), ctx.plan.snapshot()]);
  return {
    path: ctx.repo,
    name: path.basename(ctx.repo),
    branch: refs.current,
    branches: refs.branches,
    tags: refs.tags,
    hasPlan: snapshot.plan.sprint !== null,
  };
}

export { NO_PLAN };
