/**
 * A unified diff drawn by react-diff-view: line numbers on both sides, the words that changed
 * within a line marked, unified or side by side, and next/previous change (n/p, F7/F8). The rows
 * are virtualised in chunks (diffChunks.ts), so a 50,000-line diff opens and scrolls lightly.
 * Used by the inventory and by any pane that shows a diff: give it git's diff text.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Diff, getChangeKey, Hunk, markEdits, tokenize, type ChangeData, type HunkData, type ViewType } from 'react-diff-view';
import 'react-diff-view/style/index.css';
import './diff.css';
import { formatCount } from '../common/format';
import { anchorOf, diffRows, type DiffRow } from './diffChunks';

const LINE = 18;
const VIEW_KEY = 'merge-sprint.diff-view';

function savedView(): ViewType {
  try {
    return globalThis.localStorage?.getItem(VIEW_KEY) === 'split' ? 'split' : 'unified';
  } catch {
    return 'unified';
  }
}

function saveView(view: ViewType): void {
  try {
    globalThis.localStorage?.setItem(VIEW_KEY, view);
  } catch {
    // A browser that refuses storage keeps the choice for this page only.
  }
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Which way a key moves between changes, or 0: F7/p back, F8/n on, as in VS Code and less. */
function stepOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): -1 | 0 | 1 {
  if (e.ctrlKey || e.metaKey || e.altKey) return 0;
  if (e.key === 'F7') return -1;
  if (e.key === 'F8') return 1;
  if (isTyping(e.target)) return 0;
  if (e.key === 'p') return -1;
  if (e.key === 'n') return 1;
  return 0;
}

type ChunkRow = Extract<DiffRow, { kind: 'chunk' }>;

const Chunk = memo(function Chunk(props: { hunk: HunkData; type: ChunkRow['type']; view: ViewType; scope: string; selected: string[] }) {
  const { hunk, type, view, scope, selected } = props;
  const hunks = useMemo(() => [hunk], [hunk]);
  // Word-level marks per chunk, when it comes on screen: each removed line against the added line
  // paired with it (zip), so a run of plain removals is not painted over as one edit.
  const tokens = useMemo(() => tokenize(hunks, { enhancers: [markEdits(hunks, { type: 'line' })] }), [hunks]);
  const anchor = useCallback((change: ChangeData) => anchorOf(scope, getChangeKey(change)), [scope]);
  return (
    <Diff viewType={view} diffType={type} hunks={hunks} tokens={tokens} generateAnchorID={anchor} selectedChanges={selected} className="dv-table">
      {(hs) => hs.map((h) => <Hunk key={`${h.oldStart},${h.newStart}`} hunk={h} />)}
    </Diff>
  );
});

function RowBody({ row, view, scope, selected }: { row: DiffRow; view: ViewType; scope: string; selected: string[] }) {
  if (row.kind === 'file') {
    const name = row.oldPath === row.newPath || row.type === 'add' || row.type === 'delete' ? (row.type === 'delete' ? row.oldPath : row.newPath) : `${row.oldPath} → ${row.newPath}`;
    return (
      <div className="dv-file mono">
        {name}
        {row.binary && <span className="muted"> (binary: no line diff)</span>}
      </div>
    );
  }
  if (row.kind === 'hunk') return <div className="dv-hunk mono">{row.content}</div>;
  return <Chunk hunk={row.hunk} type={row.type} view={view} scope={scope} selected={selected} />;
}

export interface DiffViewProps {
  /** git's unified diff text (one or several files). */
  text: string;
  /** n/p and F7/F8 anywhere on the page (not only with the focus in the diff), for a view whose main content this is. */
  pageKeys?: boolean;
}

export function DiffView({ text, pageKeys = false }: DiffViewProps) {
  const { rows, stops, lines } = useMemo(() => diffRows(text), [text]);
  const scope = `dv${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [view, setView] = useState<ViewType>(savedView);
  const [at, setAt] = useState<{ text: string; index: number }>({ text, index: -1 });
  const current = at.text === text ? at.index : -1;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const row = rows[i];
      return row?.kind === 'chunk' ? row.hunk.changes.length * LINE : row?.kind === 'file' ? 28 : LINE + 4;
    },
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 1,
  });
  const selected = useMemo(() => stops[current]?.keys ?? [], [stops, current]);

  const move = useCallback(
    (step: -1 | 1) => {
      if (stops.length === 0) return;
      const index = current < 0 ? (step === 1 ? 0 : stops.length - 1) : Math.min(stops.length - 1, Math.max(0, current + step));
      setAt({ text, index });
      const stop = stops[index];
      if (!stop) return;
      virtual.scrollToIndex(stop.row, { align: 'start' });
      // The chunk is drawn a frame or two later; then its first changed line goes a third of the way down.
      let frames = 0;
      const settle = () => {
        const scroller = scrollRef.current;
        const line = document.getElementById(anchorOf(scope, stop.first));
        if (scroller && line) {
          const offset = line.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
          scroller.scrollTop += offset - scroller.clientHeight / 3;
        } else if (frames++ < 10) requestAnimationFrame(settle);
      };
      requestAnimationFrame(settle);
    },
    [stops, current, text, virtual, scope],
  );

  useEffect(() => {
    if (!pageKeys) return;
    const onKey = (e: KeyboardEvent) => {
      const step = stepOf(e);
      if (step === 0) return;
      e.preventDefault();
      move(step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pageKeys, move]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (pageKeys) return;
    const step = stepOf(e.nativeEvent);
    if (step === 0) return;
    e.preventDefault();
    move(step);
  };

  const choose = (v: ViewType) => {
    setView(v);
    saveView(v);
  };

  return (
    <div className="dv" onKeyDown={onKeyDown} data-testid="diff-view">
      <div className="dv-toolbar" role="toolbar" aria-label="Diff">
        <div className="segmented" role="group" aria-label="Diff layout">
          <button type="button" aria-pressed={view === 'unified'} onClick={() => choose('unified')} data-testid="diff-unified">
            Unified
          </button>
          <button type="button" aria-pressed={view === 'split'} onClick={() => choose('split')} data-testid="diff-split">
            Side by side
          </button>
        </div>
        <button type="button" className="btn" onClick={() => move(-1)} disabled={stops.length === 0} title="Previous change (p or F7)" data-testid="diff-prev">
          Previous change
        </button>
        <button type="button" className="btn" onClick={() => move(1)} disabled={stops.length === 0} title="Next change (n or F8)" data-testid="diff-next">
          Next change
        </button>
        <span className="toolbar-note" aria-live="polite" data-testid="diff-position">
          {stops.length === 0 ? 'No changes' : current < 0 ? `${formatCount(stops.length)} ${stops.length === 1 ? 'change' : 'changes'}` : `Change ${formatCount(current + 1)} of ${formatCount(stops.length)}`}
        </span>
      </div>
      <div className={`dv-scroll dv-${view}`} ref={scrollRef} tabIndex={0} role="region" aria-label={`Diff, ${formatCount(lines)} lines`} data-testid="diff">
        <div className="dv-spacer" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div key={item.key} data-index={item.index} ref={virtual.measureElement} className="dv-row" style={{ transform: `translateY(${item.start}px)` }}>
                <RowBody row={row} view={view} scope={scope} selected={row.kind === 'chunk' ? selected : NONE} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const NONE: string[] = [];
