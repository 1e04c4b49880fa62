/**
 * Undo: the change that takes the plan after `change` back to `before`. Applying a change and
 * then its inverse gives back a plan deep-equal to `before` for every board change (tested).
 * Generic where it can be: prior records go back with `subsystems.put`, created ids are
 * removed, and the prior order is restored with it. Null when there is nothing to undo with
 * (the change would be refused on `before`, or no change can express the prior state).
 * Only client commands are undone, and each inverse is itself a client command: undo and redo
 * go through `plan.change` like any edit, which never takes an engine event.
 */
import type { Plan, Subsystem } from '../model';
import type { ClientCommand } from './events';
import { applyChange } from './apply';
import type { SeriesEdit } from '../series/events';
import { invertPatchesPut } from '../series/fold';
import { seriesSettingsOf } from '../series/model';
import { invertCover, invertSignOff } from '../series/signoff';
import { invertTeamChange } from '../team/fold';
import { invertMaintainersChange } from '../maintainers/events';
import { invertCardChange } from '../card/fold';

export function inverseOf(before: Plan, change: ClientCommand): ClientCommand | null {
  if (!applyChange(before, change).ok) return null;
  switch (change.type) {
    case 'sprint.init': {
      const s = before.sprint;
      return s ? { type: 'sprint.init', upstreamRef: s.upstreamRef, forkRef: s.forkRef, pairings: s.pairings } : null;
    }
    case 'person.put': {
      const prior = before.people[change.person.id];
      // `assign` and `review` only ever restore what a removal took off; cards they took from
      // another owner or reviewer (or from nobody, for a known person) cannot be handed back by one change.
      const ownerBefore = prior ? prior.id : null;
      if ((change.assign ?? []).some((id) => before.subsystems[id]?.owner !== ownerBefore)) return null;
      if ((change.review ?? []).some((id) => (before.cards[id]?.reviewer ?? null) !== ownerBefore)) return null;
      return prior ? { type: 'person.put', person: prior, order: before.personOrder } : { type: 'person.remove', personId: change.person.id };
    }
    case 'person.remove': {
      const prior = before.people[change.personId];
      if (!prior) return null;
      const assign = Object.values(before.subsystems).filter((s) => s.owner === prior.id).map((s) => s.id);
      const review = before.subsystemOrder.filter((id) => before.cards[id]?.reviewer === prior.id);
      return { type: 'person.put', person: prior, order: before.personOrder, assign, ...(review.length > 0 ? { review } : {}) };
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
    case 'card.branch':
    case 'person.wipLimit':
    case 'state.wipLimit':
      return invertTeamChange(before, change);
    case 'maintainers.map':
      return invertMaintainersChange(before, change);
    case 'card.notes':
    case 'card.checklist.put':
    case 'card.checklist.remove':
    case 'card.reviewer':
    case 'cards.set':
      return invertCardChange(before, change);
    default:
      return inverseOfSeriesEdit(before, change);
  }
}

const card = (plan: Plan, id: string): Subsystem => plan.subsystems[id] as Subsystem;

/**
 * Puts back the prior records of `ids` that existed, removes those that did not, and restores
 * the prior order: undoes any change that touched only these subsystems.
 */
function restore(before: Plan, ids: string[]): ClientCommand {
  const unique = [...new Set(ids)];
  return {
    type: 'subsystems.put',
    subsystems: unique.filter((id) => id in before.subsystems).map((id) => before.subsystems[id] as Subsystem),
    remove: unique.filter((id) => !(id in before.subsystems)),
    order: before.subsystemOrder,
  };
}

/**
 * The Series view's edits. A removed patch comes back where it stood, with the whole order
 * (a `series.patches.put`), never as a new proposal: that is the series engine's to write.
 */
function inverseOfSeriesEdit(before: Plan, change: SeriesEdit): ClientCommand | null {
  const series = before.series;
  switch (change.type) {
    case 'series.patch.put': {
      const prior = series.patches[change.patch.id];
      return prior ? { type: 'series.patch.put', patch: prior } : { type: 'series.patch.remove', patchId: change.patch.id };
    }
    case 'series.patch.remove':
      return { type: 'series.patches.put', patches: [series.patches[change.patchId]!], remove: [], order: series.patchOrder };
    case 'series.reorder':
      return { type: 'series.reorder', order: series.patchOrder };
    case 'series.settings':
      return { type: 'series.settings', ...seriesSettingsOf(series) };
    case 'series.patches.put':
      return invertPatchesPut(series, change);
    case 'series.cover':
      return invertCover(series);
    case 'card.signOff':
      return invertSignOff(series, change);
    default:
      return null;
  }
}
