/**
 * The board's keys, anywhere on the board view: Ctrl+K the palette, `a` and `s` its assign and
 * state pages, `/` the filter, `?` the shortcuts, Escape closes the pane or clears the
 * selection. Not while typing in a field, nor while a card is lifted (dnd-kit has the keys then).
 */
import { useEffect } from 'react';
import { sprintStore } from '../../store';
import { selectBoardLayout } from '../../store/selectors';
import { cardUiStore, focusCard, setCardUi, targetCards } from './cardUi';
import { isLifted } from './cardKeys';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

export function useBoardKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isLifted() || e.altKey) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setCardUi({ palette: cardUiStore.getState().palette === null ? 'root' : null });
        return;
      }
      if (e.ctrlKey || e.metaKey || isTyping(e.target) || dialogOpen()) return;
      const ui = cardUiStore.getState();
      if (e.key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')?.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        setCardUi({ help: true });
      } else if ((e.key === 'a' || e.key === 's') && targetCards().length > 0) {
        e.preventDefault();
        setCardUi({ palette: e.key === 'a' ? 'assign' : 'state' });
      } else if (e.key === 'Escape') {
        if (ui.open !== null) {
          setCardUi({ open: null });
          focusCard(ui.open);
        } else if (ui.selected.length > 0) setCardUi({ selected: [], anchor: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A focused card that a filter hides, or that was removed, gives the tab stop back to the first card;
  // selected cards that are no longer shown leave the selection.
  useEffect(
    () =>
      sprintStore.subscribe((s, prev) => {
        if (selectBoardLayout(s) === selectBoardLayout(prev)) return;
        const shown = new Set(Object.values(selectBoardLayout(s).cards).flat());
        const ui = cardUiStore.getState();
        const patch: { focused?: null; selected?: string[] } = {};
        if (ui.focused !== null && !shown.has(ui.focused)) patch.focused = null;
        if (ui.selected.some((id) => !shown.has(id))) patch.selected = ui.selected.filter((id) => shown.has(id));
        if (Object.keys(patch).length > 0) setCardUi(patch);
      }),
    [],
  );
}
