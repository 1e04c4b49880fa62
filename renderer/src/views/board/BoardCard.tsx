/**
 * A card on the board. It becomes a dnd-kit draggable only when first pressed or keyed: a
 * thousand idle draggables would all re-render at every drag start and drop, so idle cards
 * are plain elements and `DragBinding` attaches dnd-kit to the card the user reaches for.
 */
import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useSprint } from '../../store';
import { describeCardRename, renamesOf } from '../../store/cardRenames';
import { cardLabel, ownerOf, selectBoardLayout, statsOf } from '../../store/selectors';
import { firstCardOf } from '../card/navigation';
import { CardBody } from './CardBody';
import { KEYBOARD_HELP_ID } from './boardDnd';
import { cardUiStore, setCardUi, useCardUi } from '../card/cardUi';
import { cardClicked, cardKey, liftStarted } from '../card/cardKeys';

interface BindingProps {
  id: string;
  node: RefObject<HTMLElement | null>;
  listeners: RefObject<DraggableSyntheticListeners>;
  onDragging: (dragging: boolean) => void;
}

/** Registers the card's element with dnd-kit and hands its listeners to the card. */
function DragBinding({ id, node, listeners, onDragging }: BindingProps) {
  const draggable = useDraggable({ id });
  const { setNodeRef, setActivatorNodeRef, isDragging } = draggable;
  useLayoutEffect(() => {
    setNodeRef(node.current);
    setActivatorNodeRef(node.current);
  }, [node, setNodeRef, setActivatorNodeRef]);
  useLayoutEffect(() => {
    listeners.current = draggable.listeners;
  });
  useLayoutEffect(() => onDragging(isDragging), [isDragging, onDragging]);
  return null;
}

interface CardProps {
  id: string;
  showState: boolean;
  onBlock: (id: string) => void;
  /** In a long column (ColumnCards): the card's place in it, its offset, and the list's measuring ref. */
  slot?: number;
  slotCount?: number;
  slotStart?: number;
  measure?: (el: HTMLElement | null) => void;
}

export const BoardCard = memo(function BoardCard({ id, showState, onBlock, slot, slotCount, slotStart, measure }: CardProps) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const owner = useSprint((s) => ownerOf(s, id));
  const stats = useSprint((s) => statsOf(s, id));
  const renames = useSprint((s) => renamesOf(s, id));
  const node = useRef<HTMLElement | null>(null);
  const listeners = useRef<DraggableSyntheticListeners>(undefined);
  const [armed, setArmed] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [active, setActive] = useState(false);
  // One tab stop for the whole board (a roving tab index): the focused card, else the first.
  const tabStop = useCardUi((s) => s.focused === id);
  const first = useSprint((s) => firstCardOf(selectBoardLayout(s)) === id);
  const noFocus = useCardUi((s) => s.focused === null);
  const selected = useCardUi((s) => s.selected.includes(id));
  // A card that moves to another column is drawn anew there: when it held the focus, the focus
  // (lost with the old element) follows it, so the keyboard goes on from the card it moved.
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && cardUiStore.getState().focused === id && !document.querySelector('dialog[open]')) node.current?.focus();
  }, [id]);

  // The first press or key arms the card synchronously, then goes to dnd-kit as usual.
  const arm = () => {
    if (!armed) flushSync(() => setArmed(true));
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    arm();
    listeners.current?.onPointerDown?.(e);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || cardKey(id, e)) return;
    arm();
    if (e.code === 'Space') liftStarted();
    listeners.current?.onKeyDown?.(e);
  };
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest('button, a, input, select, textarea')) return;
    cardClicked(id, e);
  };

  if (!sub) return null;
  const blocked = sub.blocked !== null;
  return (
    <li
      className={slot === undefined ? 'card-slot' : 'card-slot card-slot-virtual'}
      ref={measure}
      data-index={slot}
      aria-posinset={slot === undefined ? undefined : slot + 1}
      aria-setsize={slotCount}
      style={slotStart === undefined ? undefined : { transform: `translateY(${slotStart}px)` }}
    >
      <article
        ref={node}
        className={`card${dragging ? ' card-dragging' : ''}${blocked ? ' card-is-blocked' : ''}${selected ? ' card-selected' : ''}`}
        data-testid={`card-${id}`}
        data-card-id={id}
        // A group, not a button: the card holds buttons of its own, and its name is more than its text.
        role="group"
        tabIndex={tabStop || (noFocus && first) ? 0 : -1}
        aria-roledescription="draggable card"
        aria-describedby={KEYBOARD_HELP_ID}
        aria-pressed={dragging || undefined}
        aria-label={cardLabel(sub, owner, stats) + renames.map((r) => `, rename ${describeCardRename(r)}`).join('') + (selected ? ', selected' : '')}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onPointerEnter={() => setActive(true)}
        onPointerLeave={(e) => setActive(e.currentTarget.contains(document.activeElement) && document.activeElement !== e.currentTarget)}
        onFocus={(e) => {
          // The tab stop follows the focus, however the card got it (a click, a script, the pane's Escape).
          if (e.target === e.currentTarget && cardUiStore.getState().focused !== id) setCardUi({ focused: id });
        }}
        onBlur={(e) => setActive(e.currentTarget.contains(e.relatedTarget as Node | null) || e.currentTarget.matches(':hover'))}
      >
        {armed && <DragBinding id={id} node={node} listeners={listeners} onDragging={setDragging} />}
        <CardBody sub={sub} owner={owner} stats={stats} renames={renames} showState={showState} onBlock={onBlock} active={active} />
      </article>
    </li>
  );
});
