/** A card's own changes applied to the plan, and their inverses (pure, as shared/plan/apply.ts). */
import type { Plan, Subsystem } from '../model';
import { fail, ok, type Result } from '../result';
import type { CardChange } from './events';
import { emptyCardDetail, MAX_CHECKLIST_ITEMS, type CardDetail } from './model';

type Change<T extends CardChange['type']> = Extract<CardChange, { type: T }>;

const unknownCard = (id: string) => fail('not-found', `There is no subsystem with id "${id}": it may have been removed or merged meanwhile; reload the board.`);
const unknownPerson = (id: string) => fail('not-found', `There is no person with id "${id}": add the person first, or reload the board.`);

export const detailOf = (plan: Plan, id: string): CardDetail => plan.cards[id] ?? emptyCardDetail();

/** A card whose details are all empty has no entry, so that undoing a first note gives back the plan exactly. */
export function withDetail(plan: Plan, id: string, detail: CardDetail): Plan {
  const { [id]: _old, ...rest } = plan.cards;
  const empty = detail.notes === '' && detail.checklist.length === 0 && detail.reviewer === null;
  return { ...plan, cards: empty ? rest : { ...rest, [id]: detail } };
}

export function applyCardChange(plan: Plan, change: CardChange): Result<Plan> {
  if (change.type === 'cards.set') return applyBulk(plan, change);
  const id = change.subsystemId;
  const sub = plan.subsystems[id];
  if (!sub) return unknownCard(id);
  const detail = detailOf(plan, id);
  switch (change.type) {
    case 'card.notes':
      return ok(withDetail(plan, id, { ...detail, notes: change.notes }));
    case 'card.checklist.put': {
      const others = detail.checklist.filter((item) => item.id !== change.item.id);
      const at = detail.checklist.findIndex((item) => item.id === change.item.id);
      if (at < 0 && others.length >= MAX_CHECKLIST_ITEMS) return fail('refused', `A card's checklist holds at most ${MAX_CHECKLIST_ITEMS} items: split the card, or tick some off and remove them.`);
      const index = Math.min(change.index ?? (at < 0 ? others.length : at), others.length);
      const checklist = [...others.slice(0, index), change.item, ...others.slice(index)];
      return ok(withDetail(plan, id, { ...detail, checklist }));
    }
    case 'card.checklist.remove': {
      if (!detail.checklist.some((item) => item.id === change.itemId)) return fail('not-found', `"${sub.name}" has no checklist item with id "${change.itemId}": someone may have removed it; reload the board.`);
      return ok(withDetail(plan, id, { ...detail, checklist: detail.checklist.filter((item) => item.id !== change.itemId) }));
    }
    case 'card.reviewer': {
      if (change.reviewer !== null && !(change.reviewer in plan.people)) return unknownPerson(change.reviewer);
      if (change.reviewer !== null && change.reviewer === sub.owner) {
        return fail('refused', `${plan.people[change.reviewer]?.name ?? change.reviewer} owns "${sub.name}": a card is reviewed by someone other than its owner.`);
      }
      return ok(withDetail(plan, id, { ...detail, reviewer: change.reviewer }));
    }
  }
}

/** Every card's owner and state at once, or nothing: one unknown card or person refuses the whole change. */
function applyBulk(plan: Plan, change: Change<'cards.set'>): Result<Plan> {
  const seen = new Set<string>();
  const subsystems = { ...plan.subsystems };
  for (const c of change.cards) {
    const sub = plan.subsystems[c.subsystemId];
    if (!sub) return unknownCard(c.subsystemId);
    if (seen.has(c.subsystemId)) return fail('refused', `The bulk change names "${sub.name}" twice: name each card once.`);
    seen.add(c.subsystemId);
    if (c.owner != null && !(c.owner in plan.people)) return unknownPerson(c.owner);
    const next: Subsystem = { ...sub, ...(c.owner !== undefined ? { owner: c.owner } : {}), ...(c.state !== undefined ? { state: c.state } : {}) };
    subsystems[c.subsystemId] = next;
  }
  return ok({ ...plan, subsystems });
}

/** The change that puts back what `change` replaced (undo); `change` applies on `before`. */
export function invertCardChange(before: Plan, change: CardChange): CardChange {
  if (change.type === 'cards.set') {
    return {
      type: 'cards.set',
      cards: change.cards.map((c) => {
        const sub = before.subsystems[c.subsystemId] as Subsystem;
        return { subsystemId: c.subsystemId, ...(c.owner !== undefined ? { owner: sub.owner } : {}), ...(c.state !== undefined ? { state: sub.state } : {}) };
      }),
    };
  }
  const id = change.subsystemId;
  const detail = detailOf(before, id);
  switch (change.type) {
    case 'card.notes':
      return { type: 'card.notes', subsystemId: id, notes: detail.notes };
    case 'card.reviewer':
      return { type: 'card.reviewer', subsystemId: id, reviewer: detail.reviewer };
    case 'card.checklist.put': {
      const index = detail.checklist.findIndex((item) => item.id === change.item.id);
      const prior = detail.checklist[index];
      return prior ? { type: 'card.checklist.put', subsystemId: id, item: prior, index } : { type: 'card.checklist.remove', subsystemId: id, itemId: change.item.id };
    }
    case 'card.checklist.remove': {
      const index = detail.checklist.findIndex((item) => item.id === change.itemId);
      return { type: 'card.checklist.put', subsystemId: id, item: detail.checklist[index]!, index };
    }
  }
}
