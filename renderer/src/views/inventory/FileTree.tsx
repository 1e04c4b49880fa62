/**
 * The inventory as a folder-compare tree: folders with their files' counts per status, collapsed
 * and opened with the mouse or the arrow keys (one tab stop, the WAI-ARIA tree pattern); moving
 * onto a file opens its diff. Virtualised: only the rows on screen exist, so 20,000 files scroll
 * at the screen's rate.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FILE_STATUSES, type InventoryFile } from '../../../../shared/model';
import { useSprint } from '../../store';
import { formatCount, STATUS_LABEL } from '../common/format';
import { LineCounts } from '../common/LineCounts';
import { buildTree, countsInWords, treeKey, visibleRows, type TreeRow } from './fileTree';

const ROW = 26;
const INDENT = 16;

function FolderRow({ row, open }: { row: Extract<TreeRow, { kind: 'folder' }>; open: boolean }) {
  const { folder } = row;
  return (
    <>
      <span className="tree-twisty" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="tree-name mono">{folder.name}/</span>
      <span className="tree-counts" aria-hidden="true">
        {FILE_STATUSES.filter((s) => folder.counts[s] > 0).map((s) => (
          <span key={s} className={`tree-count status-${s}`} title={`${formatCount(folder.counts[s])} ${STATUS_LABEL[s].toLowerCase()}`} data-testid={`tree-count-${s}`}>
            {formatCount(folder.counts[s])}
          </span>
        ))}
      </span>
    </>
  );
}

function FileRow({ file, name }: { file: InventoryFile; name: string }) {
  return (
    <>
      <span className="tree-twisty" aria-hidden="true" />
      {file.interimCopyOf ? (
        <span className="status-badge status-interim">Interim copy</span>
      ) : (
        <span className={`status-badge status-${file.status}`}>{STATUS_LABEL[file.status]}</span>
      )}
      <span className="tree-name mono">{name}</span>
      {file.upstreamPath !== file.path && (
        <span className="tree-twin mono muted" title={`Upstream twin: ${file.upstreamPath}`}>
          {file.upstreamPath}
        </span>
      )}
      <span className="tree-lines">
        <LineCounts added={file.added} removed={file.removed} binary={file.binary} />
      </span>
    </>
  );
}

interface ItemProps {
  row: TreeRow;
  index: number;
  start: number;
  open: boolean;
  selected: boolean;
  tabbable: boolean;
  onActivate: (index: number, row: TreeRow) => void;
}

/** One row, drawn again only when it changes: a scrolled frame draws just the rows that came on screen. */
const TreeItem = memo(function TreeItem({ row, index, start, open, selected, tabbable, onActivate }: ItemProps) {
  const isFolder = row.kind === 'folder';
  return (
    <div
      role="treeitem"
      aria-level={row.depth}
      aria-expanded={isFolder ? open : undefined}
      aria-selected={isFolder ? undefined : selected}
      aria-label={isFolder ? `${row.folder.name}/, ${countsInWords(row.folder.counts, STATUS_LABEL)}` : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-tree-index={index}
      data-testid={isFolder ? `tree-folder-${row.folder.path}` : `tree-file-${row.file.path}`}
      className={`ftree-row${isFolder ? ' ftree-folder' : ' ftree-file'}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, paddingLeft: `${8 + (row.depth - 1) * INDENT}px` }}
      onClick={() => onActivate(index, row)}
    >
      {isFolder ? <FolderRow row={row} open={open} /> : <FileRow file={row.file} name={row.name} />}
    </div>
  );
});

export function FileTree({ files }: { files: readonly InventoryFile[] }) {
  const selected = useSprint((s) => s.selectedPath);
  const select = useSprint((s) => s.selectFile);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const tree = useMemo(() => buildTree(files), [files]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const [focused, setFocused] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const at = Math.min(focused, Math.max(0, rows.length - 1));

  const toggle = useCallback(
    (path: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(path)) next.add(path);
        return next;
      }),
    [],
  );

  // The focused row may be off screen (not in the page): scroll to it, then focus it once drawn.
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    virtual.scrollToIndex(at, { align: 'auto' });
    let frames = 0;
    const focus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-tree-index="${at}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (frames++ < 10) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  }, [at, virtual]);

  // Stable across renders, so that the rows' memo holds: the row says what it is.
  const activate = useCallback(
    (index: number, row: TreeRow) => {
      setFocused(index);
      if (row.kind === 'folder') toggle(row.folder.path);
      else void select(row.file.path);
    },
    [select, toggle],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const row = rows[at];
    if ((e.key === 'Enter' || e.key === ' ') && row) {
      e.preventDefault();
      if (row.kind === 'folder') toggle(row.folder.path);
      else void select(row.file.path);
      return;
    }
    const move = treeKey(rows, at, e.key, collapsed);
    if (!move) return;
    e.preventDefault();
    if ('toggle' in move) return toggle(move.toggle);
    moveFocus.current = true;
    setFocused(move.focus);
    const target = rows[move.focus];
    if (target?.kind === 'file' && target.file.path !== selected) void select(target.file.path);
  };

  return (
    <div className="ftree" data-testid="file-tree-panel">
      <div className="ftree-body" ref={scrollRef} role="tree" aria-label="Files in scope by folder" onKeyDown={onKeyDown} data-testid="file-tree">
        <div className="ftree-spacer" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TreeItem
                key={row.kind === 'folder' ? `d:${row.folder.path}` : `f:${row.file.path}`}
                row={row}
                index={item.index}
                start={item.start}
                open={row.kind === 'folder' && !collapsed.has(row.folder.path)}
                selected={row.kind === 'file' && row.file.path === selected}
                tabbable={item.index === at}
                onActivate={activate}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
