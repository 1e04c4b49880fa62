/**
 * The board's keyboard and selection state: which card holds the board's one tab stop, which
 * cards are selected, which card's pane is open, and which palette or help is shown. It is the
 * board's alone (not the plan's), so it lives beside the views in a small store of its own.
 */
import { flushSync } from 'react-dom';
import { createStore, useStore } from 'zustand';

export type PalettePage = 'root' | 'assign' | 'state';

export interface CardUi {
  /** The card with tabIndex 0; null: the board's first card. */
  focused: string | null;
  /** Selected cards, in the order they were selected; the bulk actions act on them. */
  selected: string[];
  /** Where a Shift selection started. */
  anchor: string | null;
  /** The card whose pane is open. */
  open: string | null;
  palette: PalettePage | null;
  help: boolean;
}

export const cardUiStore = createStore<CardUi>(() => ({ focused: null, selected: [], anchor: null, open: null, palette: null, help: false }));

export function useCardUi<T>(selector: (s: CardUi) => T): T {
  return useStore(cardUiStore, selector);
}

export const setCardUi = (patch: Partial<CardUi>): void => cardUiStore.setState(patch);

/** The cards an action applies to: the selection, else the focused card. */
export function targetCards(): string[] {
  const { selected, focused, open } = cardUiStore.getState();
  if (selected.length > 0) return selected;
  const one = focused ?? open;
  return one ? [one] : [];
}

export const cardElement = (id: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);

export const PANE_MARK = 'merge-sprint:pane-open';

/** Opens the card's pane (and gives it the tab stop); the mark is where the pane benchmark starts. */
export function openCard(id: string): void {
  performance.mark(PANE_MARK, { detail: { card: id } });
  setCardUi({ open: id, focused: id });
}

/**
 * Gives the card the tab stop and the focus (scrolling it into view). The tab stop is rendered
 * at once, so a card outside a long column's rendered window is there to be focused.
 */
export function focusCard(id: string): void {
  flushSync(() => setCardUi({ focused: id }));
  cardElement(id)?.focus();
}
