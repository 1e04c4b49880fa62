/** Re-derive from folders, import from MAINTAINERS (with its warnings), merge the ticked subsystems. */
import { useState } from 'react';
import { api, sprintStore, useSprint } from '../../store';
import { useConfirm } from '../common/Confirm';
import { plural } from '../common/format';
import { mergeChange } from './subsystemChanges';

function MergeControl({ ticked, onMerged }: { ticked: string[]; onMerged: () => void }) {
  const subsystems = useSprint((s) => s.plan.subsystems);
  const [into, setInto] = useState('');
  const target = ticked.includes(into) ? into : (ticked[0] ?? '');
  const merge = async () => {
    const change = mergeChange(ticked, target);
    if (typeof change === 'string') return sprintStore.getState().notify('error', change);
    if (await sprintStore.getState().applyLocal(change)) onMerged();
  };
  return (
    <div className="row-inline">
      <button type="button" className="btn" disabled={ticked.length < 2} onClick={() => void merge()} data-testid="merge-subsystems">
        Merge {ticked.length >= 2 ? ticked.length : ''} ticked
      </button>
      {ticked.length >= 2 && (
        <label className="field-inline">
          into
          <select value={target} onChange={(e) => setInto(e.target.value)}>
            {ticked.map((id) => (
              <option key={id} value={id}>
                {subsystems[id]?.name ?? id}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

export function SubsystemsToolbar({ ticked, onMerged }: { ticked: string[]; onMerged: () => void }) {
  const count = useSprint((s) => s.plan.subsystemOrder.length);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [maintainersPath, setMaintainersPath] = useState('MAINTAINERS');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirm, confirmDialog] = useConfirm();
  const st = sprintStore.getState;

  const derive = async () => {
    setConfirming(false);
    setBusy(true);
    await st().runPlanOperation('derive subsystems from folders', async () => {
      const res = await api.call('subsystems.derive', {});
      if (res.ok) return res.value;
      st().notify('error', res.error.message);
      return null;
    });
    setBusy(false);
  };

  const importMaintainers = async () => {
    const file = maintainersPath.trim() || 'MAINTAINERS';
    if (count > 0) {
      const yes = await confirm({
        title: `Import subsystems from ${file}`,
        body: (
          <p>
            The {plural(count, 'card')} on the board are replaced by one card per section of {file} that names files in scope. A card whose name matches a section keeps its
            owner and state; the others go. Undo puts the board back as it is now.
          </p>
        ),
        confirm: `Replace ${plural(count, 'card')}`,
      });
      if (!yes) return;
    }
    setBusy(true);
    const done = await st().runPlanOperation('import subsystems from MAINTAINERS', async () => {
      const res = await api.call('subsystems.importMaintainers', { path: maintainersPath.trim() || undefined });
      if (!res.ok) {
        st().notify('error', res.error.message);
        return null;
      }
      setWarnings(res.value.warnings);
      return res.value.snapshot;
    });
    if (done) st().notify('info', `${plural(st().plan.subsystemOrder.length, 'subsystem')} imported from ${file}.`);
    setBusy(false);
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Subsystems">
        {confirming ? (
          <span className="row-inline" role="group" aria-label="Confirm re-derive">
            Replace all {count} subsystems (owners and states go with them)?
            <button type="button" className="btn btn-danger" onClick={() => void derive()} data-testid="derive-confirm">
              Re-derive
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="btn" disabled={busy} onClick={() => (count > 0 ? setConfirming(true) : void derive())} data-testid="derive">
            Re-derive from folders
          </button>
        )}
        <label className="field-inline">
          <span className="visually-hidden">MAINTAINERS file</span>
          <input value={maintainersPath} onChange={(e) => setMaintainersPath(e.target.value)} className="mono input-short" spellCheck={false} />
        </label>
        <button type="button" className="btn" disabled={busy} onClick={() => void importMaintainers()} data-testid="import-maintainers">
          Import from MAINTAINERS
        </button>
        <span className="toolbar-spacer" />
        <MergeControl ticked={ticked} onMerged={onMerged} />
      </div>
      {confirmDialog}
      {warnings.length > 0 && (
        <div className="panel panel-warn" role="status" data-testid="maintainers-warnings">
          <div className="row-inline">
            <h2 className="panel-title">MAINTAINERS: {plural(warnings.length, 'line')} skipped</h2>
            <button type="button" className="btn-icon" aria-label="Dismiss warnings" onClick={() => setWarnings([])}>
              ×
            </button>
          </div>
          <ul className="warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
