/** What a drop does, and the performance marks the board benchmark reads. */
import type { UniqueIdentifier } from '@dnd-kit/core';
import { sprintStore } from '../../store';
import { parseLaneKey, selectBoardLayout, stateOfSlug, UNASSIGNED } from '../../store/selectors';
import { columnKeyOf } from './boardDnd';

export const DROP_MARK = 'merge-sprint:drop';
export const RENDER_MARK = 'merge-sprint:board-rendered';
export const PAINT_MARK = 'merge-sprint:board-painted';

/** Moves the card to the column it was dropped on: a new owner (by person), a new state, or in swimlanes either or both. */
export function dropCard(cardId: string, overId: UniqueIdentifier | null): void {
  const key = columnKeyOf(overId);
  const s = sprintStore.getState();
  const sub = s.plan.subsystems[cardId];
  if (!key || !sub) return;
  const cell = parseLaneKey(key);
  if (cell) {
    const owner = cell.person === UNASSIGNED ? null : cell.person;
    if (sub.owner === owner && sub.state === cell.state) return;
    performance.mark(DROP_MARK, { detail: { card: cardId, column: key } });
    if (sub.owner !== owner) void s.applyLocal({ type: 'card.assign', subsystemId: cardId, owner });
    if (sub.state !== cell.state) void s.applyLocal({ type: 'card.state', subsystemId: cardId, state: cell.state });
    return;
  }
  if (s.boardMode === 'person') {
    const owner = key === UNASSIGNED ? null : key;
    if (sub.owner === owner) return;
    performance.mark(DROP_MARK, { detail: { card: cardId, column: key } });
    void s.applyLocal({ type: 'card.assign', subsystemId: cardId, owner });
  } else {
    const state = stateOfSlug(key);
    if (!state || sub.state === state) return;
    performance.mark(DROP_MARK, { detail: { card: cardId, column: key } });
    void s.applyLocal({ type: 'card.state', subsystemId: cardId, state });
  }
}

let rendered = false;
/**
 * Marks the first commit that puts cards in the DOM, and the frame that paints it: with the
 * cards the board's columns hold and the cards drawn (a long column draws those near its view).
 */
export function markFirstRender(): void {
  if (rendered) return;
  rendered = true;
  const layout = selectBoardLayout(sprintStore.getState());
  const cards = Object.values(layout.cards).reduce((n, ids) => n + ids.length, 0);
  const drawn = document.querySelectorAll('[data-testid^="card-"]').length;
  performance.mark(RENDER_MARK, { detail: { cards, drawn } });
  requestAnimationFrame(() => performance.mark(PAINT_MARK, { detail: { cards, drawn } }));
}
