/** The selected file against its upstream twin: a unified diff, virtualised so 50,000 lines stay responsive. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useSprint } from '../../store';
import { diffLines, widestLine } from './diffLines';

const LINE = 18;

export function DiffBody({ text }: { text: string }) {
  const lines = useMemo(() => diffLines(text), [text]);
  const width = useMemo(() => widestLine(lines), [lines]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => LINE, overscan: 30 });
  return (
    <div className="diff-scroll" ref={scrollRef} tabIndex={0} aria-label={`Diff, ${lines.length} lines`} data-testid="diff">
      <div className="diff-spacer" style={{ height: virtual.getTotalSize(), width: `calc(${width + 2}ch + 16px)` }}>
        {virtual.getVirtualItems().map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          return (
            <div key={item.index} className={`diff-line diff-${line.kind}`} style={{ transform: `translateY(${item.start}px)` }}>
              {line.text === '' ? ' ' : line.text}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function DiffPanel() {
  const path = useSprint((s) => s.selectedPath);
  const diff = useSprint((s) => s.diff);
  const error = useSprint((s) => s.diffError);
  const loading = useSprint((s) => s.diffLoading);
  const select = useSprint((s) => s.selectFile);
  return (
    <aside className="diff-panel" aria-label="Diff" data-testid="diff-panel">
      <header className="diff-header">
        <div className="diff-title">
          <span className="mono">{path}</span>
          {diff && diff.upstreamPath !== diff.path && <span className="muted mono"> against {diff.upstreamPath}</span>}
        </div>
        <button type="button" className="btn-icon" aria-label="Close the diff" onClick={() => void select(null)} data-testid="diff-close">
          ×
        </button>
      </header>
      {loading && <p className="muted pad">Reading the diff…</p>}
      {error && (
        <p className="error-text pad" role="alert">
          {error}
        </p>
      )}
      {diff && diff.binary && <p className="muted pad">Binary file: no line diff.</p>}
      {diff?.inherited && (
        <p className="muted pad" data-testid="diff-inherited">
          Inherited from upstream, unchanged by the fork: the fork has no copy of this file, so it builds from {diff.upstreamPath} and needs no work.
        </p>
      )}
      {diff && !diff.inherited && !diff.binary && diff.text === '' && <p className="muted pad">The two files are identical.</p>}
      {diff && diff.truncated && <p className="notice-inline pad">This diff is long and was cut at the size limit; the full diff is in git.</p>}
      {diff && !diff.binary && diff.text !== '' && <DiffBody text={diff.text} />}
    </aside>
  );
}
