/**
 * Undo: the change that takes the plan after `change` back to `before`. Applying a change and
 * then its inverse gives back a plan deep-equal to `before` for every board change (tested).
 * Generic where it can be: prior records go back with `subsystems.put`, created ids are
 * removed, and the prior order is restored with it. Null when there is nothing to undo with
 * (the change would be refused on `before`, or no change can express the prior state).
 */
import type { Plan, Subsystem } from '../model';
import type { PlanChange } from './events';
import { applyChange } from './apply';
import type { ExtensionChange } from './apply-extensions';
import { invertPatchesPut } from '../series/fold';

export function inverseOf(before: Plan, change: PlanChange): PlanChange | null {
  if (!applyChange(before, change).ok) return null;
  switch (change.type) {
    case 'sprint.init': {
      const s = before.sprint;
      return s ? { type: 'sprint.init', upstreamRef: s.upstreamRef, forkRef: s.forkRef, pairings: s.pairings } : null;
    }
    case 'person.put': {
      const prior = before.people[change.person.id];
      // `assign` only ever restores cards a removal unassigned; cards it took from another
      // owner (or from nobody, for a known person) cannot be handed back by one change.
      const ownerBefore = prior ? prior.id : null;
      if ((change.assign ?? []).some((id) => before.subsystems[id]?.owner !== ownerBefore)) return null;
      return prior ? { type: 'person.put', person: prior, order: before.personOrder } : { type: 'person.remove', personId: change.person.id };
    }
    case 'person.remove': {
      const prior = before.people[change.personId];
      if (!prior) return null;
      const assign = Object.values(before.subsystems).filter((s) => s.owner === prior.id).map((s) => s.id);
      return { type: 'person.put', person: prior, order: before.personOrder, assign };
    }
    case 'subsystems.replace':
      return { type: 'subsystems.replace', subsystems: before.subsystemOrder.map((id) => before.subsystems[id] as Subsystem) };
    case 'subsystems.put':
      return restore(before, [...change.subsystems.map((s) => s.id), ...change.remove]);
    case 'subsystem.rename':
      return { type: 'subsystem.rename', subsystemId: change.subsystemId, name: (before.subsystems[change.subsystemId] as Subsystem).name };
    case 'subsystem.merge':
      return restore(before, change.subsystemIds);
    case 'subsystem.split':
      return restore(before, [change.subsystemId, change.newId]);
    case 'file.move': {
      const from = Object.values(before.subsystems).find((s) => s.files.includes(change.path));
      return restore(before, from ? [from.id, change.to] : [change.to]);
    }
    case 'card.assign':
      return { type: 'card.assign', subsystemId: change.subsystemId, owner: card(before, change.subsystemId).owner };
    case 'card.state':
      return { type: 'card.state', subsystemId: change.subsystemId, state: card(before, change.subsystemId).state };
    case 'card.block':
      return { type: 'card.block', subsystemId: change.subsystemId, reason: card(before, change.subsystemId).blocked };
    case 'card.reorder':
      return { type: 'card.reorder', order: before.subsystemOrder };
    default:
      return inverseOfExtension(before, change);
  }
}

const card = (plan: Plan, id: string): Subsystem => plan.subsystems[id] as Subsystem;

/**
 * Puts back the prior records of `ids` that existed, removes those that did not, and restores
 * the prior order: undoes any change that touched only these subsystems.
 */
function restore(before: Plan, ids: string[]): PlanChange {
  const unique = [...new Set(ids)];
  return {
    type: 'subsystems.put',
    subsystems: unique.filter((id) => id in before.subsystems).map((id) => before.subsystems[id] as Subsystem),
    remove: unique.filter((id) => !(id in before.subsystems)),
    order: before.subsystemOrder,
  };
}

/**
 * Rename, build and series changes. Re-adding a removed rule or build check puts it at the end
 * of its list (no rename/build event carries a position); patches get their exact order back
 * through `series.propose` when the series has a target and a base.
 */
function inverseOfExtension(before: Plan, change: ExtensionChange): PlanChange | null {
  const series = before.series;
  const wholeSeries = (): PlanChange | null =>
    series.target !== null && series.base !== null
      ? { type: 'series.propose', target: series.target, base: series.base, patches: series.patchOrder.map((id) => series.patches[id]!) }
      : null;
  switch (change.type) {
    case 'rename.put': {
      const prior = before.renames[change.rule.id];
      return prior ? { type: 'rename.put', rule: prior } : { type: 'rename.remove', ruleId: change.rule.id };
    }
    case 'rename.remove':
      return { type: 'rename.put', rule: before.renames[change.ruleId]! };
    case 'build.put': {
      const prior = before.builds[change.build.id];
      return prior ? { type: 'build.put', build: prior } : { type: 'build.remove', buildId: change.build.id };
    }
    case 'build.remove':
      return { type: 'build.put', build: before.builds[change.buildId]! };
    case 'series.propose':
      return wholeSeries();
    case 'series.patch.put': {
      const prior = series.patches[change.patch.id];
      return prior ? { type: 'series.patch.put', patch: prior } : { type: 'series.patch.remove', patchId: change.patch.id };
    }
    case 'series.patch.remove':
      return wholeSeries() ?? { type: 'series.patch.put', patch: series.patches[change.patchId]! };
    case 'series.reorder':
      return { type: 'series.reorder', order: series.patchOrder };
    case 'series.patches.put':
      return invertPatchesPut(series, change);
    case 'series.version':
      return null;
    default:
      return null;
  }
}
