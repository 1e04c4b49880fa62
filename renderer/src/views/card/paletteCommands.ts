/**
 * The palette's commands: every action of the board by name, and on its "assign" and "state"
 * pages (the `a` and `s` keys) the people and the states for the focused or selected cards.
 */
import { CARD_STATES } from '../../../../shared/model';
import { sprintStore } from '../../store';
import type { SprintState } from '../../store/types';
import { selectBoardLayout } from '../../store/selectors';
import { VIEWS } from '../shell/routing';
import { assignCards, moveCards } from './cardActions';
import { cardUiStore, focusCard, openCard, setCardUi, targetCards, type PalettePage } from './cardUi';
import { readingOrder } from './navigation';
import { plural } from '../common/format';

export interface PaletteCommand {
  /** Unique: cmdk tells items apart by it. */
  id: string;
  label: string;
  group: string;
  hint?: string;
  run: () => void;
}

const st = (): SprintState => sprintStore.getState();

/** "net" or "5 cards": what an action acts on. */
function targetWords(): string {
  const ids = targetCards();
  if (ids.length === 1) return st().plan.subsystems[ids[0]!]?.name ?? ids[0]!;
  return plural(ids.length, 'card');
}

function assignPage(): PaletteCommand[] {
  const { plan } = st();
  const words = targetWords();
  return [
    ...plan.personOrder.map((id) => ({ id: `assign:${id}`, label: plan.people[id]?.name ?? id, group: `Assign ${words} to`, run: () => void assignCards(targetCards(), id) })),
    { id: 'assign:none', label: 'Unassigned', group: `Assign ${words} to`, run: () => void assignCards(targetCards(), null) },
  ];
}

function statePage(): PaletteCommand[] {
  const words = targetWords();
  return CARD_STATES.map((state) => ({ id: `state:${state}`, label: state, group: `Move ${words} to`, run: () => void moveCards(targetCards(), state) }));
}

function rootPage(onBlock: (id: string) => void, goTo: (page: PalettePage) => void): PaletteCommand[] {
  const s = st();
  const targets = targetCards();
  const one = targets.length === 1 ? s.plan.subsystems[targets[0]!] : undefined;
  const filter = s.boardFilter;
  const cards: PaletteCommand[] = [];
  if (targets.length > 0) {
    cards.push({ id: 'go:assign', label: `Assign ${targetWords()}…`, group: 'Cards', hint: 'a', run: () => goTo('assign') });
    cards.push({ id: 'go:state', label: `Set the state of ${targetWords()}…`, group: 'Cards', hint: 's', run: () => goTo('state') });
  }
  if (one) {
    cards.push({ id: 'card:open', label: `Open ${one.name}`, group: 'Cards', hint: 'Enter', run: () => openCard(one.id) });
    cards.push({ id: 'card:block', label: one.blocked === null ? `Mark ${one.name} blocked…` : `Unblock ${one.name}…`, group: 'Cards', run: () => onBlock(one.id) });
  }
  const shown = readingOrder(selectBoardLayout(s));
  cards.push({ id: 'select:all', label: `Select all ${plural(shown.length, 'shown card')}`, group: 'Cards', run: () => setCardUi({ selected: shown, anchor: shown[0] ?? null }) });
  if (cardUiStore.getState().selected.length > 0) cards.push({ id: 'select:none', label: 'Clear the selection', group: 'Cards', hint: 'Escape', run: () => setCardUi({ selected: [], anchor: null }) });
  const filters: PaletteCommand[] = [
    { id: 'filter:text', label: 'Filter the cards by name, file or person', group: 'Filter', hint: '/', run: () => document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')?.focus() },
    { id: 'filter:blocked', label: filter.blocked ? 'Show all cards, not only blocked ones' : 'Show only blocked cards', group: 'Filter', run: () => s.setBoardFilter({ blocked: !filter.blocked }) },
    { id: 'filter:mine', label: filter.mine ? 'Show everyone’s cards' : 'Show only my cards', group: 'Filter', run: () => s.setBoardFilter({ mine: !filter.mine }) },
    { id: 'filter:clear', label: 'Clear every filter', group: 'Filter', run: () => s.setBoardFilter({ person: 'all', state: 'all', text: '', notVerified: false, blocked: false, mine: false }) },
  ];
  const board: PaletteCommand[] = [
    { id: 'mode:person', label: 'Group the board by person', group: 'Board', run: () => s.setBoardMode('person') },
    { id: 'mode:state', label: 'Group the board by state', group: 'Board', run: () => s.setBoardMode('state') },
    { id: 'board:activity', label: s.boardActivity ? 'Hide the recent activity' : 'Show the recent activity', group: 'Board', run: () => s.setBoardActivity(!s.boardActivity) },
    { id: 'board:large', label: s.largeBoard ? 'Normal size' : 'Projector size', group: 'Board', run: () => s.setLargeBoard(!s.largeBoard) },
    { id: 'board:help', label: 'Keyboard shortcuts', group: 'Board', hint: '?', run: () => setCardUi({ help: true }) },
  ];
  const undo = s.undoStack.at(-1);
  const redo = s.redoStack.at(-1);
  const edit: PaletteCommand[] = [
    ...(undo ? [{ id: 'edit:undo', label: `Undo: ${undo.label}`, group: 'Edit', hint: 'Ctrl+Z', run: () => void s.undo() }] : []),
    ...(redo ? [{ id: 'edit:redo', label: `Redo: ${redo.label}`, group: 'Edit', hint: 'Ctrl+Shift+Z', run: () => void s.redo() }] : []),
  ];
  const views = VIEWS.map((v) => ({ id: `view:${v.name}`, label: `Go to ${v.title}`, group: 'Views', run: () => s.setView(v.name) }));
  return [...cards, ...filters, ...board, ...edit, ...views];
}

/** Every card by name, to open it: listed once something is typed (a thousand names would bury the actions). */
export function cardCommands(): PaletteCommand[] {
  const { plan } = st();
  return plan.subsystemOrder.map((id) => ({
    id: `open:${id}`,
    label: plan.subsystems[id]?.name ?? id,
    group: 'Open a card',
    run: () => {
      openCard(id);
      focusCard(id);
    },
  }));
}

export function paletteCommands(page: PalettePage, onBlock: (id: string) => void, goTo: (page: PalettePage) => void): PaletteCommand[] {
  if (page === 'assign') return assignPage();
  if (page === 'state') return statePage();
  return rootPage(onBlock, goTo);
}
