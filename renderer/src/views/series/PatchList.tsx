/**
 * The patches in series order, as a dnd-kit sortable list: drag a row with the mouse, or focus
 * its handle and use Space, the arrow keys and Space again. A drop is a `series.reorder` plan
 * change, undoable like a board move.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import { reorderPatches } from '../../../../shared/series/edit';
import { sprintStore, useSprint } from '../../store';
import { PatchSizeBar } from './PatchSizeBar';
import { plural } from '../common/format';

export const PATCH_KEYBOARD_HELP_ID = 'series-keyboard-help';
export const PATCH_KEYBOARD_HELP =
  'To move a patch with the keyboard: focus its handle (Tab), press Space to pick it up, the up and down arrows to move it, Space to drop it, or Escape to cancel.';

interface RowProps {
  id: string;
  index: number;
  selected: boolean;
  failed: boolean;
  onSelect: (id: string) => void;
}

const PatchRow = memo(function PatchRow({ id, index, selected, failed, onSelect }: RowProps) {
  const patch = useSprint((s) => s.plan.series.patches[id]);
  const stats = useSprint((s) => s.seriesStats[id]);
  const author = useSprint((s) => (patch?.author ? s.plan.people[patch.author]?.name : undefined));
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  if (!patch) return null;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`patch-row${selected ? ' patch-selected' : ''}${isDragging ? ' patch-dragging' : ''}${failed ? ' patch-failed' : ''}`}
      data-testid={`patch-${id}`}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="drag-handle btn-icon"
        {...attributes}
        {...listeners}
        aria-label={`Move patch ${index + 1}: ${patch.subject}`}
        aria-describedby={PATCH_KEYBOARD_HELP_ID}
      >
        ⠿
      </button>
      <span className="num patch-number">{index + 1}</span>
      <button type="button" className="btn-link patch-subject" onClick={() => onSelect(id)} aria-pressed={selected}>
        {patch.subject}
      </button>
      <span className="muted">{author ?? 'sender'}</span>
      <span className="num">{plural(patch.files.length, 'file')}</span>
      {stats && (
        <span className="counts">
          <span className="added">+{stats.added}</span> <span className="removed">-{stats.removed}</span>
        </span>
      )}
      <PatchSizeBar id={id} />
    </li>
  );
});

export function PatchList({ selected, failedId, onSelect }: { selected: string | null; failedId: string | null; onSelect: (id: string) => void }) {
  const order = useSprint((s) => s.plan.series.patchOrder);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const st = sprintStore.getState();
    const current = st.plan.series.patchOrder;
    const next = arrayMove(current, current.indexOf(String(active.id)), current.indexOf(String(over.id)));
    const change = reorderPatches(st.plan.series, next);
    if (!change.ok) return st.notify('error', change.error.message);
    void st.applyLocal(change.value, { label: 'reorder patches' });
  };
  return (
    <>
      <p id={PATCH_KEYBOARD_HELP_ID} className="hint">
        {PATCH_KEYBOARD_HELP}
      </p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: PATCH_KEYBOARD_HELP } }}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="patch-list" aria-label="Patches in series order" data-testid="patch-list">
            {order.map((id, i) => (
              <PatchRow key={id} id={id} index={i} selected={selected === id} failed={failedId === id} onSelect={onSelect} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}
