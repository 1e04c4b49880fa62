/**
 * The Rename view: rename rules with their preview and problems, "Make interim copies", drift
 * and sync per copied rule, finish or abandon, what still names the old paths, build checks,
 * and whether the app's commits run the repository's hooks.
 */
import { api, sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { BuildChecks } from './BuildChecks';
import { HooksToggle } from './HooksToggle';
import { RuleForm } from './RuleForm';
import { RuleRow } from './RuleRow';
import { useOffInRoom } from '../shell/useOffInRoom';
import { useOperation, useRenameStatus } from './useRenameStatus';
import './rename.css';

export function RenameView() {
  const hasRepo = useSprint((s) => s.repo !== null);
  const order = useSprint((s) => s.plan.renameOrder);
  const renames = useSprint((s) => s.plan.renames);
  const summaries = useSprint((s) => s.renameSummaries);
  const loading = useSprint((s) => s.renameLoading);
  useRenameStatus();
  const [busy, run] = useOperation();
  const copyOff = useOffInRoom('rename.copy');
  if (!hasRepo) return <p className="empty">Open a repository in Setup first.</p>;

  const ready = order.filter((id) => renames[id]?.phase === 'planned' && (summaries[id]?.problems.length ?? 1) === 0);
  // What an operation changes comes back as a plan push or a repo.changed push, which refresh the slice.
  const copyAll = () => void run(() => api.call('rename.copy', { ruleIds: ready }));

  return (
    <section className="page page-wide" aria-labelledby="rename-title" data-testid="rename">
      <h1 id="rename-title" className="page-title">
        Rename plan
      </h1>
      <p className="hint">
        Rearrange the tree without breaking either layout: make interim copies first (both layouts keep building), keep the copies in sync while people work, then finish the move. git shows each file as a rename.
      </p>
      {copyOff && (
        <p className="hint" data-testid="repo-changes-off">
          {copyOff}
        </p>
      )}
      <RuleForm />
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || ready.length === 0 || copyOff !== null} title={copyOff ?? undefined} onClick={copyAll} data-testid="copy-all">
          Make interim copies{ready.length > 0 ? ` (${plural(ready.length, 'rule')})` : ''}
        </button>
        <button type="button" className="btn" disabled={loading} onClick={() => void sprintStore.getState().reloadRenameStatus()} data-testid="rename-refresh">
          Refresh
        </button>
      </div>
      <HooksToggle />
      {order.length === 0 ? (
        <p className="empty">No rename rules yet: write one above.</p>
      ) : (
        <ul className="plain-list rename-rules">
          {order.map((id) => (
            <RuleRow key={id} id={id} />
          ))}
        </ul>
      )}
      <BuildChecks />
    </section>
  );
}
