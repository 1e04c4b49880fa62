/** A draggable card. The shell re-renders while a drag runs; the memoised body does not. */
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { useSprint } from '../../store';
import { CardBody } from './CardBody';

export const BoardCard = memo(function BoardCard({ id, onBlock }: { id: string; onBlock: (id: string) => void }) {
  const name = useSprint((s) => s.plan.subsystems[id]?.name ?? id);
  const blocked = useSprint((s) => s.plan.subsystems[id]?.blocked != null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id });
  return (
    <li className="card-slot">
      <article
        ref={(el) => {
          setNodeRef(el);
          setActivatorNodeRef(el);
        }}
        className={`card${isDragging ? ' card-dragging' : ''}${blocked ? ' card-is-blocked' : ''}`}
        data-testid={`card-${id}`}
        aria-label={`${name}${blocked ? ', blocked' : ''}`}
        {...attributes}
        {...listeners}
      >
        <CardBody id={id} onBlock={onBlock} />
      </article>
    </li>
  );
});
