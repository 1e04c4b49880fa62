/** What a drop does, and the performance marks the board benchmark reads. */
import type { UniqueIdentifier } from '@dnd-kit/core';
import { sprintStore } from '../../store';
import { selectBoardLayout } from '../../store/selectors';
import { columnKeyOf, dropChange } from './boardDnd';

export const DROP_MARK = 'merge-sprint:drop';
export const RENDER_MARK = 'merge-sprint:board-rendered';
export const PAINT_MARK = 'merge-sprint:board-painted';

/** Moves the card to the column it was dropped on: a new owner (by person), a new state, or in swimlanes either or both. */
export function dropCard(cardId: string, overId: UniqueIdentifier | null): void {
  const key = columnKeyOf(overId);
  const s = sprintStore.getState();
  const change = key ? dropChange(s.plan, s.boardMode, cardId, key) : null;
  if (!change) return;
  performance.mark(DROP_MARK, { detail: { card: cardId, column: key } });
  void s.applyLocal(change);
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
