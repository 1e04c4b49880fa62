/** The inventory table, virtualised: only the rows on screen exist, so 70,000 files scroll smoothly. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { isInherited, shownStatus } from '../../../../shared/inventory';
import type { InventoryFile } from '../../../../shared/model';
import { useSprint } from '../../store';
import type { SortKey } from '../../store/types';
import { formatCount, STATUS_LABEL } from '../common/format';
import { LineCounts } from '../common/LineCounts';
import { holderOf } from './inventoryModel';

const ROW = 28;

const COLUMNS: { key: SortKey | null; title: string; className: string }[] = [
  { key: 'status', title: 'Status', className: 'c-status' },
  { key: 'path', title: 'Path', className: 'c-path' },
  { key: 'upstreamPath', title: 'Upstream twin', className: 'c-twin' },
  { key: 'added', title: 'Added', className: 'c-num' },
  { key: 'removed', title: 'Removed', className: 'c-num' },
  { key: null, title: 'Subsystem', className: 'c-sub' },
];

function HeaderRow() {
  const sort = useSprint((s) => s.inventoryFilter.sort);
  const descending = useSprint((s) => s.inventoryFilter.descending);
  const set = useSprint((s) => s.setInventoryFilter);
  return (
    <div className="ftable-row ftable-head" role="row">
      {COLUMNS.map((c) => {
        const active = c.key !== null && c.key === sort;
        return (
          <div key={c.title} role="columnheader" className={c.className} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
            {c.key ? (
              <button type="button" className="sort-button" onClick={() => set(active ? { descending: !descending } : { sort: c.key as SortKey, descending: false })}>
                {c.title}
                <span aria-hidden="true" className="sort-arrow">
                  {active ? (descending ? '▼' : '▲') : ''}
                </span>
              </button>
            ) : (
              c.title
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Where a file's interim copy is, or which file a copy copies: "copy at drivers/xen/core/evtchn.c". */
function InterimNote({ words, path, testId }: { words: string; path: string; testId: string }) {
  return (
    <span className="interim-note" title={`Interim ${words} ${path}`} data-testid={testId}>
      <span className="interim-words">{words}</span>
      <span className="mono path-tail">
        <span>{path}</span>
      </span>
    </span>
  );
}

export function FileTable({ files, owner }: { files: InventoryFile[]; owner: Map<string, string> }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selected = useSprint((s) => s.selectedPath);
  const select = useSprint((s) => s.selectFile);
  const subsystems = useSprint((s) => s.plan.subsystems);
  const virtual = useVirtualizer({ count: files.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  // Up and down move the diff to the file above or below, and the focus with it once its row is drawn.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const from = files.findIndex((f) => f.path === selected);
    const to = from < 0 ? 0 : Math.min(files.length - 1, Math.max(0, from + (e.key === 'ArrowDown' ? 1 : -1)));
    const file = files[to];
    if (!file) return;
    void select(file.path);
    virtual.scrollToIndex(to, { align: 'auto' });
    let frames = 0;
    const focus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${to + 2}"] [data-testid="file-row"]`);
      if (el) el.focus({ preventScroll: true });
      else if (frames++ < 10) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  };
  return (
    <div className="ftable" role="table" aria-label="Files in scope" aria-rowcount={files.length + 1}>
      <HeaderRow />
      <div className="ftable-body" ref={scrollRef} onKeyDown={onKeyDown} data-testid="file-table">
        <div className="ftable-spacer" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const f = files[item.index];
            if (!f) return null;
            const sub = holderOf(f, owner);
            return (
              <div
                key={f.path}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected === f.path}
                className={`ftable-row${selected === f.path ? ' selected' : ''}${f.interimCopyOf ? ' interim-copy' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => void select(f.path)}
              >
                <div role="cell" className="c-status">
                  {f.interimCopyOf ? (
                    <span className="status-badge status-interim" title={`${STATUS_LABEL[f.status]}, but an interim copy of a rename rule: not new work`}>
                      Interim copy
                    </span>
                  ) : (
                    <span className={`status-badge status-${shownStatus(f)}`}>{STATUS_LABEL[shownStatus(f)]}</span>
                  )}
                </div>
                <div role="cell" className="c-path">
                  <button type="button" className="row-button mono path-tail" title={f.path} data-testid="file-row">
                    <span>{f.path}</span>
                  </button>
                  {f.interimCopyAt && <InterimNote words="copy at" path={f.interimCopyAt} testId="copy-at" />}
                </div>
                {f.interimCopyOf ? (
                  <div role="cell" className="c-twin">
                    <InterimNote words="copy of" path={f.interimCopyOf} testId="copy-of" />
                  </div>
                ) : (
                  <div role="cell" className="c-twin mono path-tail" title={f.upstreamPath}>
                    {f.upstreamPath === f.path ? <span className="muted">same path</span> : <span>{f.upstreamPath}</span>}
                  </div>
                )}
                {/* An inherited file's numstat would be the whole upstream file removed: no one's change. */}
                <div role="cell" className="c-num added">
                  {f.binary || isInherited(f) ? '' : `+${formatCount(f.added)}`}
                </div>
                <div role="cell" className="c-num removed">
                  {isInherited(f) ? '' : f.binary ? <LineCounts added={0} removed={0} binary /> : `−${formatCount(f.removed)}`}
                </div>
                <div role="cell" className="c-sub">
                  {sub ? (subsystems[sub]?.name ?? sub) : <span className="muted">none</span>}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
