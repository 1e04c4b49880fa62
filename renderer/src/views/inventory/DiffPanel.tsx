/** The selected file against its upstream twin, in the diff view (line numbers, changed words, next/previous change). */
import { useSprint } from '../../store';
import { DiffView } from '../diff/DiffView';

/** The diff view for a pane that shows a diff's text (a card's branch, a file). */
export function DiffBody({ text }: { text: string }) {
  return <DiffView text={text} />;
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
        <button type="button" className="btn-icon" aria-label="Close the diff" title="Close the diff (Escape)" onClick={() => void select(null)} data-testid="diff-close">
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
      {diff && !diff.binary && diff.text !== '' && <DiffView text={diff.text} pageKeys />}
    </aside>
  );
}
