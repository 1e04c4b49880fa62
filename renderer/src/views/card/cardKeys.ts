/**
 * A card's own keys and clicks. Arrow keys move the board's tab stop between cards, Shift with
 * an arrow extends the selection, Enter opens the card's pane; Space stays dnd-kit's (pick up,
 * arrows between columns, Space to drop), so while a card is lifted the arrows are left to it.
 * A click opens the pane, Ctrl (Cmd) or Shift with a click selects.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import { sprintStore } from '../../store';
import { selectBoardLayout } from '../../store/selectors';
import { cardUiStore, focusCard, openCard, setCardUi } from './cardUi';
import { cardRange, isArrow, neighbour } from './navigation';

let lifted = false;
/** Space went to dnd-kit: until the drop or the cancel, arrows move the lifted card. */
export const liftStarted = (): void => {
  lifted = true;
};
export const liftEnded = (): void => {
  lifted = false;
};
export const isLifted = (): boolean => lifted;

const layout = () => selectBoardLayout(sprintStore.getState());

/** Handles the key when it is the card's; false leaves it to dnd-kit. */
export function cardKey(id: string, e: KeyboardEvent<HTMLElement>): boolean {
  if (lifted || e.altKey || e.ctrlKey || e.metaKey) return false;
  if (e.key === 'Enter') {
    e.preventDefault();
    openCard(id);
    return true;
  }
  if (!isArrow(e.key)) return false;
  e.preventDefault();
  const next = neighbour(layout(), id, e.key);
  if (!next) return true;
  if (e.shiftKey) {
    const anchor = cardUiStore.getState().anchor ?? id;
    setCardUi({ anchor, selected: cardRange(layout(), anchor, next) });
  } else if (cardUiStore.getState().open !== null) {
    // An open pane follows the focus, as a list's preview does.
    openCard(next);
  }
  focusCard(next);
  return true;
}

export function cardClicked(id: string, e: MouseEvent<HTMLElement>): void {
  const ui = cardUiStore.getState();
  if (e.ctrlKey || e.metaKey) {
    const selected = ui.selected.includes(id) ? ui.selected.filter((x) => x !== id) : [...ui.selected, id];
    setCardUi({ selected, anchor: id, focused: id });
  } else if (e.shiftKey) {
    const anchor = ui.anchor ?? ui.focused ?? id;
    setCardUi({ selected: cardRange(layout(), anchor, id), anchor, focused: id });
  } else {
    setCardUi({ selected: [], anchor: id });
    openCard(id);
  }
}
