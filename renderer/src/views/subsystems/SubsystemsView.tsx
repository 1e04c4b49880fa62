/**
 * Subsystems: rename, merge, split, drag single files between them, derive from folders or
 * import from MAINTAINERS; files in no subsystem are listed apart.
 */
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { sprintStore, useSprint } from '../../store';
import { selectUnassignedFiles } from '../../store/selectors';
import { FileList } from './FileList';
import { fileOfDragId, subsystemOfDropId } from './dragIds';
import { SubsystemDetail } from './SubsystemDetail';
import { SubsystemList, UNASSIGNED_ROW } from './SubsystemList';
import { SubsystemsToolbar } from './SubsystemsToolbar';

export function SubsystemsView() {
  const hasSprint = useSprint((s) => s.plan.sprint !== null);
  const unassigned = useSprint(selectUnassignedFiles);
  const [selected, setSelected] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [dragging, setDragging] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));

  const onDragStart = (e: DragStartEvent) => setDragging(fileOfDragId(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const path = fileOfDragId(e.active.id);
    const to = subsystemOfDropId(e.over?.id ?? null);
    const st = sprintStore.getState();
    if (path && to && !st.plan.subsystems[to]?.files.includes(path)) void st.applyLocal({ type: 'file.move', path, to });
  };

  if (!hasSprint) return <p className="empty">Start a sprint in Setup first: subsystems are made from the inventory.</p>;
  return (
    <section className="page page-wide" aria-labelledby="subsystems-title" data-testid="subsystems">
      <h1 id="subsystems-title" className="page-title">
        Subsystems
      </h1>
      <SubsystemsToolbar ticked={ticked} onMerged={() => setTicked([])} />
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="split-panes">
          <SubsystemList selected={selected} onSelect={setSelected} ticked={ticked} onTick={setTicked} />
          <div className="pane pane-detail">
            {selected === UNASSIGNED_ROW ? (
              <>
                <h2 className="panel-title">Files in no subsystem</h2>
                <p className="hint">Every file in scope belongs in exactly one subsystem. Drag these onto a subsystem, or tick them and move them.</p>
                <FileList files={unassigned} source={null} />
              </>
            ) : selected ? (
              <SubsystemDetail key={selected} id={selected} onGone={() => setSelected(null)} />
            ) : (
              <p className="muted pad">Choose a subsystem to see its files, rename it or split it.</p>
            )}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <div className="drag-file mono">{dragging}</div> : null}</DragOverlay>
      </DndContext>
    </section>
  );
}
