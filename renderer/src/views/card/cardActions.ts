/**
 * What the keyboard, the pane, the bulk bar and the palette do to cards. One card takes the
 * board's ordinary change (card.assign, card.state); several take one `cards.set`, which the
 * plan undoes as one step.
 */
import type { CardState } from '../../../../shared/model';
import type { ClientCommand } from '../../../../shared/plan/events';
import { sprintStore } from '../../store';

/** Where the card pane benchmark starts timing a move: one card or several. */
export const CARDS_MARK = 'merge-sprint:cards-change';

/** Cards that would change, in the order given; unknown ids are left out. */
function changing(ids: string[], differs: (id: string) => boolean): string[] {
  const { subsystems } = sprintStore.getState().plan;
  return [...new Set(ids)].filter((id) => id in subsystems && differs(id));
}

function send(change: ClientCommand, count: number): Promise<boolean> {
  performance.mark(CARDS_MARK, { detail: { cards: count } });
  return sprintStore.getState().applyLocal(change);
}

export function assignCards(ids: string[], owner: string | null): Promise<boolean> {
  const todo = changing(ids, (id) => sprintStore.getState().plan.subsystems[id]?.owner !== owner);
  if (todo.length === 0) return Promise.resolve(true);
  if (todo.length === 1) return send({ type: 'card.assign', subsystemId: todo[0]!, owner }, 1);
  return send({ type: 'cards.set', cards: todo.map((subsystemId) => ({ subsystemId, owner })) }, todo.length);
}

export function moveCards(ids: string[], state: CardState): Promise<boolean> {
  const todo = changing(ids, (id) => sprintStore.getState().plan.subsystems[id]?.state !== state);
  if (todo.length === 0) return Promise.resolve(true);
  if (todo.length === 1) return send({ type: 'card.state', subsystemId: todo[0]!, state }, 1);
  return send({ type: 'cards.set', cards: todo.map((subsystemId) => ({ subsystemId, state })) }, todo.length);
}
