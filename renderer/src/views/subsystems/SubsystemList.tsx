/** The subsystems, virtualised; each row takes dropped files and has a box to tick for merging. */
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useSprint } from '../../store';
import { selectUnassignedFiles } from '../../store/selectors';
import { formatCount, plural } from '../common/format';
import { subsystemDropId } from './dragIds';

export const UNASSIGNED_ROW = '\u0000unassigned';
const ROW = 34;

interface RowProps {
  id: string;
  selected: boolean;
  ticked: boolean;
  onSelect: (id: string) => void;
  onTick: (id: string, on: boolean) => void;
}

const Row = memo(function Row({ id, selected, ticked, onSelect, onTick }: RowProps) {
  const name = useSprint((s) => s.plan.subsystems[id]?.name ?? id);
  const files = useSprint((s) => s.plan.subsystems[id]?.files.length ?? 0);
  const { setNodeRef, isOver } = useDroppable({ id: subsystemDropId(id) });
  return (
    <div ref={setNodeRef} className={`srow${selected ? ' selected' : ''}${isOver ? ' drop-over' : ''}`} data-testid={`subsystem-${id}`}>
      <input type="checkbox" checked={ticked} onChange={(e) => onTick(id, e.target.checked)} aria-label={`Tick ${name} to merge`} />
      <button type="button" className="row-button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(id)}>
        {name}
      </button>
      <span className="srow-count" aria-label={plural(files, 'file')}>
        {formatCount(files)}
      </span>
    </div>
  );
});

interface Props {
  selected: string | null;
  onSelect: (id: string) => void;
  ticked: string[];
  onTick: (ids: string[]) => void;
}

export function SubsystemList({ selected, onSelect, ticked, onTick }: Props) {
  const order = useSprint((s) => s.plan.subsystemOrder);
  const unassigned = useSprint((s) => selectUnassignedFiles(s).length);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: order.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const tick = (id: string, on: boolean) => onTick(on ? [...ticked, id] : ticked.filter((t) => t !== id));
  return (
    <div className="pane pane-list">
      <button type="button" className={`srow srow-unassigned${selected === UNASSIGNED_ROW ? ' selected' : ''}`} onClick={() => onSelect(UNASSIGNED_ROW)} data-testid="files-in-no-subsystem">
        Files in no subsystem <span className={`srow-count${unassigned > 0 ? ' warn' : ''}`}>{formatCount(unassigned)}</span>
      </button>
      <div className="srow-scroll" ref={scrollRef} aria-label={`${order.length} subsystems`} role="list">
        <div className="ftable-spacer" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const id = order[item.index];
            if (!id) return null;
            return (
              <div key={id} role="listitem" className="vrow" style={{ transform: `translateY(${item.start}px)` }}>
                <Row id={id} selected={selected === id} ticked={ticked.includes(id)} onSelect={onSelect} onTick={tick} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
