/** One rename rule: its phase, problems, and what can be done with it now. */
import { useState } from 'react';
import type { PreferredSide } from '../../../../shared/rename/model';
import type { Result } from '../../../../shared/result';
import { api, useSprint } from '../../store';
import { useConfirm } from '../common/Confirm';
import { plural, says } from '../common/format';
import { DriftPanel } from './DriftPanel';
import { ProblemList } from './ProblemList';
import { References } from './References';
import { useOperation } from './useRenameStatus';
import { useOffInRoom } from '../shell/useOffInRoom';

export function RuleRow({ id }: { id: string }) {
  const rule = useSprint((s) => s.plan.renames[id]);
  const summary = useSprint((s) => s.renameSummaries[id]);
  const driftCount = useSprint((s) => s.renameDrift[id]?.length ?? 0);
  const copyEdited = useSprint((s) => (s.renameDrift[id] ?? []).some((f) => f.kind !== 'source'));
  const drifting = driftCount > 0;
  const [confirm, confirmDialog] = useConfirm();
  const [busy, run] = useOperation();
  const [prefer, setPrefer] = useState<PreferredSide>('source');
  const copyOff = useOffInRoom('rename.copy');
  const finishOff = useOffInRoom('rename.finish');
  const abandonOff = useOffInRoom('rename.abandon');
  if (!rule) return null;
  const problems = summary?.problems ?? [];
  // The phase, the drift and the summaries come back with the plan push or the repo.changed push the operation causes.
  const act = (op: () => Promise<Result<unknown>>) => void run(op);
  const fileCount = summary ? plural(summary.fileCount, 'file') : 'its files';
  const remove = async () => {
    const ok = await confirm({
      title: 'Remove the rule',
      body: rule.phase === 'planned' ? (
        <p>The rule {rule.from} → {rule.to} leaves the plan. Nothing in the repository changes.</p>
      ) : (
        <p>The rule {rule.from} → {rule.to} leaves the plan; its commits stay on the branch. Cards no longer show it.</p>
      ),
      confirm: 'Remove the rule',
    });
    if (ok) act(() => api.call('rename.remove', { ruleId: id }));
  };
  const finish = async () => {
    if (drifting) {
      const kept = prefer === 'source' ? `the source's versions (${rule.from})` : `the destination's versions (${rule.to})`;
      const ok = await confirm({
        title: 'Finish the move while the copies drift',
        body: (
          <p>
            {says(driftCount, 'file', ['differs', 'differ'])} between {rule.from} and {rule.to}. Finishing puts {kept} at {rule.to} and removes {rule.from}:
            the other side's changes to {driftCount === 1 ? 'that file' : 'those files'} are lost from the branch (the commits before the move still have them). Sync the copies first to
            keep both sides' changes.
          </p>
        ),
        confirm: 'Finish and keep one side',
      });
      if (!ok) return;
    }
    act(() => api.call('rename.finish', drifting ? { ruleId: id, prefer } : { ruleId: id }));
  };
  const abandon = async () => {
    const ok = await confirm({
      title: 'Abandon the interim copy',
      body: (
        <p>
          A commit removes the copy at {rule.to} ({fileCount}); {rule.from} stays as it is.
          {drifting ? ` ${plural(driftCount, 'file')} of the copy ${driftCount === 1 ? 'differs' : 'differ'} from the source: what changed in the copy is lost from the branch.` : ''}
        </p>
      ),
      confirm: 'Abandon the copy',
    });
    // The question named what the copy's own edits lose, so the answer is the confirmation the engine asks for.
    if (ok) act(() => api.call('rename.abandon', copyEdited ? { ruleId: id, discardDestinationChanges: true } : { ruleId: id }));
  };

  return (
    <li className={`panel rename-rule phase-${rule.phase}`} data-testid={`rule-${id}`}>
      <div className="row-inline">
        <span className="status-badge rename-phase" data-testid={`phase-${id}`}>
          {rule.phase}
        </span>
        <span className="mono">
          {rule.from} → {rule.to}
        </span>
        <span className="muted">{summary ? plural(summary.fileCount, 'file') : ''}</span>
        <span className="toolbar-spacer" />
        {rule.phase === 'planned' && (
          <>
            <button type="button" className="btn btn-primary" disabled={busy || problems.length > 0 || copyOff !== null} title={copyOff ?? undefined} onClick={() => act(() => api.call('rename.copy', { ruleIds: [id] }))} data-testid={`copy-${id}`}>
              Make interim copy
            </button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()} data-testid={`remove-rule-${id}`}>
              Remove
            </button>
          </>
        )}
        {(rule.phase === 'moved' || rule.phase === 'abandoned') && (
          <button type="button" className="btn" disabled={busy} onClick={() => void remove()} data-testid={`remove-rule-${id}`}>
            Remove from the plan
          </button>
        )}
      </div>
      <ProblemList problems={problems} />
      {rule.copyCommit && <p className="muted">Interim copy: {rule.copyCommit.slice(0, 12)}{rule.moveCommit ? ` · moved in ${rule.moveCommit.slice(0, 12)}` : ''}</p>}
      {rule.phase === 'copied' && (
        <>
          <DriftPanel ruleId={id} />
          <div className="row-inline">
            {drifting && (
              <label className="field-inline">
                The copies drift; when finishing, keep
                <select value={prefer} onChange={(e) => setPrefer(e.target.value as PreferredSide)} data-testid={`prefer-${id}`}>
                  <option value="source">the source's versions</option>
                  <option value="destination">the destination's versions</option>
                </select>
              </label>
            )}
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || finishOff !== null}
              title={finishOff ?? undefined}
              onClick={() => void finish()}
              data-testid={`finish-${id}`}
            >
              Finish move
            </button>
            <button type="button" className="btn btn-danger" disabled={busy || abandonOff !== null} title={abandonOff ?? undefined} onClick={() => void abandon()} data-testid={`abandon-${id}`}>
              Abandon copy
            </button>
          </div>
        </>
      )}
      {rule.phase !== 'abandoned' && <References ruleId={id} />}
      {confirmDialog}
    </li>
  );
}
