/** The app bar: name, repository, tabs, undo/redo, the plan's sync, live connection, who is in the room, and who you are. */
import { useSprint } from '../../store';
import { ActorPicker } from './ActorPicker';
import { Presence, SyncStatus } from './SyncStatus';
import { Tabs } from './Tabs';
import { ThemeChoice } from './ThemeChoice';

function UndoRedo() {
  const undoLabel = useSprint((s) => s.undoStack.at(-1)?.label ?? null);
  const redoLabel = useSprint((s) => s.redoStack.at(-1)?.label ?? null);
  const undo = useSprint((s) => s.undo);
  const redo = useSprint((s) => s.redo);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" className="btn" data-testid="undo" disabled={!undoLabel} onClick={() => void undo()} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </button>
      <button type="button" className="btn" data-testid="redo" disabled={!redoLabel} onClick={() => void redo()} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </button>
    </div>
  );
}

function Connection() {
  const connection = useSprint((s) => s.connection);
  const words = { open: 'Live', connecting: 'Connecting…', closed: 'Offline: reconnecting' }[connection];
  return (
    <span className={`connection connection-${connection}`} data-testid="connection" title="Changes by others appear live while this says Live.">
      <span className="connection-dot" aria-hidden="true" />
      {words}
    </span>
  );
}

export function Header() {
  const repoName = useSprint((s) => s.repo?.name ?? null);
  const branch = useSprint((s) => s.repo?.branch ?? null);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Merge Sprint</span>
        {repoName && (
          <span className="brand-repo" title={branch ? `on ${branch}` : 'detached HEAD'}>
            {repoName}
            {branch && <span className="brand-branch">{branch}</span>}
          </span>
        )}
      </div>
      <Tabs />
      <div className="header-end">
        <UndoRedo />
        <SyncStatus />
        <ThemeChoice />
        <Connection />
        <Presence />
        <ActorPicker />
      </div>
    </header>
  );
}
