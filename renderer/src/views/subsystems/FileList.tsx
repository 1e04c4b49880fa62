/**
 * Files of a subsystem (or of none), virtualised. Each row can be dragged onto a subsystem;
 * ticked rows can be moved together or split off into a new subsystem.
 */
import { useDraggable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, useState } from 'react';
import { sprintStore, useSprint } from '../../store';
import { inventoryIndex } from '../../store/selectors';
import { isInherited, shownStatus } from '../../../../shared/inventory';
import { STATUS_LABEL } from '../common/format';
import { LineCounts } from '../common/LineCounts';
import { fileDragId } from './dragIds';
import { moveFilesChange, splitChange } from './subsystemChanges';

const ROW = 28;

const FileRow = memo(function FileRow({ path, ticked, onTick }: { path: string; ticked: boolean; onTick: (path: string, on: boolean) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: fileDragId(path) });
  const file = useSprint((s) => inventoryIndex(s.inventory).get(path));
  return (
    <div ref={setNodeRef} className={`frow${isDragging ? ' frow-dragging' : ''}`}>
      <input type="checkbox" checked={ticked} onChange={(e) => onTick(path, e.target.checked)} aria-label={`Tick ${path}`} />
      <span ref={setActivatorNodeRef} className="drag-handle" aria-label={`Drag ${path} to a subsystem`} {...attributes} {...listeners}>
        ⠿
      </span>
      <span className="mono frow-path path-tail" title={path}>
        <span>{path}</span>
      </span>
      {file && (
        <>
          <span className={`status-badge status-${shownStatus(file)}`}>{STATUS_LABEL[shownStatus(file)]}</span>
          {!isInherited(file) && <LineCounts added={file.added} removed={file.removed} binary={file.binary} />}
        </>
      )}
    </div>
  );
});

function TickedActions({ ticked, source, onDone }: { ticked: string[]; source: string | null; onDone: () => void }) {
  const order = useSprint((s) => s.plan.subsystemOrder);
  const subsystems = useSprint((s) => s.plan.subsystems);
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const st = sprintStore.getState;
  const move = async () => {
    const change = moveFilesChange(st().plan, ticked, to);
    if (change && (await st().applyLocal(change, { label: `move ${ticked.length} files to ${subsystems[to]?.name ?? to}` }))) onDone();
  };
  const split = async () => {
    if (!source) return;
    const change = splitChange(st().plan, source, ticked, name);
    if (typeof change === 'string') return st().notify('error', change);
    if (await st().applyLocal(change)) onDone();
  };
  return (
    <div className="toolbar">
      <span className="toolbar-note">{ticked.length} ticked</span>
      <label className="field-inline">
        Move to
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="move-to">
          <option value="">choose…</option>
          {order.filter((id) => id !== source).map((id) => (
            <option key={id} value={id}>
              {subsystems[id]?.name ?? id}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" disabled={!to || ticked.length === 0} onClick={() => void move()}>
        Move
      </button>
      {source && (
        <>
          <label className="field-inline">
            <span className="visually-hidden">Name of the new subsystem</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New subsystem name" data-testid="split-name" />
          </label>
          <button type="button" className="btn" disabled={ticked.length === 0 || !name.trim()} onClick={() => void split()} data-testid="split">
            Split off
          </button>
        </>
      )}
    </div>
  );
}

export function FileList({ files, source }: { files: string[]; source: string | null }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: files.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const tick = (path: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(path);
      else next.delete(path);
      return next;
    });
  const tickedList = files.filter((f) => ticked.has(f));
  return (
    <div className="file-list">
      <TickedActions ticked={tickedList} source={source} onDone={() => setTicked(new Set())} />
      {files.length === 0 ? (
        <p className="muted pad">No files.</p>
      ) : (
        <div className="file-list-scroll" ref={scrollRef} role="list" aria-label={`${files.length} files`}>
          <div className="ftable-spacer" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const path = files[item.index];
              if (path === undefined) return null;
              return (
                <div key={path} role="listitem" className="vrow" style={{ transform: `translateY(${item.start}px)` }}>
                  <FileRow path={path} ticked={ticked.has(path)} onTick={tick} />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
