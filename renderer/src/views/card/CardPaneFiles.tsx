/** The card's files with their status and lines; each opens its diff against its twin (the inventory's diff panel). */
import { useSprint } from '../../store';
import { inventoryIndex } from '../../store/selectors';
import { STATUS_LABEL, formatCount, plural } from '../common/format';
import { DiffPanel } from '../inventory/DiffPanel';

/** Enough to read a card through; a card of thousands of files is read in the Inventory, filtered by it. */
const SHOWN = 300;

export function CardPaneFiles({ files }: { files: string[] }) {
  const index = useSprint((s) => inventoryIndex(s.inventory));
  const selected = useSprint((s) => s.selectedPath);
  const select = useSprint((s) => s.selectFile);
  const diffShown = selected !== null && files.includes(selected);
  return (
    <section className="pane-section" aria-labelledby="pane-files">
      <h3 className="pane-label" id="pane-files">
        {plural(files.length, 'file')}
      </h3>
      <ul className="pane-files" data-testid="pane-files">
        {files.slice(0, SHOWN).map((path) => {
          const f = index.get(path);
          return (
            <li key={path}>
              <button type="button" className={`pane-file${selected === path ? ' pane-file-open' : ''}`} aria-pressed={selected === path} onClick={() => void select(selected === path ? null : path)}>
                <span className="mono pane-file-path">{path}</span>
                {f && (
                  <span className="pane-file-meta">
                    {STATUS_LABEL[f.status]} <span className="added">+{formatCount(f.added)}</span> <span className="removed">−{formatCount(f.removed)}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {files.length > SHOWN && <p className="muted">and {formatCount(files.length - SHOWN)} more: the Inventory lists them all, filtered by this subsystem.</p>}
      {diffShown && <DiffPanel />}
    </section>
  );
}
