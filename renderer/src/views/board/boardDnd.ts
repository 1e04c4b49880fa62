/**
 * The board's drag and drop rules: which column a pointer or key press lands in, and what a
 * screen reader hears. Cards are draggables and columns droppables (not sortable lists), so a
 * pointer move re-renders the columns, not a thousand cards.
 */
import {
  pointerWithin,
  rectIntersection,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { Plan } from '../../../../shared/model';
import type { ClientCommand } from '../../../../shared/plan/events';
import { parseLaneKey, stateOfSlug, UNASSIGNED } from '../../store/selectors';
import type { BoardMode } from '../../store/types';

const COLUMN_PREFIX = 'column:';
export const columnDropId = (key: string): string => `${COLUMN_PREFIX}${key}`;
export const columnKeyOf = (id: UniqueIdentifier | null | undefined): string | null =>
  typeof id === 'string' && id.startsWith(COLUMN_PREFIX) ? id.slice(COLUMN_PREFIX.length) : null;

/** The pointer's column when the pointer is over one; else the column the card overlaps most. */
export const boardCollisions: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    if (hits.length > 0) return hits;
  }
  return rectIntersection(args);
};

/**
 * The change a drop of `cardId` on the column `key` makes, or null when it changes nothing. A
 * swimlane cell of another person and another state is one `cards.set`, so one undo puts the
 * card back in its old cell.
 */
export function dropChange(plan: Plan, mode: BoardMode, cardId: string, key: string): ClientCommand | null {
  const sub = plan.subsystems[cardId];
  if (!sub) return null;
  const cell = parseLaneKey(key);
  if (cell) {
    const owner = cell.person === UNASSIGNED ? null : cell.person;
    const assign = sub.owner !== owner;
    const move = sub.state !== cell.state;
    if (assign && move) return { type: 'cards.set', cards: [{ subsystemId: cardId, owner, state: cell.state }] };
    if (assign) return { type: 'card.assign', subsystemId: cardId, owner };
    return move ? { type: 'card.state', subsystemId: cardId, state: cell.state } : null;
  }
  if (mode === 'person') {
    const owner = key === UNASSIGNED ? null : key;
    return sub.owner === owner ? null : { type: 'card.assign', subsystemId: cardId, owner };
  }
  const state = stateOfSlug(key);
  return !state || sub.state === state ? null : { type: 'card.state', subsystemId: cardId, state };
}

const centre = (r: ClientRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

type Direction = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp';
const isDirection = (code: string): code is Direction => ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'].includes(code);

/**
 * The column next to `from` in the arrow's direction: the nearest whose centre lies that way,
 * preferring columns in the same row (left/right) or the same stack (up/down).
 */
export function nextColumnRect(from: ClientRect, columns: ClientRect[], code: Direction): ClientRect | null {
  const c = centre(from);
  const horizontal = code === 'ArrowRight' || code === 'ArrowLeft';
  const sign = code === 'ArrowRight' || code === 'ArrowDown' ? 1 : -1;
  let best: { rect: ClientRect; score: number } | null = null;
  for (const rect of columns) {
    const r = centre(rect);
    const along = (horizontal ? r.x - c.x : r.y - c.y) * sign;
    const across = Math.abs(horizontal ? r.y - c.y : r.x - c.x);
    // Half a column's width: the card's own column is never "next".
    if (along <= (horizontal ? rect.width : rect.height) / 2) continue;
    const score = along + across * 2;
    if (!best || score < best.score) best = { rect, score };
  }
  return best?.rect ?? null;
}

/** Arrow keys move the picked-up card to the next column; its height in the column is kept. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (!isDirection(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const columns: ClientRect[] = [];
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (rect && columnKeyOf(container.id)) columns.push(rect);
  }
  const target = nextColumnRect(collisionRect, columns, event.code);
  if (!target) return currentCoordinates;
  const top = Math.min(Math.max(collisionRect.top, target.top + 8), Math.max(target.top + 8, target.top + target.height - collisionRect.height));
  return { x: target.left + (target.width - collisionRect.width) / 2, y: top };
};

/** The visible keyboard help, which every card names as its description. */
export const KEYBOARD_HELP_ID = 'board-keyboard-help';

export const KEYBOARD_HELP =
  'Arrow keys move between cards, Enter opens one, ? lists every shortcut. To move a card: focus it, press Space to pick it up, the arrow keys to move it to another column, Space to drop it, or Escape to cancel.';

export const screenReaderInstructions: ScreenReaderInstructions = { draggable: KEYBOARD_HELP };

/** Announcements in words, naming the card and the column. */
export function boardAnnouncements(cardName: (id: UniqueIdentifier) => string, columnTitle: (key: string) => string): Announcements {
  const where = (id: UniqueIdentifier | undefined) => {
    const key = columnKeyOf(id);
    return key ? columnTitle(key) : null;
  };
  return {
    onDragStart: ({ active }) => `Picked up ${cardName(active.id)}. Arrow keys move it between columns, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) => {
      const col = where(over?.id);
      return col ? `${cardName(active.id)} is over ${col}.` : `${cardName(active.id)} is not over a column.`;
    },
    onDragEnd: ({ active, over }) => {
      const col = where(over?.id);
      return col ? `${cardName(active.id)} was dropped on ${col}.` : `${cardName(active.id)} was dropped outside the columns; nothing changed.`;
    },
    onDragCancel: ({ active }) => `Moving ${cardName(active.id)} was cancelled; it stays where it was.`,
  };
}
