/**
 * A card on the board. It becomes a dnd-kit draggable only when first pressed or keyed: a
 * thousand idle draggables would all re-render at every drag start and drop, so idle cards
 * are plain elements and `DragBinding` attaches dnd-kit to the card the user reaches for.
 */
import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useSprint } from '../../store';
import { cardLabel } from '../../store/selectors';
import { CardBody } from './CardBody';
import { KEYBOARD_HELP_ID } from './boardDnd';

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

export const BoardCard = memo(function BoardCard({ id, onBlock }: { id: string; onBlock: (id: string) => void }) {
  const label = useSprint((s) => cardLabel(s, id));
  const blocked = useSprint((s) => s.plan.subsystems[id]?.blocked != null);
  const node = useRef<HTMLElement | null>(null);
  const listeners = useRef<DraggableSyntheticListeners>(undefined);
  const [armed, setArmed] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [active, setActive] = useState(false);

  // The first press or key arms the card synchronously, then goes to dnd-kit as usual.
  const arm = () => {
    if (!armed) flushSync(() => setArmed(true));
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    arm();
    listeners.current?.onPointerDown?.(e);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    arm();
    listeners.current?.onKeyDown?.(e);
  };

  return (
    <li className="card-slot">
      <article
        ref={node}
        className={`card${dragging ? ' card-dragging' : ''}${blocked ? ' card-is-blocked' : ''}`}
        data-testid={`card-${id}`}
        role="button"
        tabIndex={0}
        aria-roledescription="draggable card"
        aria-describedby={KEYBOARD_HELP_ID}
        aria-pressed={dragging || undefined}
        aria-label={label}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onPointerEnter={() => setActive(true)}
        onPointerLeave={(e) => setActive(e.currentTarget.contains(document.activeElement))}
        onFocus={() => setActive(true)}
        onBlur={(e) => setActive(e.currentTarget.contains(e.relatedTarget as Node | null) || e.currentTarget.matches(':hover'))}
      >
        {armed && <DragBinding id={id} node={node} listeners={listeners} onDragging={setDragging} />}
        <CardBody id={id} onBlock={onBlock} active={active} />
      </article>
    </li>
  );
});
